# shellcheck shell=bash
# Port helpers of the local stack. Sourced, not run.

# Ports other local servers use; never chosen for anything of ours.
FORBIDDEN_PORTS=" 5432 3306 6379 5672 15672 4222 1883 9000 "

# Ports handed out in this run, so two components never get the same one. Exported, so that a
# component script run by stack.sh (postgres.sh picks its own port) avoids what stack.sh chose.
export VIDEOGOV_CHOSEN_PORTS="${VIDEOGOV_CHOSEN_PORTS:- }"

# True if something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# True if PORT may be used: not forbidden, not handed out in this run, nothing listening.
port_usable() {
  [[ "$FORBIDDEN_PORTS" != *" $1 "* && "$VIDEOGOV_CHOSEN_PORTS" != *" $1 "* ]] && ! port_in_use "$1"
}

# Remembers PORT as handed out in this run.
claim_port() { VIDEOGOV_CHOSEN_PORTS+="$1 "; }

# Sets variable $1 to a free TCP port on 127.0.0.1 that is not in FORBIDDEN_PORTS and was not
# handed out before in this run. (A variable, not output: VIDEOGOV_CHOSEN_PORTS must be updated in
# this shell, not in a command-substitution subshell.)
pick_free_port() {
  local var="$1" port attempt
  for attempt in $(seq 1 100); do
    : "$attempt"
    if command -v python3 >/dev/null 2>&1 \
      && port="$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null)"; then
      :
    else
      # Fallback without python: probe a random port in 20000..59999.
      port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
      if port_in_use "$port"; then continue; fi
    fi
    [[ "$FORBIDDEN_PORTS" == *" $port "* ]] && continue
    [[ "$VIDEOGOV_CHOSEN_PORTS" == *" $port "* ]] && continue
    claim_port "$port"
    printf -v "$var" '%s' "$port"
    return 0
  done
  die "could not find a free TCP port"
}

# Fails with a clear message if a fixed port is taken.
require_port_free() {
  local port="$1" what="$2"
  if port_in_use "$port"; then
    die "port $port ($what) is already in use; stop whatever listens there (another stack: 'stack.sh down DIR') or use --ports random"
  fi
  claim_port "$port"
}
