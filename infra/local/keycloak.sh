#!/usr/bin/env bash
# Keycloak for one state folder: keycloak-quarkus-dist (fetched once per machine by its Maven
# coordinates), start-dev on 127.0.0.1, its database keycloak_<state name><state suffix> in the
# stack's PostgreSQL, realms `videogov` (infra/keycloak/videogov-realm.json) and `qingdao-emergency`
# (infra/keycloak/qingdao-emergency-realm.json: a partner department's own identity provider, brokered
# into videogov) imported with this state folder's secrets and this Keycloak's URL. Starts it and
# waits until both realms answer.
#
#   infra/local/keycloak.sh up STATE_DIR HTTP_PORT MANAGEMENT_PORT [--fresh]
#
# Needs STATE_DIR/secrets.env (secrets.sh) and STATE_DIR/run/postgres.env (postgres.sh up). Writes
# STATE_DIR/run/keycloak.env. --fresh drops the database first, so that the realm is imported anew
# (Keycloak skips realms that already exist). Environment: VIDEOGOV_KEYCLOAK_TIMEOUT seconds to
# wait for readiness (default 300); VIDEOGOV_KEYCLOAK_JAVA_HOME the JDK (default JAVA_HOME or the PATH's java).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/proc.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/dist.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/services.sh"

[[ "${1:-}" == up && ( $# -eq 4 || ( $# -eq 5 && "${5:-}" == --fresh ) ) ]] \
  || die "usage: keycloak.sh up STATE_DIR HTTP_PORT MANAGEMENT_PORT [--fresh]"
STATE_DIR="$2"
PORT="$3"
MANAGEMENT_PORT="$4"
FRESH="${5:-}"
LOG="$STATE_DIR/logs/keycloak.log"
TIMEOUT="${VIDEOGOV_KEYCLOAK_TIMEOUT:-300}"
REALM_DIR="$(dirname "$VIDEOGOV_LOCAL_DIR")/keycloak"
# Keycloak imports a realm only from a file named <realm>-realm.json.
REALM_FILES=(videogov-realm.json qingdao-emergency-realm.json)
REALMS=(videogov qingdao-emergency)

KEYCLOAK_VERSION="26.5.6"
KEYCLOAK_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:tar.gz"
KEYCLOAK_HOME="$DIST_DIR/keycloak-${KEYCLOAK_VERSION}"
# Keycloak's first start-dev with our build options (PostgreSQL, health, metrics) rebuilds the
# distribution in place (lib/quarkus). Two stacks doing that at once could break it, so until this
# marker exists a start holds a lock (fd 8) until Keycloak is ready.
KEYCLOAK_BUILT_MARKER="$KEYCLOAK_HOME/.videogov-built-postgres-health-metrics"

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

for realm_file in "${REALM_FILES[@]}"; do
  [[ -f "$REALM_DIR/$realm_file" ]] || die "realm file $REALM_DIR/$realm_file is missing"
done
# shellcheck source=/dev/null  # this state folder's secrets (secrets.sh)
source "$STATE_DIR/secrets.env"
# shellcheck source=/dev/null  # this state folder's PostgreSQL (postgres.sh up)
source "$STATE_DIR/run/postgres.env"
with_dist_lock unpack_keycloak

db="keycloak_$(state_name "$STATE_DIR")$(state_suffix "$STATE_DIR")"
import_dir="$STATE_DIR/keycloak-import"
# The realms name this Keycloak's address (the broker's endpoints at the partner realm), so a start on
# another port than the one the realms were imported for imports them anew; so does a change of the realm
# files themselves (Keycloak skips a realm that exists, so a new client setting or mapper would otherwise
# never reach a running stack): the stamp is the address and the files' SHA-256.
imported_url_file="$import_dir/imported-for-url"
realm_digest=$(cd "$REALM_DIR" && cat "${REALM_FILES[@]}" | sha256sum | cut -c1-64)
imported_for="http://127.0.0.1:$PORT $realm_digest"
if [[ "$FRESH" != --fresh && "$(cat "$imported_url_file" 2>/dev/null || true)" != "$imported_for" ]]; then
  say "Keycloak: the realms were imported for another address or from other realm files; importing them anew"
  FRESH=--fresh
fi
if [[ "$FRESH" == --fresh ]]; then
  "$VIDEOGOV_LOCAL_DIR/postgres.sh" database "$STATE_DIR" "$db" --fresh
else
  "$VIDEOGOV_LOCAL_DIR/postgres.sh" database "$STATE_DIR" "$db"
fi

# Per-state import directory. `--import-realm` reads <dist>/data/import; when that directory does
# not exist, Keycloak's startup import uses the system property keycloak.migration.dir instead,
# which points here. ${VIDEOGOV_…} placeholders in the realm files are replaced from this process's
# environment during the import (secrets, and VIDEOGOV_KEYCLOAK_URL: the broker's endpoints and
# redirect URI name this Keycloak's own address).
mkdir -p "$import_dir"
rm -f "$import_dir"/*.json
for realm_file in "${REALM_FILES[@]}"; do
  cp "$REALM_DIR/$realm_file" "$import_dir/$realm_file"
done
if [[ -d "$KEYCLOAK_HOME/data/import" ]]; then
  warn "$KEYCLOAK_HOME/data/import exists and overrides the per-state realm import; remove it"
fi

build_lock_held=0
if [[ ! -f "$KEYCLOAK_BUILT_MARKER" ]]; then
  exec 8>"$DIST_DIR/.keycloak-build.lock"
  if ! flock -n 8; then
    say "Keycloak: waiting for another stack's first Keycloak start (it rebuilds the distribution)"
    flock -w 900 8 || die "timed out waiting for $DIST_DIR/.keycloak-build.lock"
  fi
  build_lock_held=1
fi

java_home="${VIDEOGOV_KEYCLOAK_JAVA_HOME:-${JAVA_HOME:-}}"
started_at="$(now)"
# setsid: Keycloak (kc.sh and its JVM) gets its own process group, so `down` can find exactly its
# processes.
(
  export KC_BOOTSTRAP_ADMIN_USERNAME="$VIDEOGOV_KEYCLOAK_ADMIN_USERNAME"
  export KC_BOOTSTRAP_ADMIN_PASSWORD="$VIDEOGOV_KEYCLOAK_ADMIN_PASSWORD"
  export VIDEOGOV_DEMO_PASSWORD VIDEOGOV_BROKER_SECRET_QINGDAO_EMERGENCY
  export VIDEOGOV_KEYCLOAK_URL="http://127.0.0.1:$PORT"
  while read -r name _; do export "VIDEOGOV_CLIENT_SECRET_$(service_var "$name")"; done < <(services_table service)
  if [[ -n "$java_home" ]]; then export JAVA_HOME="$java_home"; fi
  exec setsid "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
    "-Dkeycloak.migration.dir=$import_dir" \
    --http-host=127.0.0.1 \
    --http-port="$PORT" \
    --http-management-port="$MANAGEMENT_PORT" \
    --hostname="http://127.0.0.1:$PORT" \
    --health-enabled=true \
    --metrics-enabled=true \
    --db=postgres \
    --db-url="jdbc:postgresql://$VIDEOGOV_PG_HOST:$VIDEOGOV_PG_PORT/$db" \
    --db-username=postgres \
    --db-password=unused \
    --import-realm
) >"$LOG" 2>&1 </dev/null 8>&- &
pid=$!
record_pid "$STATE_DIR" keycloak "$pid"

wait_http Keycloak "$pid" "http://127.0.0.1:$MANAGEMENT_PORT/health/ready" 200 "$TIMEOUT" "$LOG"
ready_seconds="$(elapsed "$started_at" "$(now)")"
if (( build_lock_held )); then
  touch "$KEYCLOAK_BUILT_MARKER"
  exec 8>&-
fi
# Readiness is reported before the realms are guaranteed to answer on every path; make sure each
# issuer's discovery document is served.
for realm in "${REALMS[@]}"; do
  curl -sf -o /dev/null --max-time 10 \
    "http://127.0.0.1:$PORT/realms/$realm/.well-known/openid-configuration" \
    || die "Keycloak is up but realm '$realm' is missing; see $LOG"
done
printf '%s\n' "$imported_for" >"$imported_url_file"

rebuilt=""
if grep -q 'Updating the configuration and installing your custom providers' "$LOG"; then
  rebuilt=", including a one-time rebuild"
fi
url="http://127.0.0.1:$PORT"
write_env_file "$STATE_DIR/run/keycloak.env" \
  VIDEOGOV_KEYCLOAK_URL "$url" \
  VIDEOGOV_KEYCLOAK_MANAGEMENT_URL "http://127.0.0.1:$MANAGEMENT_PORT" \
  VIDEOGOV_OIDC_ISSUER "$url/realms/videogov" \
  VIDEOGOV_KEYCLOAK_DB "$db" \
  VIDEOGOV_KEYCLOAK_READY_SECONDS "$ready_seconds"
say "Keycloak    $url (management :$MANAGEMENT_PORT, db $db), ready in ${ready_seconds} s$rebuilt"
say "            issuer $url/realms/videogov (partner identity provider: $url/realms/qingdao-emergency)"
