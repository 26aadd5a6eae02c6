#!/usr/bin/env bash
# Recordings and storage benchmark (docs/benchmarks.md): segment registration beside a raw 100-row INSERT,
# a camera's one-day timeline with 10 million segments loaded (p50/p99 and the partitions EXPLAIN shows),
# a day purged by partition drop beside a row DELETE (holds kept), and upload/download through
# object-storage beside direct PUT/GET to the same S3 server; and memory: object-storage's used heap (the
# heap pools of its /q/metrics, sampled every 100 ms; its RSS from /proc) while a generated upload-MiB object
# streams through it (and one a sixteenth of that size), then object-storage's and recording-metadata's while an
# evidence package of about export-MiB (a camera's segments, registered once a day) is read at full speed and
# at read-KiB/s, the slow read checked with the evidence verifier. Measures the platform `./videogov start`
# runs on this machine (start it first, in another terminal); the first run loads the 10 million segments
# into its recording_metadata database (days of 2025, kept by a far retain_until) and later runs reuse them.
#
#   bench/recordings.sh [batches=50] [timeline-requests=2000] [object-MiB=256] [upload-MiB=1024] [export-MiB=256]
#                       [read-KiB/s=4096]
#
# Environment: VIDEOGOV_BENCH_NO_BUILD=1 no build (use what is compiled); VIDEOGOV_BENCH_ONLY=registration,timeline,
# purge,storage,memory (a comma-separated subset) runs only those parts.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

env_file="$ROOT/.videogov/dev/stack.env"
if [[ ! -f "$env_file" ]] || ! curl -fsS -o /dev/null http://127.0.0.1:8083/q/health/ready; then
  echo "bench/recordings.sh measures the running platform: start it first with ./videogov start" >&2
  exit 1
fi
set -a
# shellcheck disable=SC1090  # written by ./videogov start at run time
source "$env_file"
set +a

modules=proto,services/common,services/testing,services/evidence,services/recording-metadata
if [[ "${VIDEOGOV_BENCH_NO_BUILD:-0}" != 1 ]]; then
  # package, not test-compile: common generates its gRPC stubs from proto's jar; no service jar is rebuilt
  # (quarkus.build.skip), so the running platform's files stay as they are.
  mvn -B -q -ntp -Dquarkus.analytics.disabled=true package dependency:build-classpath -pl "$modules" \
    -DskipTests -Dquarkus.build.skip=true \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
cd services/recording-metadata
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.videogov.recording.RecordingsBenchmark "${1:-50}" "${2:-2000}" "${3:-256}" "${4:-1024}" "${5:-256}" "${6:-4096}"
