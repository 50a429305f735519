#!/usr/bin/env bash
# The whole suite: on SQLite (with the browser tests), then on a real PostgreSQL server.
# Exits non-zero on any failure; nothing is skipped silently.
set -euo pipefail
cd "$(dirname "$0")/.."
export USUL_HOME="$PWD/var/test"
export DJANGO_ALLOW_ASYNC_UNSAFE=true
mkdir -p "$USUL_HOME"
py=.venv/bin/pytest
status=0

echo "== Lint: ruff (style, naive datetimes, translations, security checks)"
.venv/bin/ruff check usul benchmarks conftest.py || status=1
.venv/bin/ruff format --check usul benchmarks conftest.py || status=1
echo "== Types: mypy with django-stubs (the policy, services and selectors; see pyproject.toml)"
.venv/bin/mypy || status=1

echo "== Migrations match the models"
USUL_DATABASE_URL= .venv/bin/usul makemigrations --check --dry-run >/dev/null || {
  echo "error: a model change has no migration (run: usul makemigrations <app> --name ...)" >&2
  status=1; }

echo "== Translation catalogues compile cleanly (placeholders match in ky, ru, en)"
for po in $(git ls-files '*.po' 2>/dev/null || find usul -name '*.po'); do
  msgfmt --check -o /dev/null "$po" || status=1
done

echo "== SQLite (with browser tests)"
# Tables straight from the models here; the PostgreSQL run below applies the real migrations.
USUL_DATABASE_URL= $py -q -rfE --nomigrations || status=1

echo "== PostgreSQL"
# The server runs as the postgres user, who may not enter USUL_HOME (the service's own data,
# 0700): its cluster lives in a folder of its own.
export PG_ROOT="${PG_ROOT:-$(mktemp -d /tmp/usul-test-pg.XXXXXX)}"
url=$(scripts/postgres.sh start) || { echo "error: PostgreSQL did not start" >&2; exit 1; }
trap 'scripts/postgres.sh stop; rm -rf "$PG_ROOT"' EXIT
USUL_DATABASE_URL="$url" $py -q -rfE -m "not browser" || status=1

exit $status
