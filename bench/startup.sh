#!/usr/bin/env bash
# Startup benchmark (docs/benchmarks.md): for each service, the time from process start to
# /q/health/ready answering 200, and its resident memory (VmRSS) when idle after startup, run as
# packaged with the production JVM options (infra/jvm/service.options), each alone on the machine,
# then all five started together.
#
#   bench/startup.sh [runs=3] [idle-seconds=10]
#
# Uses the stack whose stack.env is already sourced (VIDEOGOV_OIDC_ISSUER set), otherwise starts one
# in .videogov/bench and stops it afterwards. Each service gets its own database <service>_bench<state folder's suffix>.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${1:-3}"
IDLE="${2:-10}"
# shellcheck source-path=SCRIPTDIR source=../infra/local/lib/services.sh
source infra/local/lib/services.sh
SERVICES=()
while read -r name _; do SERVICES+=("$name"); done < <(services_table service)
OPTIONS="$ROOT/infra/jvm/service.options"

declare -A PORT PID T0
LOGS="$(mktemp -d)"
state=""
cleanup() { # the services this run started, their logs, and the stack if this run started it
  local s
  for s in "${!PID[@]}"; do kill "${PID[$s]}" 2>/dev/null || true; done
  rm -rf "$LOGS"
  if [[ -n "$state" ]]; then "$ROOT/infra/local/stack.sh" down "$state" >&2; fi
}
trap cleanup EXIT

if [[ -z "${VIDEOGOV_OIDC_ISSUER:-}" ]]; then
  state="$ROOT/.videogov/bench"
  "$ROOT/infra/local/stack.sh" up "$state" --ports random >&2
  # shellcheck disable=SC1091  # stack.env is written by stack.sh up at run time
  source "$state/stack.env"
fi
# Every service packaged as in production: with its class-data archive (app-cds.jsa).
mvn -B -q -ntp -Dquarkus.analytics.disabled=true install -DskipTests -Dquarkus.package.jar.appcds.enabled=true

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
var_of() { echo "VIDEOGOV_$(echo "$1" | tr 'a-z-' 'A-Z_')"; }

export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_OIDC_AUTH_SERVER_URL="$VIDEOGOV_OIDC_ISSUER"
for s in "${SERVICES[@]}"; do
  db="$(echo "$s" | tr '-' '_')_bench${VIDEOGOV_TEST_DB_SUFFIX:-}"
  psql -q -h "$VIDEOGOV_PG_HOST" -p "$VIDEOGOV_PG_PORT" -U "$VIDEOGOV_PG_USER" -d postgres -tAc \
    "select 1 from pg_database where datname = '$db'" | grep -q 1 \
    || psql -q -h "$VIDEOGOV_PG_HOST" -p "$VIDEOGOV_PG_PORT" -U "$VIDEOGOV_PG_USER" -d postgres -c "create database $db"
  export "$(var_of "$s")_DB=$db"
done

start() { # service: starts it, records its port, pid and start time
  local s="$1" port; port="$(free_port)"
  PORT[$s]="$port"
  export "$(var_of "$s")_PORT=$port"
  T0[$s]="$(now_ms)"
  (cd "services/$s/target/quarkus-app" && exec java "@$OPTIONS" -jar quarkus-run.jar) >"$LOGS/$s.log" 2>&1 </dev/null &
  PID[$s]=$!
}
await_ready() { # service -> prints milliseconds from start to ready
  local s="$1" deadline=$(( $(date +%s) + 120 ))
  until curl -fs -o /dev/null "http://127.0.0.1:${PORT[$s]}/q/health/ready"; do
    kill -0 "${PID[$s]}" 2>/dev/null || { echo "$s exited; its log:" >&2; tail -n 40 "$LOGS/$s.log" >&2; exit 1; }
    [[ $(date +%s) -lt $deadline ]] || { echo "$s not ready in 120 s" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( $(now_ms) - T0[$s] ))
}
rss_mib() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
anon_mib() { awk '/RssAnon/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
stop() { kill "${PID[$1]}" 2>/dev/null || true; wait "${PID[$1]}" 2>/dev/null || true; }


echo "JVM options: $(grep -v '^#' "$OPTIONS" | sed 's/#.*//' | tr '\n' ' ')"
echo "$(nproc) cores; each service alone, $RUNS runs; RSS read after $IDLE s idle"
printf '%-20s %-32s %-26s %s\n' "service" "ready after (ms, each run)" "idle RSS (MiB, each run)" "of which anonymous"
for s in "${SERVICES[@]}"; do
  times=() rss=() anon=()
  for _ in $(seq "$RUNS"); do
    start "$s"
    times+=("$(await_ready "$s")")
    sleep "$IDLE"
    rss+=("$(rss_mib "${PID[$s]}")")
    anon+=("$(anon_mib "${PID[$s]}")")
    stop "$s"
  done
  printf '%-20s %-32s %-26s %s\n' "$s" "${times[*]}" "${rss[*]}" "${anon[*]}"
done

echo "all five started together:"
for s in "${SERVICES[@]}"; do start "$s"; done
for s in "${SERVICES[@]}"; do printf '%-20s ready after %s ms\n' "$s" "$(await_ready "$s")"; done
sleep "$IDLE"
for s in "${SERVICES[@]}"; do printf '%-20s idle RSS %s MiB\n' "$s" "$(rss_mib "${PID[$s]}")"; done
for s in "${SERVICES[@]}"; do stop "$s"; done
