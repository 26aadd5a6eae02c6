#!/usr/bin/env bash
# Where a JFR recording's CPU samples fall: top methods by self and by total samples.
#   bench/jfr-hot.sh recording.jfr [rows=25]
# Recordings come from the benchmarks run with VIDEOGOV_BENCH_JFR_DIR=<dir> (docs/benchmarks.md).
set -euo pipefail
file="$(realpath "$1")"
cd "$(dirname "$0")/../services/camera-inventory"
[[ -d target/test-classes/org ]] || mvn -B -q -ntp test-compile
java -cp target/test-classes org.videogov.camera.JfrHotMethods "$file" "${2:-25}"
