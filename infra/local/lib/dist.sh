# shellcheck shell=bash
# The once-only downloads of the local stack: artifacts fetched by Maven coordinates (from the local
# Maven repository or the configured remote one) into VIDEOGOV_DIST_DIR (default
# ~/.cache/videogov/dist), shared by every checkout of the machine, under a lock so that two stacks
# starting at once do not fetch or unpack the same thing together. Sourced (after common.sh), not run.

DIST_DIR="${VIDEOGOV_DIST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/videogov/dist}"

# Runs Maven outside the repository (no project model, no .mvn of ours) to copy one
# artifact, given by its coordinates, into a directory.
mvn_copy() {
  local artifact="$1" out="$2" work
  command -v mvn >/dev/null 2>&1 || die "mvn is needed to fetch $artifact"
  work="$(mktemp -d)"
  if ! (cd "$work" && mvn -B -q -Dstyle.color=never dependency:copy \
          -Dartifact="$artifact" -DoutputDirectory="$out" >"$work/mvn.log" 2>&1); then
    cat "$work/mvn.log" >&2
    rm -rf "$work"
    die "mvn dependency:copy -Dartifact=$artifact failed"
  fi
  rm -rf "$work"
}

# Runs a command while holding the lock of the dist folder.
with_dist_lock() {
  mkdir -p "$DIST_DIR"
  (
    flock 9
    "$@"
  ) 9>"$DIST_DIR/.lock"
}
