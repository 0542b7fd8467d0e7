"""What the cleaner did to one article, line by line, for `framing inspect`."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from framing.ingest.clean import prose_words
from framing.models import Document, Metadata, Source


def audit(source: Source, document: Document, language: str) -> dict[str, Any]:
    """Every line of the article in order, kept or removed (with the reason), and each
    metadata field with where it came from: plain JSON data, printed by the CLI."""
    lines = [
        {"line": p.line, "status": "kept", "kind": p.kind, "text": p.text, "reason": ""}
        for p in document.paragraphs
    ] + [
        {"line": r.line, "status": "removed", "kind": "", "text": r.text, "reason": r.reason}
        for r in document.removed
    ]
    return {
        "path": source.path,
        "format": source.format,
        "encoding": source.encoding,
        "language": language,
        "words": prose_words(document),
        "metadata": {
            f.name: {
                "value": getattr(document.meta, f.name),
                "source": document.provenance.get(f.name, ""),
            }
            for f in fields(Metadata)
        },
        "lines": sorted(lines, key=lambda line: line["line"]),
    }


def format_audit(report: dict[str, Any]) -> list[tuple[str, str]]:
    """The audit as (style, text) lines for a terminal: "-" removed, "+" kept body."""
    head = (
        f"{report['format']} · {report['encoding']} · language {report['language'] or 'unknown'}"
        f" · {report['words']} words"
    )
    out = [("title", f"== {report['path']} =="), ("", head)]
    for name, field in report["metadata"].items():
        value = field["value"] or "unknown"
        source = f"  ({field['source']})" if field["source"] else ""
        out.append(("", f"{name:<7} {value}{source}"))
    out.append(("", ""))
    for line in report["lines"]:
        if line["status"] == "removed":
            text = line["text"].replace("\n", " ⏎ ")
            out.append(("removed", f"{line['line']:>5} - {text}    [{line['reason']}]"))
        else:
            marker = "#" if line["kind"] == "heading" else "+"
            out.append(("kept", f"{line['line']:>5} {marker} {line['text']}"))
    return out
