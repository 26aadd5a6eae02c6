#!/usr/bin/env bash
# =============================================================================
# VideoGov local stack: the real components the services need, run as plain
# local processes (no Docker):
#
#   PostgreSQL  the machine's server on 127.0.0.1:5432 when it answers, otherwise a
#               private cluster in STATE_DIR/pgdata on a free port
#   Keycloak    keycloak-quarkus-dist (from the local Maven repository), start-dev,
#               database keycloak_<state name> in that PostgreSQL, realm `videogov`
#               imported from infra/keycloak/videogov-realm.json
#   S3          MinIO when a `minio` binary is on the PATH, otherwise S3Proxy
#               (filesystem blob store in STATE_DIR/s3data)
#
# Usage:
#   infra/local/stack.sh up   STATE_DIR [--ports dev|random]
#   infra/local/stack.sh down STATE_DIR
#
#   --ports dev     (default) Keycloak 8180 (management 9190), S3 9200
#   --ports random  free ports chosen at start (never 5432 3306 6379 5672 15672 4222 1883 9000)
#
# What `up` leaves in STATE_DIR:
#   stack.env     sourceable `export VIDEOGOV_…=…` lines (URLs, ports, secrets); chmod 600
#   secrets.env   secrets generated once per STATE_DIR and reused afterwards; chmod 600
#   pids          "<name> <pid> <start-time>" of every process this script started
#   logs/         postgres.log, keycloak.log, s3proxy.log / minio.log
#   pgdata/       private PostgreSQL cluster (only when 5432 did not answer)
#   s3data/       the S3 server's objects (persistent)
#   keycloak-import/  the realm file Keycloak imports at start
#
# `down` stops exactly the processes listed in STATE_DIR/pids (TERM, then KILL after
# VIDEOGOV_STOP_TIMEOUT seconds; a private PostgreSQL with `pg_ctl stop -m fast`) and
# keeps the data. Databases and secrets survive `down`/`up`.
#
# Environment switches:
#   VIDEOGOV_PG_FORCE_PRIVATE=1  skip the 127.0.0.1:5432 probe, always run a private cluster
#   VIDEOGOV_KEYCLOAK_FRESH=1    drop and recreate keycloak_<name> so the realm file is
#                                imported again (always done for a state dir named `test`)
#   VIDEOGOV_KEYCLOAK_TIMEOUT    seconds to wait for Keycloak readiness (default 300)
#   VIDEOGOV_S3_TIMEOUT          seconds to wait for the S3 server (default 60)
#   VIDEOGOV_STOP_TIMEOUT        seconds between TERM and KILL in `down` (default 30)
#   VIDEOGOV_KEYCLOAK_JAVA_HOME  JDK for Keycloak (default: JAVA_HOME or `java` on the PATH)
#
# Artifacts are fetched by Maven coordinates only (mvn dependency:copy from the local
# repository or the configured remote one) and unpacked once per machine under
# VIDEOGOV_DIST_DIR (default ~/.cache/videogov/dist), shared by every checkout, so a fresh
# clone does not unpack and rebuild Keycloak again.
# =============================================================================
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
DIST_DIR="${VIDEOGOV_DIST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/videogov/dist}"
REALM_FILE="$REPO_ROOT/infra/keycloak/videogov-realm.json"
S3PROXY_LOGBACK="$SCRIPT_DIR/s3proxy-logback.xml"

KEYCLOAK_VERSION="26.5.6"
KEYCLOAK_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:tar.gz"
KEYCLOAK_HOME="$DIST_DIR/keycloak-${KEYCLOAK_VERSION}"
S3PROXY_VERSION="4.1.0"
S3PROXY_ARTIFACT="org.gaul:s3proxy:${S3PROXY_VERSION}:jar:jar-with-dependencies"
S3PROXY_JAR="$DIST_DIR/s3proxy-${S3PROXY_VERSION}-jar-with-dependencies.jar"

# Fixed ports of `--ports dev` (the README lists them).
DEV_KEYCLOAK_PORT=8180
DEV_KEYCLOAK_MANAGEMENT_PORT=9190
DEV_S3_PORT=9200
# Ports other local servers use; never chosen for anything of ours.
FORBIDDEN_PORTS=" 5432 3306 6379 5672 15672 4222 1883 9000 "

# Databases created in PostgreSQL (one per service) besides keycloak_<name>.
SERVICE_DATABASES=(site_registry camera_inventory recording_metadata object_storage sharing_authz)
# Service clients of the realm; each gets VIDEOGOV_CLIENT_SECRET_<NAME>.
SERVICE_CLIENTS=(SITE_REGISTRY CAMERA_INVENTORY RECORDING_METADATA OBJECT_STORAGE SHARING_AUTHZ)

KEYCLOAK_TIMEOUT="${VIDEOGOV_KEYCLOAK_TIMEOUT:-300}"
S3_TIMEOUT="${VIDEOGOV_S3_TIMEOUT:-60}"
STOP_TIMEOUT="${VIDEOGOV_STOP_TIMEOUT:-30}"

# ----------------------------------------------------------------------------- helpers

# Output never ends the script: `down` runs from a launcher whose output pipe may be gone
# (./videogov start | tee log, then Ctrl-C), and a failed write must not leave processes running.
say() { { printf '%s\n' "$*"; } 2>/dev/null || true; }
warn() { printf 'stack.sh: %s\n' "$*" >&2 2>/dev/null || true; }
die() { printf 'stack.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat >&2 <<'EOF'
usage: infra/local/stack.sh up   STATE_DIR [--ports dev|random]
       infra/local/stack.sh down STATE_DIR
EOF
  exit 2
}

# Seconds since the epoch with fractions, for timing.
now() { date +%s.%N; }
# Whole seconds (rounded) between two `now` values.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d", (b - a) + 0.5 }'; }

# Random 32-hex-digit secret (128 bits) from the kernel's CSPRNG.
random_secret() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }

# Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat).
# Together with the PID it identifies one process, even if PIDs are reused later.
proc_start_time() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  # Field 2 (comm) may contain spaces; cut everything up to the last ") ".
  stat="${stat##*) }"
  # What remains starts at field 3, so field 22 is word 20.
  awk '{ print $20 }' <<<"$stat"
}

# True if PID is alive and is the same process that was recorded (same start time).
proc_matches() {
  local pid="$1" start="$2" current
  [[ -d "/proc/$pid" ]] || return 1
  current="$(proc_start_time "$pid")" || return 1
  [[ "$current" == "$start" ]]
}

# True if PID exists and has not exited (a child that exited stays a zombie until
# reaped, and `kill -0` would still succeed on it).
proc_running() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

# True if something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Ports handed out during this run, so two components never get the same one.
CHOSEN_PORTS=" "

# Sets variable $1 to a free TCP port on 127.0.0.1 that is not in FORBIDDEN_PORTS
# and was not handed out before in this run. (A variable, not output: CHOSEN_PORTS
# must be updated in this shell, not in a command-substitution subshell.)
pick_free_port() {
  local var="$1" port attempt
  for attempt in $(seq 1 100); do
    : "$attempt"
    if command -v python3 >/dev/null 2>&1 \
      && port="$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null)"; then
      :
    else
      # Fallback without python: probe a random port in 20000..59999.
      port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
      if port_in_use "$port"; then continue; fi
    fi
    [[ "$FORBIDDEN_PORTS" == *" $port "* ]] && continue
    [[ "$CHOSEN_PORTS" == *" $port "* ]] && continue
    CHOSEN_PORTS+="$port "
    printf -v "$var" '%s' "$port"
    return 0
  done
  die "could not find a free TCP port"
}

# Fails with a clear message if a fixed port is taken.
require_port_free() {
  local port="$1" what="$2"
  if port_in_use "$port"; then
    die "port $port ($what) is already in use; stop whatever listens there (another stack: 'stack.sh down DIR') or use --ports random"
  fi
  CHOSEN_PORTS+="$port "
}

# Runs Maven outside the repository (no project model, no .mvn of ours) to copy one
# artifact, given by its coordinates, into a directory.
mvn_copy() {
  local artifact="$1" out="$2" work
  command -v mvn >/dev/null 2>&1 || die "mvn is needed to fetch $artifact"
  work="$(mktemp -d)"
  if ! (cd "$work" && mvn -B -q -Dstyle.color=never dependency:copy \
          -Dartifact="$artifact" -DoutputDirectory="$out" >"$work/mvn.log" 2>&1); then
    cat "$work/mvn.log" >&2
    rm -rf "$work"
    die "mvn dependency:copy -Dartifact=$artifact failed"
  fi
  rm -rf "$work"
}

# Serialises work on the dist folder between concurrent runs (two stacks starting at once).
with_dist_lock() {
  mkdir -p "$DIST_DIR"
  (
    flock 9
    "$@"
  ) 9>"$DIST_DIR/.lock"
}

# ----------------------------------------------------------------------------- state files

# Records a started process: "<name> <pid> <start-time>".
record_pid() {
  local name="$1" pid="$2" start
  start="$(proc_start_time "$pid")" || die "$name (pid $pid) exited right after start; see $LOG_DIR"
  printf '%s %s %s\n' "$name" "$pid" "$start" >>"$PIDS_FILE"
}

# Loads STATE_DIR/secrets.env, generating whatever is missing (once per state dir).
# Sets SECRETS_CREATED=1 if any secret was new in this run.
load_or_create_secrets() {
  local file="$STATE_DIR/secrets.env" var
  local vars=(VIDEOGOV_KEYCLOAK_ADMIN_PASSWORD VIDEOGOV_DEMO_PASSWORD
              VIDEOGOV_S3_ACCESS_KEY VIDEOGOV_S3_SECRET_KEY)
  for var in "${SERVICE_CLIENTS[@]}"; do vars+=("VIDEOGOV_CLIENT_SECRET_$var"); done

  SECRETS_CREATED=0
  # Only this state dir's file counts, never values inherited from the caller's
  # environment (e.g. a shell that sourced another stack's stack.env).
  unset VIDEOGOV_KEYCLOAK_ADMIN_USERNAME "${vars[@]}"
  if [[ -f "$file" ]]; then
    # shellcheck disable=SC1090
    source "$file"
  fi
  ( umask 077; touch "$file" )
  chmod 600 "$file"
  if ! grep -q '^VIDEOGOV_KEYCLOAK_ADMIN_USERNAME=' "$file"; then
    printf 'VIDEOGOV_KEYCLOAK_ADMIN_USERNAME=%s\n' "admin" >>"$file"
    VIDEOGOV_KEYCLOAK_ADMIN_USERNAME="admin"
  fi
  for var in "${vars[@]}"; do
    if [[ -z "${!var:-}" ]]; then
      printf -v "$var" '%s' "$(random_secret)"
      printf '%s=%s\n' "$var" "${!var}" >>"$file"
      SECRETS_CREATED=1
    fi
  done
}

# ----------------------------------------------------------------------------- PostgreSQL

PG_HOST=127.0.0.1
PG_PORT=""
PG_MODE=""       # shared | private
PG_BIN=""        # directory holding psql (and initdb/pg_ctl for a private cluster)

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

psql_admin() {
  PGCONNECT_TIMEOUT=5 PGOPTIONS='-c client_min_messages=warning' "$PG_BIN/psql" -X -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -Atq "$@"
}

start_private_postgres() {
  local pgdata="$STATE_DIR/pgdata" sockdir="$STATE_DIR/pgsock" log="$LOG_DIR/postgres.log"
  local port_file="$STATE_DIR/pg.port" sockopt pid

  PG_BIN="$(find_pg_bindir)"
  if [[ -z "$PG_BIN" ]]; then
    say "PostgreSQL: no initdb under /usr/lib/postgresql/*/bin; installing the postgresql package"
    (export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q postgresql) \
      >"$LOG_DIR/apt-postgresql.log" 2>&1 || die "apt-get install postgresql failed; see $LOG_DIR/apt-postgresql.log"
    PG_BIN="$(find_pg_bindir)"
    [[ -n "$PG_BIN" ]] || die "postgresql installed but no initdb found under /usr/lib/postgresql"
  fi
  id postgres >/dev/null 2>&1 || die "there is no 'postgres' user to run the private cluster"

  ensure_postgres_can_traverse "$STATE_DIR"

  # A cluster directory without PG_VERSION is a failed earlier initdb: start over.
  if [[ -d "$pgdata" && ! -f "$pgdata/PG_VERSION" ]]; then
    rm -rf "$pgdata"
  fi
  if [[ ! -d "$pgdata" ]]; then
    install -d -o postgres -g postgres -m 700 "$pgdata"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$pgdata" -U postgres \
      --auth-local=trust --auth-host=trust -E UTF8 --locale=C \
      >"$LOG_DIR/postgres-initdb.log" 2>&1 || die "initdb failed; see $LOG_DIR/postgres-initdb.log"
  fi

  # Keep the port of the previous run when it is still free (stable stack.env),
  # otherwise take a free one.
  if [[ -f "$port_file" ]] && PG_PORT="$(cat "$port_file")" && [[ -n "$PG_PORT" ]] \
     && [[ "$FORBIDDEN_PORTS" != *" $PG_PORT "* ]] && ! port_in_use "$PG_PORT"; then
    CHOSEN_PORTS+="$PG_PORT "
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
  record_pid postgres "$pid"
  PG_MODE=private
}

start_postgres() {
  if [[ "${VIDEOGOV_PG_FORCE_PRIVATE:-0}" != "1" ]] && command -v pg_isready >/dev/null 2>&1 \
     && pg_isready -q -h 127.0.0.1 -p 5432 -t 3; then
    PG_MODE=shared
    PG_PORT=5432
    PG_BIN="$(dirname "$(command -v psql)")" || die "psql not found"
  else
    start_private_postgres
  fi
}

# Creates a database unless it exists.
ensure_database() {
  local db="$1"
  if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]]; then
    # A concurrent run may create it in between: only fail if it is still missing.
    psql_admin -c "CREATE DATABASE \"$db\"" 2>/dev/null \
      || [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" == "1" ]] \
      || die "could not create database $db"
  fi
}

drop_database() {
  local db="$1" version
  version="$(psql_admin -c 'SHOW server_version_num')"
  if (( version >= 130000 )); then
    psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  else
    psql_admin -c "DROP DATABASE IF EXISTS \"$db\""
  fi
}

# ----------------------------------------------------------------------------- Keycloak

KEYCLOAK_PORT=""
KEYCLOAK_MANAGEMENT_PORT=""
KEYCLOAK_PID=""
KEYCLOAK_STARTED_AT=""
# Keycloak's first start-dev with our build options (PostgreSQL, health, metrics) rebuilds the
# distribution in place (lib/quarkus). Two stacks doing that at once could break it,
# so until this marker exists a start holds a lock on fd 8 until Keycloak is ready.
KEYCLOAK_BUILT_MARKER="$KEYCLOAK_HOME/.videogov-built-postgres-health-metrics"
KEYCLOAK_BUILD_LOCK_HELD=0

unpack_keycloak() {
  [[ -x "$KEYCLOAK_HOME/bin/kc.sh" ]] && return 0
  say "Keycloak: fetching $KEYCLOAK_ARTIFACT and unpacking it (once)"
  local download="$DIST_DIR/.download" tmp
  mvn_copy "$KEYCLOAK_ARTIFACT" "$download"
  tmp="$(mktemp -d "$DIST_DIR/.unpack.XXXXXX")"
  tar -xzf "$download/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.tar.gz" -C "$tmp"
  mv "$tmp/keycloak-${KEYCLOAK_VERSION}" "$KEYCLOAK_HOME"
  rm -rf "$tmp" "$download"
}

start_keycloak() {
  local db="keycloak_${STATE_NAME}" import_dir="$STATE_DIR/keycloak-import" java_home var
  with_dist_lock unpack_keycloak

  # A state dir named `test` (or VIDEOGOV_KEYCLOAK_FRESH=1, or freshly generated
  # secrets) gets an empty Keycloak database, so the realm below is imported anew:
  # Keycloak skips realms that already exist.
  if [[ "$STATE_NAME" == "test" || "${VIDEOGOV_KEYCLOAK_FRESH:-0}" == "1" || "$SECRETS_CREATED" == "1" ]]; then
    drop_database "$db"
  fi
  ensure_database "$db"

  # Per-state import directory. `--import-realm` reads <dist>/data/import; when that
  # directory does not exist, Keycloak's startup import uses the system property
  # keycloak.migration.dir instead, which points here. ${VIDEOGOV_…} placeholders in
  # the realm file are replaced from this process's environment during the import.
  mkdir -p "$import_dir"
  cp "$REALM_FILE" "$import_dir/videogov-realm.json"
  if [[ -d "$KEYCLOAK_HOME/data/import" ]]; then
    warn "$KEYCLOAK_HOME/data/import exists and overrides the per-state realm import; remove it"
  fi

  java_home="${VIDEOGOV_KEYCLOAK_JAVA_HOME:-${JAVA_HOME:-}}"

  if [[ ! -f "$KEYCLOAK_BUILT_MARKER" ]]; then
    exec 8>"$DIST_DIR/.keycloak-build.lock"
    if ! flock -n 8; then
      say "Keycloak: waiting for another stack's first Keycloak start (it rebuilds the distribution)"
      flock -w 900 8 || die "timed out waiting for $DIST_DIR/.keycloak-build.lock"
    fi
    KEYCLOAK_BUILD_LOCK_HELD=1
  fi

  KEYCLOAK_STARTED_AT="$(now)"
  # setsid: Keycloak (kc.sh and its JVM) gets its own process group, so `down`
  # can find exactly its processes.
  (
    export KC_BOOTSTRAP_ADMIN_USERNAME="$VIDEOGOV_KEYCLOAK_ADMIN_USERNAME"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="$VIDEOGOV_KEYCLOAK_ADMIN_PASSWORD"
    export VIDEOGOV_DEMO_PASSWORD
    for var in "${SERVICE_CLIENTS[@]}"; do export "VIDEOGOV_CLIENT_SECRET_$var"; done
    if [[ -n "$java_home" ]]; then export JAVA_HOME="$java_home"; fi
    exec setsid "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
      "-Dkeycloak.migration.dir=$import_dir" \
      --http-host=127.0.0.1 \
      --http-port="$KEYCLOAK_PORT" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
      --hostname="http://127.0.0.1:$KEYCLOAK_PORT" \
      --health-enabled=true \
      --metrics-enabled=true \
      --db=postgres \
      --db-url="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
      --db-username=postgres \
      --db-password=unused \
      --import-realm
  ) >"$LOG_DIR/keycloak.log" 2>&1 </dev/null 8>&- &
  KEYCLOAK_PID=$!
  record_pid keycloak "$KEYCLOAK_PID"
}

wait_keycloak() {
  local url="http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/health/ready" deadline
  deadline=$(( $(date +%s) + KEYCLOAK_TIMEOUT ))
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    if ! proc_running "$KEYCLOAK_PID"; then
      tail -n 30 "$LOG_DIR/keycloak.log" >&2 || true
      die "Keycloak exited during start-up; see $LOG_DIR/keycloak.log"
    fi
    if (( $(date +%s) > deadline )); then
      tail -n 30 "$LOG_DIR/keycloak.log" >&2 || true
      die "Keycloak not ready after ${KEYCLOAK_TIMEOUT}s; see $LOG_DIR/keycloak.log"
    fi
    sleep 0.5
  done
  KEYCLOAK_READY_SECONDS="$(elapsed "$KEYCLOAK_STARTED_AT" "$(now)")"
  if (( KEYCLOAK_BUILD_LOCK_HELD )); then
    touch "$KEYCLOAK_BUILT_MARKER"
    exec 8>&-
    KEYCLOAK_BUILD_LOCK_HELD=0
  fi
  # Readiness is reported before the realm is guaranteed to answer on every
  # path; make sure the issuer's discovery document is served.
  curl -sf -o /dev/null --max-time 10 \
    "http://127.0.0.1:$KEYCLOAK_PORT/realms/videogov/.well-known/openid-configuration" \
    || die "Keycloak is up but realm 'videogov' is missing; see $LOG_DIR/keycloak.log"
}

# ----------------------------------------------------------------------------- S3 server

S3_PORT=""
S3_KIND=""
S3_PID=""
S3_STARTED_AT=""

fetch_s3proxy() {
  [[ -f "$S3PROXY_JAR" ]] && return 0
  say "S3Proxy: fetching $S3PROXY_ARTIFACT (once)"
  mvn_copy "$S3PROXY_ARTIFACT" "$DIST_DIR"
}

start_s3() {
  local data="$STATE_DIR/s3data"
  mkdir -p "$data"
  if command -v minio >/dev/null 2>&1; then
    S3_KIND=minio
    S3_STARTED_AT="$(now)"
    (
      export MINIO_ROOT_USER="$VIDEOGOV_S3_ACCESS_KEY"
      export MINIO_ROOT_PASSWORD="$VIDEOGOV_S3_SECRET_KEY"
      export MINIO_BROWSER=off
      exec setsid minio server "$data" --address "127.0.0.1:$S3_PORT"
    ) >"$LOG_DIR/minio.log" 2>&1 </dev/null 8>&- &
    S3_PID=$!
    record_pid minio "$S3_PID"
  else
    S3_KIND=s3proxy
    with_dist_lock fetch_s3proxy
    local conf="$STATE_DIR/s3proxy.conf" java="java"
    [[ -n "${JAVA_HOME:-}" ]] && java="$JAVA_HOME/bin/java"
    ( umask 077
      cat >"$conf" <<EOF
# Written by infra/local/stack.sh; holds this state dir's S3 keys.
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$VIDEOGOV_S3_ACCESS_KEY
s3proxy.credential=$VIDEOGOV_S3_SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$data
EOF
    )
    S3_STARTED_AT="$(now)"
    (
      exec setsid "$java" -Xmx512m "-Dlogback.configurationFile=$S3PROXY_LOGBACK" \
        -jar "$S3PROXY_JAR" --properties "$conf"
    ) >"$LOG_DIR/s3proxy.log" 2>&1 </dev/null 8>&- &
    S3_PID=$!
    record_pid s3proxy "$S3_PID"
  fi
}

wait_s3() {
  local deadline code url
  deadline=$(( $(date +%s) + S3_TIMEOUT ))
  if [[ "$S3_KIND" == minio ]]; then
    url="http://127.0.0.1:$S3_PORT/minio/health/ready"
  else
    url="http://127.0.0.1:$S3_PORT/"
  fi
  while :; do
    code="$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url" || true)"
    if [[ "$S3_KIND" == minio ]]; then
      [[ "$code" == 200 ]] && break
    else
      # Any HTTP answer (an unsigned request gets 403 AccessDenied) means it serves.
      [[ -n "$code" && "$code" != 000 ]] && break
    fi
    if ! proc_running "$S3_PID"; then
      tail -n 30 "$LOG_DIR/$S3_KIND.log" >&2 || true
      die "$S3_KIND exited during start-up; see $LOG_DIR/$S3_KIND.log"
    fi
    if (( $(date +%s) > deadline )); then
      die "$S3_KIND not answering after ${S3_TIMEOUT}s; see $LOG_DIR/$S3_KIND.log"
    fi
    sleep 0.2
  done
  S3_READY_SECONDS="$(elapsed "$S3_STARTED_AT" "$(now)")"
}

# ----------------------------------------------------------------------------- stack.env

write_stack_env() {
  local file="$STATE_DIR/stack.env" tmp var kc_url="http://127.0.0.1:$KEYCLOAK_PORT"
  tmp="$(mktemp "$STATE_DIR/.stack.env.XXXXXX")"
  chmod 600 "$tmp"
  {
    printf '# Written by infra/local/stack.sh up at %s; removed by down. Contains secrets.\n' "$(date -Is)"
    printf 'export %s=%q\n' \
      VIDEOGOV_STATE_DIR "$STATE_DIR" \
      VIDEOGOV_PG_HOST "$PG_HOST" \
      VIDEOGOV_PG_PORT "$PG_PORT" \
      VIDEOGOV_PG_USER postgres \
      VIDEOGOV_PG_PASSWORD "" \
      VIDEOGOV_PG_MODE "$PG_MODE" \
      VIDEOGOV_KEYCLOAK_URL "$kc_url" \
      VIDEOGOV_KEYCLOAK_MANAGEMENT_URL "http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT" \
      VIDEOGOV_OIDC_ISSUER "$kc_url/realms/videogov" \
      VIDEOGOV_KEYCLOAK_ADMIN_USERNAME "$VIDEOGOV_KEYCLOAK_ADMIN_USERNAME" \
      VIDEOGOV_KEYCLOAK_ADMIN_PASSWORD "$VIDEOGOV_KEYCLOAK_ADMIN_PASSWORD" \
      VIDEOGOV_KEYCLOAK_READY_SECONDS "$KEYCLOAK_READY_SECONDS" \
      VIDEOGOV_DEMO_PASSWORD "$VIDEOGOV_DEMO_PASSWORD" \
      VIDEOGOV_S3_KIND "$S3_KIND" \
      VIDEOGOV_S3_ENDPOINT "http://127.0.0.1:$S3_PORT" \
      VIDEOGOV_S3_ACCESS_KEY "$VIDEOGOV_S3_ACCESS_KEY" \
      VIDEOGOV_S3_SECRET_KEY "$VIDEOGOV_S3_SECRET_KEY"
    for var in "${SERVICE_CLIENTS[@]}"; do
      var="VIDEOGOV_CLIENT_SECRET_$var"
      printf 'export %s=%q\n' "$var" "${!var}"
    done
  } >"$tmp"
  mv "$tmp" "$file"
}

# ----------------------------------------------------------------------------- up / down

# Prints how many processes listed in the pids file are still alive, and how many are listed.
count_live() {
  local live=0 total=0 name pid start
  if [[ -f "$PIDS_FILE" ]]; then
    while read -r name pid start; do
      [[ -n "${name:-}" ]] || continue
      total=$(( total + 1 ))
      if proc_matches "$pid" "$start"; then live=$(( live + 1 )); fi
    done <"$PIDS_FILE"
  fi
  printf '%s %s\n' "$live" "$total"
}

UP_DONE=0
on_up_exit() {
  local status=$?
  if [[ "$UP_DONE" != 1 ]]; then
    warn "up failed (exit $status); stopping what it started"
    stop_all || true
  fi
}

cmd_up() {
  local ports_mode="$1" live total
  mkdir -p "$STATE_DIR" "$LOG_DIR"

  read -r live total <<<"$(count_live)"
  if (( total > 0 )); then
    if (( live == total )) && [[ -f "$STATE_DIR/stack.env" ]]; then
      say "stack in $STATE_DIR is already running ($live processes); reusing it"
      say "env: source $STATE_DIR/stack.env"
      return 0
    elif (( live > 0 )); then
      die "stack in $STATE_DIR is partly running ($live of $total processes alive); run: $0 down $STATE_DIR"
    fi
    rm -f "$PIDS_FILE"   # stale: nothing of it is alive
  fi
  rm -f "$STATE_DIR/stack.env"
  : >"$PIDS_FILE"
  trap on_up_exit EXIT

  [[ -f "$REALM_FILE" ]] || die "realm file $REALM_FILE is missing"
  load_or_create_secrets

  case "$ports_mode" in
    dev)
      KEYCLOAK_PORT=$DEV_KEYCLOAK_PORT
      KEYCLOAK_MANAGEMENT_PORT=$DEV_KEYCLOAK_MANAGEMENT_PORT
      S3_PORT=$DEV_S3_PORT
      require_port_free "$KEYCLOAK_PORT" "Keycloak HTTP"
      require_port_free "$KEYCLOAK_MANAGEMENT_PORT" "Keycloak management"
      require_port_free "$S3_PORT" "S3 server"
      ;;
    random)
      pick_free_port KEYCLOAK_PORT
      pick_free_port KEYCLOAK_MANAGEMENT_PORT
      pick_free_port S3_PORT
      ;;
  esac

  start_postgres
  if [[ "$PG_MODE" == shared ]]; then
    say "PostgreSQL  $PG_HOST:$PG_PORT (the machine's server)"
  else
    say "PostgreSQL  $PG_HOST:$PG_PORT (private cluster in $STATE_DIR/pgdata)"
  fi
  local db
  for db in "${SERVICE_DATABASES[@]}"; do ensure_database "$db"; done

  # Keycloak takes longest: start it first and bring up S3 while it boots.
  start_keycloak
  start_s3
  wait_s3
  say "S3          http://127.0.0.1:$S3_PORT ($S3_KIND, data in $STATE_DIR/s3data), ready in ${S3_READY_SECONDS} s"
  wait_keycloak
  local rebuilt=""
  if grep -q 'Updating the configuration and installing your custom providers' "$LOG_DIR/keycloak.log"; then
    rebuilt=", including a one-time rebuild"
  fi
  say "Keycloak    http://127.0.0.1:$KEYCLOAK_PORT (management :$KEYCLOAK_MANAGEMENT_PORT, db keycloak_$STATE_NAME), ready in ${KEYCLOAK_READY_SECONDS} s$rebuilt"
  say "            issuer http://127.0.0.1:$KEYCLOAK_PORT/realms/videogov"

  write_stack_env
  UP_DONE=1
  trap - EXIT
  say "env:        source $STATE_DIR/stack.env   (logs in $LOG_DIR, stop with: $0 down $STATE_DIR)"
}

# Waits until none of the given "pid:start" processes is alive; false on timeout.
wait_gone() {
  local timeout="$1" entry deadline
  shift
  deadline=$(( $(date +%s) + timeout ))
  while :; do
    local alive=0
    for entry in "$@"; do
      proc_matches "${entry%%:*}" "${entry##*:}" && alive=1
    done
    (( alive == 0 )) && return 0
    (( $(date +%s) >= deadline )) && return 1
    sleep 0.2
  done
}

# Stops one recorded process (and the members of the process group it leads).
stop_one() {
  local name="$1" pid="$2" start="$3" member entry
  if ! proc_matches "$pid" "$start"; then
    say "$name (pid $pid) is not running"
    return 0
  fi

  if [[ "$name" == postgres ]]; then
    # A private cluster: the recorded pid is its postmaster; stop it the PostgreSQL way.
    local bindir pgdata
    bindir="$(dirname "$(readlink "/proc/$pid/exe")")"
    pgdata="$STATE_DIR/pgdata"
    if runuser -u postgres -- "$bindir/pg_ctl" -D "$pgdata" -m fast -w -t "$STOP_TIMEOUT" stop </dev/null >/dev/null 2>&1 \
       && wait_gone 5 "$pid:$start"; then
      say "stopped postgres (pid $pid)"
      return 0
    fi
    warn "pg_ctl stop did not stop postgres (pid $pid); killing it"
  fi

  # Everything in the process group the recorded process leads (setsid at start):
  # for Keycloak that is kc.sh and its JVM. Collected with start times before
  # signalling, so only these very processes are ever killed.
  local -a group=()
  for member in $(ps -e -o pid=,pgid= | awk -v g="$pid" '$2 == g { print $1 }'); do
    local s
    s="$(proc_start_time "$member")" && group+=("$member:$s")
  done
  [[ ${#group[@]} -gt 0 ]] || group=("$pid:$start")

  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$STOP_TIMEOUT" "${group[@]}"; then
    warn "$name did not stop within ${STOP_TIMEOUT}s; sending KILL"
    for entry in "${group[@]}"; do
      if proc_matches "${entry%%:*}" "${entry##*:}"; then kill -KILL "${entry%%:*}" 2>/dev/null || true; fi
    done
    wait_gone 10 "${group[@]}" || warn "$name (pid $pid) survived KILL"
  fi
  # Group members left behind by a leader that exited on TERM (should not happen).
  for entry in "${group[@]}"; do
    if proc_matches "${entry%%:*}" "${entry##*:}"; then
      kill -TERM "${entry%%:*}" 2>/dev/null || true
    fi
  done
  say "stopped $name (pid $pid)"
}

# Stops the processes in the pids file, newest first (S3, Keycloak, then PostgreSQL).
stop_all() {
  [[ -f "$PIDS_FILE" ]] || return 0
  local name pid start
  while read -r name pid start; do
    [[ -n "${name:-}" ]] || continue
    stop_one "$name" "$pid" "$start"
  done < <(tac "$PIDS_FILE")
  rm -f "$PIDS_FILE" "$STATE_DIR/stack.env"
}

cmd_down() {
  if [[ ! -f "$PIDS_FILE" ]]; then
    say "nothing recorded in $PIDS_FILE; nothing to stop"
    rm -f "$STATE_DIR/stack.env"
    return 0
  fi
  stop_all
}

# ----------------------------------------------------------------------------- main

[[ $# -ge 2 ]] || usage
COMMAND="$1"
STATE_ARG="$2"
[[ -n "$STATE_ARG" ]] || usage
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
STATE_DIR="$(cd "$STATE_ARG" && pwd)"
# keycloak_<name>: the state dir's base name, reduced to what a database name allows.
STATE_NAME="$(basename "$STATE_DIR" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9_\n' '_')"
LOG_DIR="$STATE_DIR/logs"
PIDS_FILE="$STATE_DIR/pids"

case "$COMMAND" in
  up) cmd_up "$PORTS_MODE" ;;
  down) cmd_down ;;
  *) usage ;;
esac
