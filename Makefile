# Tổng kết — two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-db lint typecheck check-migrations bench screenshots clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/tongket setup
	$(BIN)/tongket serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(VENV)/.installed
	$(BIN)/mypy src tests bench scripts

check-migrations: $(VENV)/.installed
	mkdir -p var
	$(BIN)/tongket manage makemigrations --check --dry-run

test: lint typecheck check-migrations
	$(BIN)/pytest -q

# The database tests alone, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test make test-db
test-db: $(VENV)/.installed
	$(BIN)/pytest -q -m 'not browser'

bench: $(VENV)/.installed
	$(BIN)/python bench/extract.py

# PNGs of the main pages for the README (needs Chromium at /usr/bin/chromium)
screenshots: $(VENV)/.installed
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) var/*.sqlite3* .pytest_cache .mypy_cache .ruff_cache
