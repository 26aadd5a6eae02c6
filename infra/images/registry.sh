#!/usr/bin/env bash
# A container registry on 127.0.0.1 for the services' images: Debian's docker-registry (the CNCF
# Distribution registry 2.8) run as a plain process with its own configuration and storage in
# STATE_DIR, over plain HTTP (clients name it insecure). The images stay in STATE_DIR/registry
# between runs; start it again to pull or copy them (skopeo copy docker://127.0.0.1:PORT/...).
#
#   infra/images/registry.sh up STATE_DIR PORT   start it (if this folder's is not running) and wait
#   infra/images/registry.sh down STATE_DIR      stop exactly the process `up` started
#
# The process is recorded in STATE_DIR/pids like the local stack's (infra/local/lib/proc.sh).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../local/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=../local/lib/proc.sh
source "$VIDEOGOV_LOCAL_DIR/lib/proc.sh"
# shellcheck source-path=SCRIPTDIR source=../local/lib/ports.sh
source "$VIDEOGOV_LOCAL_DIR/lib/ports.sh"

usage() { die "usage: registry.sh up STATE_DIR PORT | down STATE_DIR"; }

case "${1:-}" in
  up) [[ $# -eq 3 ]] || usage ;;
  down) [[ $# -eq 2 ]] || usage ;;
  *) usage ;;
esac
STATE_DIR="$2"
mkdir -p "$STATE_DIR/logs" "$STATE_DIR/registry"
STATE_DIR="$(state_path "$STATE_DIR")"

if [[ "$1" == down ]]; then
  stop_recorded "$STATE_DIR"
  exit 0
fi

PORT="$3"
read -r live total < <(count_live "$STATE_DIR")
if (( total > 0 && live == total )) && curl -fs -o /dev/null "http://127.0.0.1:$PORT/v2/"; then
  say "registry: already running on 127.0.0.1:$PORT"
  exit 0
fi
stop_recorded "$STATE_DIR"
command -v docker-registry >/dev/null || die "docker-registry is missing (apt-get install docker-registry)"
require_port_free "$PORT" "the image registry"

cat >"$STATE_DIR/registry.yml" <<CONF
# Written by infra/images/registry.sh: the local image registry of this folder.
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $STATE_DIR/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$PORT
CONF

(exec setsid docker-registry serve "$STATE_DIR/registry.yml") >"$STATE_DIR/logs/registry.log" 2>&1 </dev/null 8>&- &
pid=$!
record_pid "$STATE_DIR" registry "$pid"
wait_http registry "$pid" "http://127.0.0.1:$PORT/v2/" 200 30 "$STATE_DIR/logs/registry.log"
say "registry: serving on 127.0.0.1:$PORT (storage $STATE_DIR/registry, pid $pid)"
