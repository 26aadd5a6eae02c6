#!/usr/bin/env bash
# The S3 server for one state folder: MinIO when a `minio` binary is on the PATH, otherwise S3Proxy
# (fetched once per machine by its Maven coordinates) with a filesystem blob store, both on
# 127.0.0.1 with the objects in STATE_DIR/s3data. Starts it and waits until it answers.
#
#   infra/local/s3.sh up STATE_DIR PORT
#
# Needs STATE_DIR/secrets.env (secrets.sh). Writes STATE_DIR/run/s3.env. Environment:
# VIDEOGOV_S3_TIMEOUT seconds to wait for the server (default 60).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/proc.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/dist.sh"

[[ "${1:-}" == up && $# -eq 3 ]] || die "usage: s3.sh up STATE_DIR PORT"
STATE_DIR="$2"
PORT="$3"
TIMEOUT="${VIDEOGOV_S3_TIMEOUT:-60}"
DATA="$STATE_DIR/s3data"

S3PROXY_VERSION="4.1.0"
S3PROXY_ARTIFACT="org.gaul:s3proxy:${S3PROXY_VERSION}:jar:jar-with-dependencies"
S3PROXY_JAR="$DIST_DIR/s3proxy-${S3PROXY_VERSION}-jar-with-dependencies.jar"

fetch_s3proxy() {
  [[ -f "$S3PROXY_JAR" ]] && return 0
  say "S3Proxy: fetching $S3PROXY_ARTIFACT (once)"
  mvn_copy "$S3PROXY_ARTIFACT" "$DIST_DIR"
}

# shellcheck source=/dev/null  # this state folder's secrets (secrets.sh)
source "$STATE_DIR/secrets.env"
mkdir -p "$DATA"

if command -v minio >/dev/null 2>&1; then
  kind=minio
  started_at="$(now)"
  (
    export MINIO_ROOT_USER="$VIDEOGOV_S3_ACCESS_KEY"
    export MINIO_ROOT_PASSWORD="$VIDEOGOV_S3_SECRET_KEY"
    export MINIO_BROWSER=off
    exec setsid minio server "$DATA" --address "127.0.0.1:$PORT"
  ) >"$STATE_DIR/logs/minio.log" 2>&1 </dev/null 8>&- &
  pid=$!
  record_pid "$STATE_DIR" minio "$pid"
  wait_http MinIO "$pid" "http://127.0.0.1:$PORT/minio/health/ready" 200 "$TIMEOUT" "$STATE_DIR/logs/minio.log"
else
  kind=s3proxy
  with_dist_lock fetch_s3proxy
  conf="$STATE_DIR/s3proxy.conf"
  java=java
  if [[ -n "${JAVA_HOME:-}" ]]; then java="$JAVA_HOME/bin/java"; fi
  ( umask 077
    cat >"$conf" <<CONF
# Written by infra/local/s3.sh; holds this state dir's S3 keys.
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$VIDEOGOV_S3_ACCESS_KEY
s3proxy.credential=$VIDEOGOV_S3_SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$DATA
CONF
  )
  started_at="$(now)"
  (
    exec setsid "$java" -Xmx512m "-Dlogback.configurationFile=$VIDEOGOV_LOCAL_DIR/s3proxy-logback.xml" \
      -jar "$S3PROXY_JAR" --properties "$conf"
  ) >"$STATE_DIR/logs/s3proxy.log" 2>&1 </dev/null 8>&- &
  pid=$!
  record_pid "$STATE_DIR" s3proxy "$pid"
  # Any HTTP answer (an unsigned request gets 403 AccessDenied) means it serves.
  wait_http S3Proxy "$pid" "http://127.0.0.1:$PORT/" any "$TIMEOUT" "$STATE_DIR/logs/s3proxy.log"
fi

ready_seconds="$(elapsed "$started_at" "$(now)")"
write_env_file "$STATE_DIR/run/s3.env" \
  VIDEOGOV_S3_KIND "$kind" \
  VIDEOGOV_S3_ENDPOINT "http://127.0.0.1:$PORT"
say "S3          http://127.0.0.1:$PORT ($kind, data in $DATA), ready in ${ready_seconds} s"
