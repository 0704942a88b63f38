#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 + PostGIS server for tests.
#
#   url=$(bash scripts/ci/start-postgis.sh [--state-file FILE])
#
# stdout: exactly one line, the connection URL (postgres://postgres@127.0.0.1:PORT/pcmt_test).
# stderr: everything else (progress, errors, the server log on failure).
#
# The server lives in a fresh `mktemp -d` directory DIR (data directory, Unix socket and log),
# listens on 127.0.0.1 only, on a random free port in 20000-39999 (never 5432: other PostgreSQL
# servers may run on this machine and are never touched), with trust auth and fsync off.
# The database pcmt_test has the postgis extension.
#
# State: DIR/pcmt-ci-postgis.env (PCMT_PG_DIR, PCMT_PG_PORT, PCMT_PG_URL, ...), copied to FILE when
# --state-file is given. Stop and remove it with: bash scripts/ci/stop-postgis.sh DIR
#
# Runs as root (initdb/postgres then run as the OS user postgres via runuser) or as any other user
# (then everything runs as that user). If anything fails after the directory was made, the script
# stops its server and removes the directory itself before exiting non-zero.
#
# Environment: PCMT_PG_BINDIR (default /usr/lib/postgresql/15/bin), PCMT_PG_TMPDIR (parent of DIR,
# default /tmp), PCMT_PG_DBNAME (default pcmt_test), PCMT_PG_PORT (use this port only, fail if busy;
# default: a random free one).
set -euo pipefail

log() { printf 'start-postgis: %s\n' "$*" >&2; }
die() { printf 'start-postgis: ERROR: %s\n' "$*" >&2; exit 1; }

state_copy=""
while [ $# -gt 0 ]; do
  case "$1" in
    --state-file) [ $# -ge 2 ] || die "--state-file needs a path"; state_copy="$2"; shift 2 ;;
    --state-file=*) state_copy="${1#*=}"; shift ;;
    -h|--help) sed -n '2,24p' "$0" >&2; exit 0 ;;
    *) die "unknown argument: $1 (usage: start-postgis.sh [--state-file FILE])" ;;
  esac
done

bindir="${PCMT_PG_BINDIR:-/usr/lib/postgresql/15/bin}"
parent="${PCMT_PG_TMPDIR:-/tmp}"
dbname="${PCMT_PG_DBNAME:-pcmt_test}"
dbuser=postgres
[[ "${PCMT_PG_PORT:-1024}" =~ ^[0-9]+$ ]] || { printf 'start-postgis: ERROR: bad PCMT_PG_PORT\n' >&2; exit 1; }
[[ "$dbname" =~ ^[a-z_][a-z0-9_]*$ ]] || { printf 'start-postgis: ERROR: bad PCMT_PG_DBNAME %s\n' "$dbname" >&2; exit 1; }

# Connection settings from the caller's environment must not redirect our client calls elsewhere.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGPASSFILE PGSERVICE PGSERVICEFILE \
  PGOPTIONS PGSSLMODE PGDATA PGTZ 2>/dev/null || true

# ---- preflight -------------------------------------------------------------------------------
for b in initdb pg_ctl postgres psql; do
  [ -x "$bindir/$b" ] || die "$bindir/$b not found: install PostgreSQL 15 (apt-get install -y postgresql-15 postgresql-15-postgis-3) or set PCMT_PG_BINDIR"
done
sharedir="$("$bindir/pg_config" --sharedir 2>/dev/null || echo /usr/share/postgresql/15)"
[ -f "$sharedir/extension/postgis.control" ] \
  || die "PostGIS is not installed for this server ($sharedir/extension/postgis.control missing): apt-get install -y postgresql-15-postgis-3"
command -v mktemp >/dev/null || die "mktemp not found"
[ -d "$parent" ] || die "PCMT_PG_TMPDIR=$parent is not a directory"

# initdb refuses to run as root: as root, run the server as the OS user postgres.
if [ "$(id -u)" -eq 0 ]; then
  if ! id -u postgres >/dev/null 2>&1; then
    log "OS user postgres missing: creating it (system user, no login)"
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
      --shell /usr/sbin/nologin postgres || die "could not create OS user postgres"
  fi
  command -v runuser >/dev/null || die "runuser not found (util-linux)"
  as_owner() { (cd / && runuser -u postgres -- "$@"); }
  owner=postgres
else
  as_owner() { (cd / && "$@"); }
  owner="$(id -un)"
fi

# Locale: C.UTF-8 ships with Debian's libc; fall back to C (still UTF8-encoded) if it is missing.
if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
  locale_opt=(--locale=C.UTF-8)
else
  log "WARNING: locale C.UTF-8 not available; using --locale=C (encoding stays UTF8)"
  locale_opt=(--locale=C)
fi

# ---- directory ---------------------------------------------------------------------------------
dir="$(mktemp -d "$parent/pcmt-pg.XXXXXXXX")" || die "mktemp -d in $parent failed"
dir="$(cd "$dir" && pwd -P)"   # physical path: what the server reports as data_directory
state="$dir/pcmt-ci-postgis.env"
started=0

cleanup_on_failure() {
  local rc=$?
  [ "$rc" -eq 0 ] && return 0
  log "failed (exit $rc): cleaning up $dir"
  if [ "$started" -eq 1 ] && [ -f "$dir/log" ]; then
    log "---- server log (last 30 lines) ----"
    tail -n 30 "$dir/log" >&2 || true
    log "------------------------------------"
  fi
  if [ -f "$dir/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir" stop -m immediate -w -t 30 -s >&2 || true
  fi
  rm -rf -- "$dir"
  [ -n "$state_copy" ] && rm -f -- "$state_copy"
  exit "$rc"
}
trap cleanup_on_failure EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Unix socket paths are limited to 107 bytes: DIR/.s.PGSQL.NNNNN must fit.
[ $(( ${#dir} + 18 )) -le 107 ] || die "socket path too long under $dir: set PCMT_PG_TMPDIR to a shorter path"

if [ "$owner" != "$(id -un)" ]; then
  chown "$owner:" "$dir" || die "chown $owner $dir failed"
fi
chmod 700 "$dir"
as_owner test -w "$dir" || die "user $owner cannot write $dir (is $parent traversable by $owner?)"

# ---- initdb ------------------------------------------------------------------------------------
log "initdb in $dir (as $owner)"
if ! out="$(as_owner "$bindir/initdb" -D "$dir" -A trust -U "$dbuser" --encoding=UTF8 "${locale_opt[@]}" \
  --no-instructions --no-sync 2>&1)"; then
  printf '%s\n' "$out" >&2
  die "initdb failed"
fi

# ---- pick a port and start -----------------------------------------------------------------------
port_is_free() {
  local p="$1"
  if command -v ss >/dev/null 2>&1; then
    # any listener on that port, any address (a 0.0.0.0 or [::] listener blocks 127.0.0.1 too)
    [ -z "$(ss -Hltn "sport = :$p" 2>/dev/null)" ] || return 1
  fi
  # a connect that succeeds means someone is listening
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then return 1; fi
  # our own socket lock file must not exist either
  [ ! -e "$dir/.s.PGSQL.$p" ]
}

port=""
max_attempts=10
[ -n "${PCMT_PG_PORT:-}" ] && max_attempts=1
for (( attempt = 1; attempt <= max_attempts; attempt++ )); do
  candidate="${PCMT_PG_PORT:-$(( 20000 + (RANDOM * 32768 + RANDOM) % 20000 ))}"
  port_is_free "$candidate" || { log "port $candidate busy, trying another"; continue; }
  log "starting server on 127.0.0.1:$candidate (attempt $attempt)"
  started=1
  rm -f -- "$dir/log"
  if as_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/log" -w -t 60 -s \
      -o "-p $candidate -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >&2; then
    port="$candidate"
    break
  fi
  # Lost a race for the port (or another start failure): show why, make sure nothing is left, retry.
  log "pg_ctl start failed on port $candidate; server log tail:"
  tail -n 5 "$dir/log" >&2 || true
  if [ -f "$dir/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir" stop -m immediate -w -t 30 -s >&2 || true
  fi
  if ! grep -qiE 'could not (bind|create listen)|address already in use' "$dir/log" 2>/dev/null; then
    die "server did not start (not a port conflict): see the log above"
  fi
done
[ -n "$port" ] || die "could not find a free port for PostgreSQL after $max_attempts attempt(s)"

base="postgres://$dbuser@127.0.0.1:$port"
psql_q() { # psql_q DB SQL: one value, over TCP (the same path the tests use)
  "$bindir/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$base/$1" -c "$2" </dev/null
}

# ---- verify it is ours ---------------------------------------------------------------------------
reported="$(psql_q postgres 'SHOW data_directory')" || die "cannot connect to $base/postgres"
if [ "$reported" != "$dir" ]; then
  die "the server on 127.0.0.1:$port is NOT ours: data_directory is '$reported', expected '$dir'. Refusing to use it."
fi
pidfile_pid="$(head -n 1 "$dir/postmaster.pid")"
log "verified: 127.0.0.1:$port serves data_directory $dir (postmaster pid $pidfile_pid)"

# ---- database + PostGIS --------------------------------------------------------------------------
psql_q postgres "CREATE DATABASE $dbname" >/dev/null || die "CREATE DATABASE $dbname failed"
psql_q "$dbname" 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null || die "CREATE EXTENSION postgis failed"
postgis="$(psql_q "$dbname" 'SELECT postgis_lib_version()')" || die "postgis does not answer"
log "database $dbname ready with PostGIS $postgis"

url="$base/$dbname"
{
  printf 'PCMT_PG_DIR=%q\n' "$dir"
  printf 'PCMT_PG_PORT=%q\n' "$port"
  printf 'PCMT_PG_URL=%q\n' "$url"
  printf 'PCMT_PG_PID=%q\n' "$pidfile_pid"
  printf 'PCMT_PG_BINDIR=%q\n' "$bindir"
  printf 'PCMT_PG_OWNER=%q\n' "$owner"
} >"$state"
if [ -n "$state_copy" ]; then
  cp -- "$state" "$state_copy" || die "could not write $state_copy"
fi

trap - EXIT INT TERM
printf '%s\n' "$url"
