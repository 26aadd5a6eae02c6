# shellcheck shell=bash
# Shared by the scripts of the local stack (stack.sh, postgres.sh, keycloak.sh, s3.sh, secrets.sh):
# output that never ends a script, timing, and the naming rule of a state folder. Sourced, not run.

# shellcheck disable=SC2034  # read by the scripts that source this file
VIDEOGOV_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIDEOGOV_SCRIPT="${0##*/}"

# Output never ends the script: `down` runs from a launcher whose output pipe may be gone
# (./videogov start | tee log, then Ctrl-C), and a failed write must not leave processes running.
say() { { printf '%s\n' "$*"; } 2>/dev/null || true; }
warn() { printf '%s: %s\n' "$VIDEOGOV_SCRIPT" "$*" >&2 2>/dev/null || true; }
die() { printf '%s: error: %s\n' "$VIDEOGOV_SCRIPT" "$*" >&2; exit 1; }

# Seconds since the epoch with fractions, for timing.
now() { date +%s.%N; }
# Whole seconds (rounded) between two `now` values.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d", (b - a) + 0.5 }'; }

# The real path of an existing state folder.
state_path() { (cd "$1" && pwd -P); }

# The suffix every database name of a state folder carries: "_" and the first 8 hex digits of the
# SHA-256 of the folder's real path. Two checkouts (or two state folders) on one machine share the
# machine's PostgreSQL; with the suffix each has its own Keycloak and service databases.
state_suffix() { printf '_%s\n' "$(printf '%s' "$(state_path "$1")" | sha256sum | cut -c1-8)"; }

# The state folder's base name, reduced to what a database name allows (keycloak_<name><suffix>).
state_name() { basename "$(state_path "$1")" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9_\n' '_'; }

# Writes "export NAME=value" lines (values quoted for the shell) for each NAME VALUE pair to FILE,
# replacing it in one step, readable by the owner only.
write_env_file() {
  local file="$1" tmp
  shift
  tmp="$(mktemp "$file.XXXXXX")"
  chmod 600 "$tmp"
  printf 'export %s=%q\n' "$@" >"$tmp"
  mv "$tmp" "$file"
}
