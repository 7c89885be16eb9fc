# smabot: `make serve` and `make test` work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve index test lint eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

serve: install  ## serve the chat and the API on http://127.0.0.1:8000 (builds the index if needed)
	$(BIN)/smabot serve

index: install
	$(BIN)/smabot index

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

test: lint  ## lint, type-check and run every test
	$(BIN)/pytest

eval: install
	$(BIN)/smabot eval ../shared/eval/dev.jsonl

clean:
	rm -rf $(VENV) corpus/.index .pytest_cache .mypy_cache .ruff_cache
