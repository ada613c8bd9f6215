#!/usr/bin/env bash
# Project-local PostgreSQL for machines where DATABASE_URL is not set.
#
#   scripts/localdb.sh start   initialise (once) and start the cluster in .local/postgres
#   scripts/localdb.sh stop    stop it
#   scripts/localdb.sh url     print the DATABASE_URL to use
#
# The cluster listens on 127.0.0.1:$LOCAL_PG_PORT (default 54329) with trust auth for local
# connections only. It uses Debian's PostgreSQL server binaries; when they are missing and we
# are root, they are installed with apt-get (package `postgresql`). PostgreSQL refuses to run
# as root, so as root the cluster belongs to the `postgres` system user that package creates.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${LOCAL_PG_PORT:-54329}"
PGHOME="$PWD/.local/postgres"
DATA="$PGHOME/data"
DBNAME="${LOCAL_PG_DB:-opq_intranet}"

find_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

ensure_binaries() {
  if ! BIN="$(find_bindir)"; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "localdb: installing Debian's postgresql package" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
      BIN="$(find_bindir)"
    else
      echo "localdb: PostgreSQL server binaries not found; install Debian's 'postgresql' package or set DATABASE_URL" >&2
      exit 1
    fi
  fi
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  ensure_binaries
  mkdir -p "$PGHOME"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PGHOME"; fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$PGHOME/server.log" -w \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DATA -c fsync=off -c synchronous_commit=off -c shared_buffers=1GB" start >/dev/null
  fi
  if ! psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_database where datname='$DBNAME'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "create database $DBNAME" >/dev/null
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) ensure_binaries; as_owner "$BIN/pg_ctl" -D "$DATA" stop -m fast ;;
  url) echo "postgres://postgres@127.0.0.1:$PORT/$DBNAME" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
