#!/usr/bin/env bash
# Point-in-time recovery drill (`make pitr-drill`): continuous WAL archiving, a base backup,
# rows written after it, an "accident" (a DELETE), and a recovery to the moment before it.
# Everything runs in a throw-away PostgreSQL cluster on loopback (PITR_PORT, PITR_PORT+1) and
# a temporary directory: the project's database is never touched. Needs Debian's postgresql.
set -euo pipefail

PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
[ -x "$PGBIN/initdb" ] || { echo "pitr-drill: PostgreSQL server binaries not found (Debian's postgresql)" >&2; exit 1; }
PORT="${PITR_PORT:-55439}"
RPORT=$((PORT + 1))
WORK="$(mktemp -d /tmp/opq-pitr-XXXXXX)"
ARCH="$WORK/archive"  # in production: the Montréal site's share (see README, "Operations")
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { "$PGBIN/psql" -X -q -t -A -h 127.0.0.1 -p "$1" -U postgres -d postgres -c "$2"; }
cleanup() {
  status=$?
  if [ "$status" != 0 ]; then
    for log in "$WORK"/*.log; do [ -f "$log" ] && { echo "--- $log" >&2; tail -n 15 "$log" >&2; }; done
  fi
  for d in primary recovered; do
    [ -f "$WORK/$d/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/$d" -m immediate stop >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
for p in "$PORT" "$RPORT"; do
  if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$p"; then echo "pitr-drill: port $p is in use (set PITR_PORT)" >&2; exit 1; fi
done
mkdir -p "$ARCH"
[ "$(id -u)" = 0 ] && chown -R postgres: "$WORK"
chmod 700 "$WORK"

# 1. A primary with continuous archiving: every completed WAL segment is copied to the archive.
as_pg "$PGBIN/initdb" -D "$WORK/primary" -U postgres --auth=trust >/dev/null
cat >>"$WORK/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$WORK'
wal_level = replica
archive_mode = on
# Copy under a temporary name, then rename: a half-copied segment must never look archived
# (the drill once recovered from one, cut short by the primary's crash).
archive_command = 'test ! -f $ARCH/%f && cp %p $ARCH/%f.part && mv $ARCH/%f.part $ARCH/%f'
CONF
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null
sql "$PORT" "CREATE TABLE ledger (id serial PRIMARY KEY, note text NOT NULL, at timestamptz DEFAULT now())"
sql "$PORT" "INSERT INTO ledger (note) SELECT 'before the base backup' FROM generate_series(1, 100)"

# 2. The base backup (nightly in production), then more writes that only the WAL archive holds.
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PORT" -U postgres -D "$WORK/base" -X none -c fast \
  >/dev/null 2>"$WORK/basebackup.log" || { cat "$WORK/basebackup.log" >&2; exit 1; }
sql "$PORT" "INSERT INTO ledger (note) SELECT 'after the base backup' FROM generate_series(1, 100)"
TARGET="$(sql "$PORT" "SELECT now()")"
sleep 1
# 3. The accident, one second after the target: every row deleted.
sql "$PORT" "DELETE FROM ledger"
SEGMENT="$(sql "$PORT" "SELECT pg_walfile_name(pg_current_wal_lsn())")"
sql "$PORT" "SELECT pg_switch_wal()" >/dev/null
archived() { [ "$(sql "$PORT" "SELECT coalesce(last_archived_wal >= '$SEGMENT', false) FROM pg_stat_archiver")" = t ]; }
for _ in $(seq 1 60); do archived && break; sleep 0.5; done
archived || { echo "pitr-drill: segment $SEGMENT never reached the archive" >&2; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -m immediate stop >/dev/null  # the primary is lost

# 4. Recovery: the base backup, WAL replayed from the archive up to the target time, then promote.
started=$(date +%s.%N)
as_pg cp -a "$WORK/base" "$WORK/recovered"
cat >>"$WORK/recovered/postgresql.conf" <<CONF
port = $RPORT
restore_command = 'cp $ARCH/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
CONF
as_pg touch "$WORK/recovered/recovery.signal"
as_pg "$PGBIN/pg_ctl" -D "$WORK/recovered" -l "$WORK/recovered.log" -w start >/dev/null
for _ in $(seq 1 120); do [ "$(sql "$RPORT" "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ] && break; sleep 0.5; done
seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
before=$(sql "$RPORT" "SELECT count(*) FROM ledger WHERE note = 'before the base backup'")
after=$(sql "$RPORT" "SELECT count(*) FROM ledger WHERE note = 'after the base backup'")
if [ "$before" = 100 ] && [ "$after" = 100 ]; then
  printf 'PITR drill passed: recovered to %s in %.1f s: 100 rows from the base backup, 100 replayed from the WAL archive, the DELETE one second later not replayed\n' "$TARGET" "$seconds"
else
  echo "PITR drill FAILED: $before rows from the base backup and $after from the archive (expected 100 and 100)" >&2
  tail -n 20 "$WORK/recovered.log" >&2
  exit 1
fi
