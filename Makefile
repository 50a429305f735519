# Usul — the project's vocabulary. `make run` and `make test` are the two commands.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
USUL_HOME ?= $(CURDIR)/var
export USUL_HOME

.PHONY: run test test-sqlite test-postgres test-browser bench lint messages setup system-deps demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

setup: $(VENV)/.installed

## make run: set up, prepare the database, load the demo school if empty, serve on :8000
# The demo is looked at on one's own machine with the printed passwords: two-factor log-in is
# not required there unless USUL_REQUIRE_2FA=1 is given (README, "Log-in and production").
run: setup
	scripts/system-deps.sh serve
	$(BIN)/usul demo --if-empty
	USUL_REQUIRE_2FA=$${USUL_REQUIRE_2FA:-0} $(BIN)/usul serve --host 127.0.0.1 --port 8000

## make test: everything the tests need, then the suite on SQLite and PostgreSQL + browser
test: setup system-deps
	scripts/test-all.sh

system-deps:
	scripts/system-deps.sh

bench: setup
	USUL_HOME=$(CURDIR)/var/bench $(BIN)/python -m benchmarks

lint: setup
	$(BIN)/ruff check usul benchmarks conftest.py
	$(BIN)/ruff format --check usul benchmarks conftest.py
	$(BIN)/mypy

## make messages: refresh every app's ky/ru/en catalogues and compile them
messages: setup
	for app in usul/*/; do if [ -d $$app/locale ]; then (cd $$app && ../../$(BIN)/django-admin makemessages -l ky -l ru -l en --no-obsolete --no-location >/dev/null); fi; done
	$(BIN)/usul compilemessages --ignore=.venv >/dev/null

clean:
	rm -rf var/test var/bench
