#!/usr/bin/env bash
# Stop a server started by scripts/ci/start-postgis.sh and remove its directory.
#
#   bash scripts/ci/stop-postgis.sh DIR
#
# Only acts on a DIR that start-postgis.sh made (it holds pcmt-ci-postgis.env naming DIR itself):
# any other directory is refused, so this can never stop someone else's cluster or delete their data.
# `pg_ctl -D DIR stop` stops exactly the postmaster of DIR (read from DIR/postmaster.pid).
# A DIR that no longer exists is not an error (already stopped and removed).
set -euo pipefail

log() { printf 'stop-postgis: %s\n' "$*" >&2; }
die() { printf 'stop-postgis: ERROR: %s\n' "$*" >&2; exit 1; }

if [ $# -ne 1 ] || [ -z "$1" ]; then die "usage: stop-postgis.sh DIR"; fi
arg="$1"
if [ ! -e "$arg" ]; then
  log "$arg does not exist: nothing to stop"
  exit 0
fi
[ -d "$arg" ] || die "$arg is not a directory"
dir="$(cd "$arg" && pwd -P)"
state="$dir/pcmt-ci-postgis.env"
[ -f "$state" ] || die "$dir has no pcmt-ci-postgis.env: not a server made by start-postgis.sh, refusing to touch it"

PCMT_PG_DIR="" PCMT_PG_BINDIR="" PCMT_PG_OWNER=""
# shellcheck disable=SC1090
. "$state"
[ "$PCMT_PG_DIR" = "$dir" ] || die "$state names '$PCMT_PG_DIR', not $dir: refusing"
bindir="${PCMT_PG_BINDIR:-/usr/lib/postgresql/15/bin}"

if [ "$(id -u)" -eq 0 ] && [ -n "$PCMT_PG_OWNER" ] && [ "$PCMT_PG_OWNER" != root ]; then
  as_owner() { (cd / && runuser -u "$PCMT_PG_OWNER" -- "$@"); }
else
  as_owner() { (cd / && "$@"); }
fi

if [ -f "$dir/postmaster.pid" ]; then
  if as_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    log "stopping server of $dir"
    if ! as_owner "$bindir/pg_ctl" -D "$dir" stop -m fast -w -t 60 -s >&2; then
      log "fast shutdown failed; trying immediate"
      as_owner "$bindir/pg_ctl" -D "$dir" stop -m immediate -w -t 30 -s >&2 \
        || die "could not stop the server of $dir; leaving the directory in place"
    fi
  else
    log "server of $dir is not running (stale postmaster.pid)"
  fi
else
  log "server of $dir is not running"
fi

rm -rf -- "$dir"
log "removed $dir"
