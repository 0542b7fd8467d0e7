"""Ingest: files, folders and corpus records in; clean `Document`s out (decoding, saved web
pages, cleaning, dates, language, duplicates, and the cleaner's audit)."""
