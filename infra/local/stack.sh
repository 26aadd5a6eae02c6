#!/usr/bin/env bash
# VideoGov local stack: the real components the services need, run as plain local processes (no
# Docker). This command only strings together the scripts beside it, one job each:
#
#   secrets.sh   the state folder's secrets, generated once      lib/common.sh    output, timing, state naming
#   postgres.sh  the machine's PostgreSQL or a private cluster   lib/proc.sh      recorded processes, stopping them
#   keycloak.sh  Keycloak with realm `videogov`                  lib/ports.sh     free and fixed ports
#   s3.sh        MinIO or S3Proxy                                lib/dist.sh      once-only downloads under a lock
#                                                                lib/services.sh  the table infra/services
# Usage:
#   infra/local/stack.sh up   STATE_DIR [--ports dev|random]
#   infra/local/stack.sh down STATE_DIR
#
#   --ports dev     (default) the fixed ports of the `stack` rows of infra/services (Keycloak 8180,
#                   management 9190, S3 9200)
#   --ports random  free ports chosen at start (never 5432 3306 6379 5672 15672 4222 1883 9000)
#
# Every database of a state folder carries its suffix: "_" and 8 hex digits of the SHA-256 of the
# folder's real path (keycloak_<name>_<hash>, site_registry_<hash>, …; VIDEOGOV_TEST_DB_SUFFIX for
# the tests), so two checkouts sharing the machine's PostgreSQL never touch each other's databases.
#
# What `up` leaves in STATE_DIR:
#   stack.env     sourceable `export VIDEOGOV_…=…` lines (URLs, ports, database names, secrets); chmod 600
#   secrets.env   secrets generated once per STATE_DIR and reused afterwards; chmod 600
#   pids          "<name> <pid> <start-time>" of every process the stack started
#   run/          each component's variables (postgres.env, keycloak.env, s3.env), merged into stack.env
#   logs/         postgres.log, keycloak.log, s3proxy.log / minio.log
#   pgdata/       private PostgreSQL cluster (only when 5432 did not answer)
#   s3data/       the S3 server's objects (persistent)
#   keycloak-import/  the realm file Keycloak imports at start
#
# `down` stops exactly the processes listed in STATE_DIR/pids (TERM, then KILL after
# VIDEOGOV_STOP_TIMEOUT seconds; a private PostgreSQL with `pg_ctl stop -m fast`) and keeps the data.
# Databases and secrets survive `down`/`up`.
#
# Environment switches:
#   VIDEOGOV_PG_FORCE_PRIVATE=1  skip the 127.0.0.1:5432 probe, always run a private cluster
#   VIDEOGOV_KEYCLOAK_FRESH=1    drop and recreate the Keycloak database so the realm file is
#                                imported again (always done for a state dir named `test`)
#   VIDEOGOV_KEYCLOAK_TIMEOUT    seconds to wait for Keycloak readiness (default 300)
#   VIDEOGOV_S3_TIMEOUT          seconds to wait for the S3 server (default 60)
#   VIDEOGOV_STOP_TIMEOUT        seconds between TERM and KILL in `down` (default 30)
#   VIDEOGOV_KEYCLOAK_JAVA_HOME  JDK for Keycloak (default: JAVA_HOME or `java` on the PATH)
#   VIDEOGOV_DIST_DIR            where Keycloak and S3Proxy are unpacked once per machine
#                                (default ~/.cache/videogov/dist, shared by every checkout)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/ports.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/proc.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/services.sh"

usage() {
  cat >&2 <<'USAGE'
usage: infra/local/stack.sh up   STATE_DIR [--ports dev|random]
       infra/local/stack.sh down STATE_DIR
USAGE
  exit 2
}

UP_DONE=0
KEYCLOAK_JOB=""
on_up_exit() {
  local status=$?
  if [[ "$UP_DONE" != 1 ]]; then
    warn "up failed (exit $status); stopping what it started"
    if [[ -n "$KEYCLOAK_JOB" ]]; then
      kill -TERM "$KEYCLOAK_JOB" 2>/dev/null || true
      wait "$KEYCLOAK_JOB" 2>/dev/null || true
    fi
    stop_recorded "$STATE_DIR" || true
  fi
}

# Sets KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT and S3_PORT.
choose_ports() {
  local name port
  case "$1" in
    dev)
      while read -r name port; do
        case "$name" in
          keycloak) KEYCLOAK_PORT="$port"; require_port_free "$port" "Keycloak HTTP" ;;
          keycloak-management) KEYCLOAK_MANAGEMENT_PORT="$port"; require_port_free "$port" "Keycloak management" ;;
          s3) S3_PORT="$port"; require_port_free "$port" "S3 server" ;;
        esac
      done < <(services_table stack)
      [[ -n "${KEYCLOAK_PORT:-}" && -n "${KEYCLOAK_MANAGEMENT_PORT:-}" && -n "${S3_PORT:-}" ]] \
        || die "infra/services lacks a stack row for keycloak, keycloak-management or s3"
      ;;
    random)
      pick_free_port KEYCLOAK_PORT
      pick_free_port KEYCLOAK_MANAGEMENT_PORT
      pick_free_port S3_PORT
      ;;
  esac
}

write_stack_env() {
  local suffix="$1" name var
  local -a pairs
  # shellcheck source=/dev/null  # the state folder's secrets and its components' variables
  source "$STATE_DIR/secrets.env"
  # shellcheck source=/dev/null
  source "$STATE_DIR/run/postgres.env"
  # shellcheck source=/dev/null
  source "$STATE_DIR/run/keycloak.env"
  # shellcheck source=/dev/null
  source "$STATE_DIR/run/s3.env"
  pairs=(
    VIDEOGOV_STATE_DIR "$STATE_DIR"
    VIDEOGOV_PG_HOST "$VIDEOGOV_PG_HOST"
    VIDEOGOV_PG_PORT "$VIDEOGOV_PG_PORT"
    VIDEOGOV_PG_USER postgres
    VIDEOGOV_PG_PASSWORD ""
    VIDEOGOV_PG_MODE "$VIDEOGOV_PG_MODE"
    VIDEOGOV_TEST_DB_SUFFIX "$suffix"
    VIDEOGOV_KEYCLOAK_URL "$VIDEOGOV_KEYCLOAK_URL"
    VIDEOGOV_KEYCLOAK_MANAGEMENT_URL "$VIDEOGOV_KEYCLOAK_MANAGEMENT_URL"
    VIDEOGOV_OIDC_ISSUER "$VIDEOGOV_OIDC_ISSUER"
    VIDEOGOV_KEYCLOAK_DB "$VIDEOGOV_KEYCLOAK_DB"
    VIDEOGOV_KEYCLOAK_ADMIN_USERNAME "$VIDEOGOV_KEYCLOAK_ADMIN_USERNAME"
    VIDEOGOV_KEYCLOAK_ADMIN_PASSWORD "$VIDEOGOV_KEYCLOAK_ADMIN_PASSWORD"
    VIDEOGOV_KEYCLOAK_READY_SECONDS "$VIDEOGOV_KEYCLOAK_READY_SECONDS"
    VIDEOGOV_DEMO_PASSWORD "$VIDEOGOV_DEMO_PASSWORD"
    VIDEOGOV_S3_KIND "$VIDEOGOV_S3_KIND"
    VIDEOGOV_S3_ENDPOINT "$VIDEOGOV_S3_ENDPOINT"
    VIDEOGOV_S3_ACCESS_KEY "$VIDEOGOV_S3_ACCESS_KEY"
    VIDEOGOV_S3_SECRET_KEY "$VIDEOGOV_S3_SECRET_KEY"
    VIDEOGOV_EVIDENCE_SIGNING_KEY "${VIDEOGOV_EVIDENCE_SIGNING_KEY:-}"
  )
  while read -r name _; do
    var="$(service_var "$name")"
    pairs+=("VIDEOGOV_${var}_DB" "$(service_db "$name")$suffix")
    var="VIDEOGOV_CLIENT_SECRET_$var"
    pairs+=("$var" "${!var}")
  done < <(services_table service)
  write_env_file "$STATE_DIR/stack.env" "${pairs[@]}"
  sed -i "1i # Written by infra/local/stack.sh up at $(date -Is); removed by down. Contains secrets." "$STATE_DIR/stack.env"
}

cmd_up() {
  local ports_mode="$1" live total suffix name fresh=""
  mkdir -p "$STATE_DIR/logs" "$STATE_DIR/run"

  read -r live total <<<"$(count_live "$STATE_DIR")"
  if (( total > 0 )); then
    if (( live == total )) && [[ -f "$STATE_DIR/stack.env" ]]; then
      say "stack in $STATE_DIR is already running ($live processes); reusing it"
      say "env: source $STATE_DIR/stack.env"
      return 0
    elif (( live > 0 )); then
      die "stack in $STATE_DIR is partly running ($live of $total processes alive); run: $0 down $STATE_DIR"
    fi
    rm -f "$STATE_DIR/pids"   # stale: nothing of it is alive
  fi
  rm -f "$STATE_DIR/stack.env" "$STATE_DIR"/run/*.env
  : >"$STATE_DIR/pids"
  trap on_up_exit EXIT

  # A state folder named `test` (or VIDEOGOV_KEYCLOAK_FRESH=1, or freshly generated secrets) gets an
  # empty Keycloak database, so the realm is imported anew with this folder's secrets.
  if [[ -n "$("$VIDEOGOV_LOCAL_DIR/secrets.sh" "$STATE_DIR")" || "$(state_name "$STATE_DIR")" == test \
        || "${VIDEOGOV_KEYCLOAK_FRESH:-0}" == 1 ]]; then
    fresh=--fresh
  fi
  choose_ports "$ports_mode"
  suffix="$(state_suffix "$STATE_DIR")"

  "$VIDEOGOV_LOCAL_DIR/postgres.sh" up "$STATE_DIR"
  while read -r name _; do
    "$VIDEOGOV_LOCAL_DIR/postgres.sh" database "$STATE_DIR" "$(service_db "$name")$suffix"
  done < <(services_table service)

  # Keycloak takes longest: start it in the background and bring up S3 while it boots.
  "$VIDEOGOV_LOCAL_DIR/keycloak.sh" up "$STATE_DIR" "$KEYCLOAK_PORT" "$KEYCLOAK_MANAGEMENT_PORT" ${fresh:+"$fresh"} &
  KEYCLOAK_JOB=$!
  "$VIDEOGOV_LOCAL_DIR/s3.sh" up "$STATE_DIR" "$S3_PORT"
  wait "$KEYCLOAK_JOB" || die "Keycloak did not come up; see $STATE_DIR/logs/keycloak.log"
  KEYCLOAK_JOB=""

  write_stack_env "$suffix"
  UP_DONE=1
  trap - EXIT
  say "env:        source $STATE_DIR/stack.env   (logs in $STATE_DIR/logs, stop with: $0 down $STATE_DIR)"
}

cmd_down() {
  if [[ ! -f "$STATE_DIR/pids" ]]; then
    say "nothing recorded in $STATE_DIR/pids; nothing to stop"
    rm -f "$STATE_DIR/stack.env"
    return 0
  fi
  stop_recorded "$STATE_DIR"
}

[[ $# -ge 2 && -n "$2" ]] || usage
COMMAND="$1"
STATE_ARG="$2"
shift 2
PORTS_MODE=dev
while [[ $# -gt 0 ]]; do
  case "$1" in
    --ports) [[ $# -ge 2 ]] || usage; PORTS_MODE="$2"; shift 2 ;;
    --ports=*) PORTS_MODE="${1#--ports=}"; shift ;;
    *) usage ;;
  esac
done
[[ "$PORTS_MODE" == dev || "$PORTS_MODE" == random ]] || die "--ports must be dev or random"

if [[ "$COMMAND" == down && ! -d "$STATE_ARG" ]]; then
  say "no state dir $STATE_ARG; nothing to stop"
  exit 0
fi
mkdir -p "$STATE_ARG"
STATE_DIR="$(state_path "$STATE_ARG")"

case "$COMMAND" in
  up) cmd_up "$PORTS_MODE" ;;
  down) cmd_down ;;
  *) usage ;;
esac
