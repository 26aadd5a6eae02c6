#!/usr/bin/env bash
# Bulk import benchmark: prints the wall time of a dry run, an apply and a re-import of a
# generated inventory CSV (default 10,000 rows, 300 bad) against site-registry and
# camera-inventory running as real processes (local PostgreSQL, Quarkus' OIDC test server).
#   services/camera-inventory/bench/import-benchmark.sh [rows] [bad]
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ ! -f services/site-registry/target/quarkus-app/quarkus-run.jar ]; then
  mvn -B -q -ntp package -pl services/site-registry -DskipTests
fi
# The shared test support (SiteRegistryProcess) from this work tree, not whatever ~/.m2 holds.
mvn -B -q -ntp install -pl services/testing -DskipTests
mvn -B -q -ntp package -pl services/camera-inventory -DskipTests
mvn -B -q -ntp test-compile dependency:build-classpath -pl services/camera-inventory \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd services/camera-inventory
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.videogov.camera.ImportBenchmark "${1:-10000}" "${2:-300}" target/quarkus-app/quarkus-run.jar
