#!/usr/bin/env bash
# Read-path benchmark (docs/benchmarks.md): imports ROWS cameras into one district, then measures in
# one run, with wrk and 8 connections, a camera list page and a camera by GB ID (real Keycloak token,
# authorization included) beside `pgbench -S` on the same PostgreSQL, and prints each figure with its
# ratio to pgbench. The services run as packaged with the production JVM options (infra/jvm/service.options).
#
#   bench/read-path.sh [rows=10000] [seconds=20] [connections=8]
#
# Environment: VIDEOGOV_BENCH_JVM_OPTIONS=<file> other JVM options; VIDEOGOV_BENCH_LOADS=by-id (or list) only
# those loads; VIDEOGOV_BENCH_JFR_DIR=<dir> a JFR recording of each load; VIDEOGOV_BENCH_NO_BUILD=1 no build.
#
# Uses the stack whose stack.env is already sourced (VIDEOGOV_OIDC_ISSUER set), otherwise starts one in
# .videogov/bench and stops it afterwards. Installs wrk (Debian package) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
command -v pgbench >/dev/null || { echo "pgbench is missing (Debian package postgresql-contrib or postgresql-15)" >&2; exit 1; }

if [[ -z "${VIDEOGOV_OIDC_ISSUER:-}" ]]; then
  state="$ROOT/.videogov/bench"
  "$ROOT/infra/local/stack.sh" up "$state" --ports random >&2
  trap '"$ROOT/infra/local/stack.sh" down "$state" >&2' EXIT
  # shellcheck disable=SC1091  # stack.env is written by stack.sh up at run time
  source "$state/stack.env"
fi

mvn_() { mvn -B -q -ntp -Dquarkus.analytics.disabled=true "$@"; }
# The packaged services (with their class-data archives, as in production) and the benchmark's
# classpath, from this work tree.
# VIDEOGOV_BENCH_NO_BUILD=1 measures what is already packaged (to compare JVM options without rebuilding).
if [[ "${VIDEOGOV_BENCH_NO_BUILD:-0}" != 1 ]]; then
  mvn_ install -DskipTests -Dquarkus.package.jar.appcds.enabled=true -pl services/site-registry,services/camera-inventory -am
fi
mvn_ dependency:build-classpath -pl services/camera-inventory -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cd services/camera-inventory
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.videogov.camera.ReadBenchmark "${1:-10000}" "${2:-20}" "${3:-8}" "${VIDEOGOV_BENCH_JVM_OPTIONS:-$ROOT/infra/jvm/service.options}"
