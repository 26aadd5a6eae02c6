#!/usr/bin/env bash
# PostgreSQL for one state folder: the machine's server on 127.0.0.1:5432 when it answers, otherwise
# a private cluster in STATE_DIR/pgdata on a free port (the postgresql Debian package is installed
# when no initdb is found).
#
#   infra/local/postgres.sh up STATE_DIR                   start (or find) it; writes STATE_DIR/run/postgres.env
#   infra/local/postgres.sh database STATE_DIR NAME [--fresh]   create database NAME unless it exists
#                                                          (--fresh: drop it first)
#   infra/local/postgres.sh stop STATE_DIR PID             stop the private cluster whose postmaster is PID
#
# Environment: VIDEOGOV_PG_FORCE_PRIVATE=1 skips the 127.0.0.1:5432 probe (always a private cluster);
# VIDEOGOV_STOP_TIMEOUT seconds for `pg_ctl stop` (default 30).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/ports.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/proc.sh"

PG_HOST=127.0.0.1

# Newest /usr/lib/postgresql/<version>/bin that has initdb, or nothing.
find_pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/initdb" ]]; then printf '%s\n' "$dir"; fi
  done | sort -V | tail -n 1
}

# The postgres user must be able to reach STATE_DIR/pgdata: grant o+x on every
# ancestor directory it cannot traverse (setfacl when available, to grant only it).
ensure_postgres_can_traverse() {
  local target="$1" path="" part
  local -a parts
  IFS='/' read -r -a parts <<<"${target#/}"
  for part in "${parts[@]}"; do
    path+="/$part"
    if ! runuser -u postgres -- test -x "$path"; then
      if command -v setfacl >/dev/null 2>&1; then
        setfacl -m u:postgres:x "$path"
      else
        chmod o+x "$path"
      fi
      say "note: let the postgres user traverse $path"
    fi
  done
}

# Starts the private cluster of STATE_DIR; sets PG_BIN and PG_PORT.
start_private() {
  local state="$1" logs="$1/logs" pgdata="$1/pgdata" sockdir="$1/pgsock" port_file="$1/pg.port" sockopt pid
  local log="$logs/postgres.log"

  PG_BIN="$(find_pg_bindir)"
  if [[ -z "$PG_BIN" ]]; then
    say "PostgreSQL: no initdb under /usr/lib/postgresql/*/bin; installing the postgresql package"
    (export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q postgresql) \
      >"$logs/apt-postgresql.log" 2>&1 || die "apt-get install postgresql failed; see $logs/apt-postgresql.log"
    PG_BIN="$(find_pg_bindir)"
    [[ -n "$PG_BIN" ]] || die "postgresql installed but no initdb found under /usr/lib/postgresql"
  fi
  id postgres >/dev/null 2>&1 || die "there is no 'postgres' user to run the private cluster"

  ensure_postgres_can_traverse "$state"

  # A cluster directory without PG_VERSION is a failed earlier initdb: start over.
  if [[ -d "$pgdata" && ! -f "$pgdata/PG_VERSION" ]]; then
    rm -rf "$pgdata"
  fi
  if [[ ! -d "$pgdata" ]]; then
    install -d -o postgres -g postgres -m 700 "$pgdata"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$pgdata" -U postgres \
      --auth-local=trust --auth-host=trust -E UTF8 --locale=C \
      >"$logs/postgres-initdb.log" 2>&1 || die "initdb failed; see $logs/postgres-initdb.log"
  fi

  # Keep the port of the previous run when it is still free (stable stack.env),
  # otherwise take a free one.
  if [[ -f "$port_file" ]] && PG_PORT="$(cat "$port_file")" && [[ -n "$PG_PORT" ]] && port_usable "$PG_PORT"; then
    claim_port "$PG_PORT"
  else
    pick_free_port PG_PORT
  fi
  printf '%s\n' "$PG_PORT" >"$port_file"

  # Unix socket in the state dir; socket paths are limited to ~107 bytes, so
  # without room for ".s.PGSQL.<port>" run TCP only.
  if (( ${#sockdir} < 90 )); then
    install -d -o postgres -g postgres -m 700 "$sockdir"
    sockopt="-c unix_socket_directories='$sockdir'"
  else
    sockopt="-c unix_socket_directories=''"
  fi

  touch "$log"
  chown postgres "$log"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pgdata" -l "$log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 $sockopt" start >/dev/null \
    || die "PostgreSQL did not start; see $log"
  pid="$(head -n 1 "$pgdata/postmaster.pid")"
  record_pid "$state" postgres "$pid"
}

cmd_up() {
  local state="$1" mode
  mkdir -p "$state/logs" "$state/run"
  if [[ "${VIDEOGOV_PG_FORCE_PRIVATE:-0}" != "1" ]] && command -v pg_isready >/dev/null 2>&1 \
     && pg_isready -q -h 127.0.0.1 -p 5432 -t 3; then
    mode=shared
    PG_PORT=5432
    PG_BIN="$(dirname "$(command -v psql)")" || die "psql not found"
    say "PostgreSQL  $PG_HOST:$PG_PORT (the machine's server)"
  else
    mode=private
    start_private "$state"
    say "PostgreSQL  $PG_HOST:$PG_PORT (private cluster in $state/pgdata)"
  fi
  write_env_file "$state/run/postgres.env" \
    VIDEOGOV_PG_HOST "$PG_HOST" VIDEOGOV_PG_PORT "$PG_PORT" VIDEOGOV_PG_MODE "$mode" STACK_PG_BIN "$PG_BIN"
}

psql_admin() {
  PGCONNECT_TIMEOUT=5 PGOPTIONS='-c client_min_messages=warning' "$STACK_PG_BIN/psql" -X \
    -h "$VIDEOGOV_PG_HOST" -p "$VIDEOGOV_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
}

db_exists() { [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" == "1" ]]; }

cmd_database() {
  local state="$1" db="$2" fresh="${3:-}" version
  [[ "$db" =~ ^[a-z][a-z0-9_]{0,62}$ ]] || die "unsafe database name $db"
  [[ -f "$state/run/postgres.env" ]] || die "no $state/run/postgres.env; run: postgres.sh up $state"
  # shellcheck source=/dev/null  # written by cmd_up above
  source "$state/run/postgres.env"
  if [[ "$fresh" == --fresh ]]; then
    version="$(psql_admin -c 'SHOW server_version_num')"
    if (( version >= 130000 )); then
      psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    else
      psql_admin -c "DROP DATABASE IF EXISTS \"$db\""
    fi
  fi
  if ! db_exists "$db"; then
    # A concurrent run may create it in between: only fail if it is still missing.
    psql_admin -c "CREATE DATABASE \"$db\"" 2>/dev/null || db_exists "$db" || die "could not create database $db"
  fi
}

cmd_stop() {
  local state="$1" pid="$2" bindir
  bindir="$(dirname "$(readlink "/proc/$pid/exe")")"
  runuser -u postgres -- "$bindir/pg_ctl" -D "$state/pgdata" -m fast -w -t "$STOP_TIMEOUT" stop </dev/null >/dev/null 2>&1
}

case "${1:-}:$#" in
  up:2) cmd_up "$2" ;;
  database:3 | database:4) cmd_database "$2" "$3" "${4:-}" ;;
  stop:3) cmd_stop "$2" "$3" ;;
  *) die "usage: postgres.sh up STATE_DIR | database STATE_DIR NAME [--fresh] | stop STATE_DIR PID" ;;
esac
