# Set-up and everyday tasks. `make brief` and `make test` are all a fresh machine needs.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: brief test lint system-deps clean

## Install (system libraries, then the package in $(VENV)) and write reports/briefing.*
brief: $(VENV)/.installed
	$(BIN)/framing brief seeds/ -o reports/

## Install with the dev and dask extras, lint, type-check and run the tests
test: $(VENV)/.installed
	$(BIN)/ruff check framing tests benchmarks
	$(BIN)/mypy framing
	$(BIN)/pytest; code=$$?; if [ $$code -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$code

$(VENV)/.installed: pyproject.toml
	./.ci/system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $@

## The Debian libraries WeasyPrint needs (Pango, HarfBuzz subset, a font); a no-op if present
system-deps:
	./.ci/system-deps

clean:
	rm -rf $(VENV) build dist *.egg-info reports/briefing.*
