#!/usr/bin/env bash
# sharing-authz benchmark (docs/benchmarks.md): gRPC Check beside a no-op gRPC method (the standard
# health service, grpc.health.v1.Health/Check) on the same server in the same run, with the same call
# authentication (camera-inventory's real client-credentials token; shinan-admin's real token as the
# subject), at a fixed rate (open loop, latency from the intended send time) and at full speed (closed
# loop); prints p50, p99 and calls/s side by side with the issue's target ratios. sharing-authz runs as
# packaged with the production JVM options (infra/jvm/service.options).
#
#   bench/authz.sh [seconds=20] [rate=1000] [in-flight=16]
#
# Environment: VIDEOGOV_BENCH_JVM_OPTIONS=<file> other JVM options; VIDEOGOV_BENCH_NO_BUILD=1 no build
# (measure what is packaged).
#
# Uses the stack whose stack.env is already sourced (VIDEOGOV_OIDC_ISSUER set), otherwise starts one in
# .videogov/bench and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

if [[ -z "${VIDEOGOV_OIDC_ISSUER:-}" ]]; then
  state="$ROOT/.videogov/bench"
  "$ROOT/infra/local/stack.sh" up "$state" --ports random >&2
  trap '"$ROOT/infra/local/stack.sh" down "$state" >&2' EXIT
  # shellcheck disable=SC1091  # stack.env is written by stack.sh up at run time
  source "$state/stack.env"
fi

modules=proto,services/common,services/testing,services/sharing-authz
mvn_() { mvn -B -q -ntp -Dquarkus.analytics.disabled=true "$@"; }
# One reactor build packages sharing-authz (with its class-data archive, as in production) and writes the
# benchmark's classpath from this work tree's modules, without installing anything into ~/.m2.
if [[ "${VIDEOGOV_BENCH_NO_BUILD:-0}" != 1 ]]; then
  mvn_ package dependency:build-classpath -DskipTests -Dquarkus.package.jar.appcds.enabled=true -pl "$modules" \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
cd services/sharing-authz
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.videogov.sharing.AuthzBenchmark "${1:-20}" "${2:-1000}" "${3:-16}" \
  "${VIDEOGOV_BENCH_JVM_OPTIONS:-$ROOT/infra/jvm/service.options}"
