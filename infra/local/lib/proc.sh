# shellcheck shell=bash
# Process helpers of the local stack: every process a stack starts is recorded in STATE_DIR/pids as
# "<name> <pid> <start-time>", and only a process whose PID and start time both still match is ever
# signalled, so a reused PID is never killed. Sourced (after common.sh), not run.

STOP_TIMEOUT="${VIDEOGOV_STOP_TIMEOUT:-30}"

# Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat).
# Together with the PID it identifies one process, even if PIDs are reused later.
proc_start_time() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  # Field 2 (comm) may contain spaces; cut everything up to the last ") ".
  stat="${stat##*) }"
  # What remains starts at field 3, so field 22 is word 20.
  awk '{ print $20 }' <<<"$stat"
}

# True if PID is alive and is the same process that was recorded (same start time).
proc_matches() {
  local pid="$1" start="$2" current
  [[ -d "/proc/$pid" ]] || return 1
  current="$(proc_start_time "$pid")" || return 1
  [[ "$current" == "$start" ]]
}

# True if PID exists and has not exited (a child that exited stays a zombie until
# reaped, and `kill -0` would still succeed on it).
proc_running() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

# Records a started process in STATE_DIR/pids: "<name> <pid> <start-time>".
record_pid() {
  local state="$1" name="$2" pid="$3" start
  start="$(proc_start_time "$pid")" || die "$name (pid $pid) exited right after start; see $state/logs"
  printf '%s %s %s\n' "$name" "$pid" "$start" >>"$state/pids"
}

# Prints how many processes listed in STATE_DIR/pids are still alive, and how many are listed.
count_live() {
  local live=0 total=0 name pid start
  if [[ -f "$1/pids" ]]; then
    while read -r name pid start; do
      [[ -n "${name:-}" ]] || continue
      total=$(( total + 1 ))
      if proc_matches "$pid" "$start"; then live=$(( live + 1 )); fi
    done <"$1/pids"
  fi
  printf '%s %s\n' "$live" "$total"
}

# Waits until none of the given "pid:start" processes is alive; false on timeout.
wait_gone() {
  local timeout="$1" entry deadline alive
  shift
  deadline=$(( $(date +%s) + timeout ))
  while :; do
    alive=0
    for entry in "$@"; do
      if proc_matches "${entry%%:*}" "${entry##*:}"; then alive=1; fi
    done
    (( alive == 0 )) && return 0
    (( $(date +%s) >= deadline )) && return 1
    sleep 0.2
  done
}

# Stops one recorded process (and the members of the process group it leads).
stop_one() {
  local state="$1" name="$2" pid="$3" start="$4" member entry s
  if ! proc_matches "$pid" "$start"; then
    say "$name (pid $pid) is not running"
    return 0
  fi

  if [[ "$name" == postgres ]]; then
    # A private cluster: the recorded pid is its postmaster; stop it the PostgreSQL way.
    if "$VIDEOGOV_LOCAL_DIR/postgres.sh" stop "$state" "$pid" && wait_gone 5 "$pid:$start"; then
      say "stopped postgres (pid $pid)"
      return 0
    fi
    warn "pg_ctl stop did not stop postgres (pid $pid); killing it"
  fi

  # Everything in the process group the recorded process leads (setsid at start):
  # for Keycloak that is kc.sh and its JVM. Collected with start times before
  # signalling, so only these very processes are ever killed.
  local -a group=()
  for member in $(ps -e -o pid=,pgid= | awk -v g="$pid" '$2 == g { print $1 }'); do
    if s="$(proc_start_time "$member")"; then group+=("$member:$s"); fi
  done
  [[ ${#group[@]} -gt 0 ]] || group=("$pid:$start")

  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$STOP_TIMEOUT" "${group[@]}"; then
    warn "$name did not stop within ${STOP_TIMEOUT}s; sending KILL"
    for entry in "${group[@]}"; do
      if proc_matches "${entry%%:*}" "${entry##*:}"; then kill -KILL "${entry%%:*}" 2>/dev/null || true; fi
    done
    wait_gone 10 "${group[@]}" || warn "$name (pid $pid) survived KILL"
  fi
  # Group members left behind by a leader that exited on TERM (should not happen).
  for entry in "${group[@]}"; do
    if proc_matches "${entry%%:*}" "${entry##*:}"; then
      kill -TERM "${entry%%:*}" 2>/dev/null || true
    fi
  done
  say "stopped $name (pid $pid)"
}

# Stops the processes in STATE_DIR/pids, newest first (S3, Keycloak, then PostgreSQL), and removes
# the pids file and stack.env.
stop_recorded() {
  local state="$1" name pid start
  [[ -f "$state/pids" ]] || return 0
  while read -r name pid start; do
    [[ -n "${name:-}" ]] || continue
    stop_one "$state" "$name" "$pid" "$start"
  done < <(tac "$state/pids")
  rm -f "$state/pids" "$state/stack.env"
}

# Waits for an HTTP answer from URL while the process PID runs; dies when it exits or after TIMEOUT
# seconds. ACCEPT is "200" (only 200 counts) or "any" (any HTTP status counts).
wait_http() {
  local name="$1" pid="$2" url="$3" accept="$4" timeout="$5" log="$6" deadline code
  deadline=$(( $(date +%s) + timeout ))
  while :; do
    code="$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url" || true)"
    if [[ "$accept" == any ]]; then
      [[ -n "$code" && "$code" != 000 ]] && return 0
    else
      [[ "$code" == "$accept" ]] && return 0
    fi
    if ! proc_running "$pid"; then
      tail -n 30 "$log" >&2 || true
      die "$name exited during start-up; see $log"
    fi
    if (( $(date +%s) > deadline )); then
      tail -n 30 "$log" >&2 || true
      die "$name not ready after ${timeout}s; see $log"
    fi
    sleep 0.2
  done
}
