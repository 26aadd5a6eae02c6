#!/usr/bin/env bash
# Ctrl-C stops everything `./videogov start` started, even when its output is piped
# (`./videogov start | tee start.log`): issue 6. Runs the real launcher in a scratch copy of the
# repository where the components are stand-ins (java, mvn, curl, psql on the PATH; stack.sh and
# demo-data.sh beside the launcher), sends SIGINT to the pipeline's process group as a terminal's
# Ctrl-C does, and checks that no stand-in process is left and the stack was told to stop.
#
#   infra/local/test/ctrl-c-piped.sh [path/to/videogov]     (default: the repository's launcher)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LAUNCHER="${1:-$HERE/../../../videogov}"
# shellcheck source-path=SCRIPTDIR source=../lib/services.sh
source "$HERE/../lib/services.sh"
SERVICES=()
while read -r name _; do SERVICES+=("$name"); done < <(services_table service)
MARKER="videogov-ctrl-c-test-$$"
SCRATCH="$(mktemp -d)"
LEADER=""

cleanup() {
  # Whatever the outcome, nothing of this test stays behind.
  # Only the stand-ins of this run carry its marker (the test's PID) in their name.
  local pid
  for pid in $(pgrep -f -- "$MARKER" || true); do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# --- a scratch repository around the real launcher
mkdir -p "$SCRATCH/bin" "$SCRATCH/infra/local/lib"
cp "$LAUNCHER" "$SCRATCH/videogov"
# The launcher reads the services and their ports from the table, as in the repository.
cp "$VIDEOGOV_SERVICES_FILE" "$SCRATCH/infra/services"
cp "$HERE/../lib/services.sh" "$SCRATCH/infra/local/lib/services.sh"
for s in "${SERVICES[@]}"; do
  mkdir -p "$SCRATCH/services/$s/target/quarkus-app"
  : >"$SCRATCH/services/$s/target/quarkus-app/quarkus-run.jar"
done

# A service: answers `java -version`, otherwise runs until killed, named so the test can find it.
cat >"$SCRATCH/bin/java" <<FAKE
#!/usr/bin/env bash
if [ "\${1:-}" = -version ]; then echo 'openjdk version "17.0.0"' >&2; exit 0; fi
exec -a "$MARKER-service" sleep 600
FAKE
printf '#!/bin/sh\nexit 0\n' >"$SCRATCH/bin/mvn"
printf '#!/bin/sh\nexit 0\n' >"$SCRATCH/bin/curl"
printf '#!/bin/sh\nexit 0\n' >"$SCRATCH/bin/psql"
printf '#!/bin/sh\nexit 0\n' >"$SCRATCH/infra/local/demo-data.sh"

# The stack: `up` starts a stand-in Keycloak in its own session and writes stack.env; `down` stops it.
cat >"$SCRATCH/infra/local/stack.sh" <<FAKE
#!/usr/bin/env bash
set -eu
state="\$2"
mkdir -p "\$state"
case "\$1" in
  up)
    setsid bash -c 'exec -a "$MARKER-keycloak" sleep 600' </dev/null >/dev/null 2>&1 &
    echo "\$!" >"\$state/keycloak.pid"
    for v in KEYCLOAK_URL S3_ENDPOINT PG_HOST PG_PORT DEMO_PASSWORD OIDC_ISSUER; do
      echo "export VIDEOGOV_\$v=x"
    done >"\$state/stack.env"
    echo "stack up" ;;
  down)
    kill "\$(cat "\$state/keycloak.pid")" 2>/dev/null || true
    echo "stack down"
    echo down >"\$state/down-called" ;;
esac
FAKE
chmod +x "$SCRATCH"/bin/* "$SCRATCH"/infra/local/*.sh "$SCRATCH/videogov"

# --- start it piped, in a process group of its own (the terminal's foreground job)
(cd "$SCRATCH" && PATH="$SCRATCH/bin:$PATH" setsid bash -c './videogov start | tee start.log >/dev/null') &
LEADER=$!
for _ in $(seq 1 100); do
  grep -q 'VideoGov is running' "$SCRATCH/start.log" 2>/dev/null && break
  sleep 0.1
done
grep -q 'VideoGov is running' "$SCRATCH/start.log" 2>/dev/null || fail "the launcher did not start (log: $(cat "$SCRATCH/start.log" 2>/dev/null))"
started=$(pgrep -fc -- "$MARKER" || true)
[ "$started" -eq $(( ${#SERVICES[@]} + 1 )) ] || fail "expected ${#SERVICES[@]} services and Keycloak running, found $started"

# --- Ctrl-C: SIGINT to every process of the foreground process group (tee and the launcher)
kill -INT -- "-$(ps -o pgid= -p "$LEADER" | tr -d ' ')"

for _ in $(seq 1 150); do
  pgrep -f -- "$MARKER" >/dev/null || break
  sleep 0.2
done
left=$(pgrep -fa -- "$MARKER" || true)
[ -z "$left" ] || fail "processes left running after Ctrl-C: $left"
[ -f "$SCRATCH/.videogov/dev/down-called" ] || fail "stack.sh down was not called"
wait "$LEADER" 2>/dev/null || true
echo "PASS: Ctrl-C on a piped ./videogov start stopped its ${#SERVICES[@]} services and the stack"
