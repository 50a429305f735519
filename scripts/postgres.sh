#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL 15 cluster for the tests, on a socket folder and a
# free port in $PG_ROOT (default $USUL_HOME/pg, which the postgres user must be able to enter);
# prints the USUL_DATABASE_URL to use. Fails loudly if it cannot.
set -euo pipefail
action=${1:-start}
bin=/usr/lib/postgresql/15/bin
root=${PG_ROOT:-$USUL_HOME/pg}
data=$root/data
port=${PG_PORT:-54329}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$action" = stop ]; then
  [ -d "$data" ] && as_pg "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi
mkdir -p "$root"
[ "$(id -u)" -eq 0 ] && chown postgres "$root"
if [ ! -f "$data/PG_VERSION" ]; then
  as_pg "$bin/initdb" -D "$data" -U usul --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl" -D "$data" -w -l "$root/log" \
    -o "-k $root -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
fi
as_pg "$bin/psql" -h "$root" -p "$port" -U usul -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='usul'" | grep -q 1 || \
  as_pg "$bin/createdb" -h "$root" -p "$port" -U usul usul
echo "postgresql://usul@/usul?host=$root&port=$port"
