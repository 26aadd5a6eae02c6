#!/usr/bin/env bash
# The services' container images, without a Docker daemon: makes the base image from Debian packages
# (base-image.sh), starts the local registry (registry.sh, the `images` row of infra/services), builds
# every service of infra/services with Jib on that base (Maven profile `images` of the parent pom)
# and pushes it there, then checks each image as the registry serves it (skopeo inspect): the user is
# a numeric non-root uid, the entrypoint runs quarkus-run.jar with the production JVM options, the
# OCI labels source, revision and version are right, both tags exist and none is `latest`. Prints
# each image's size and the wall time; stops the registry at the end. Fails on any failed check.
#
#   infra/images/build.sh                (run by ./videogov images; state in .videogov/images)
#   infra/images/build.sh --check-only   only the checks, of the images the registry already holds
#
# Images: 127.0.0.1:<port>/videogov/<service>:<project version> and :<project version>-<git short
# revision> (with -dirty when the working tree has changes). Environment:
#   VIDEOGOV_REGISTRY_PORT   the registry's port (default: the `images registry` row of infra/services)
#   VIDEOGOV_IMAGE_SOURCE    label org.opencontainers.image.source (default: the git remote origin's
#                            URL, or file://<this checkout> when there is none)
#   and those of base-image.sh (VIDEOGOV_BASE_REBUILD=1, VIDEOGOV_DEBIAN_MIRROR, ...).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../local/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=../local/lib/services.sh
source "$VIDEOGOV_LOCAL_DIR/lib/services.sh"

ROOT="$(cd "$VIDEOGOV_LOCAL_DIR/../.." && pwd)"
IMAGES_DIR="$ROOT/infra/images"
STATE="$ROOT/.videogov/images"
STARTED="$(now)"
CHECK_ONLY=0
case "${1:-}" in
  "") ;;
  --check-only) CHECK_ONLY=1 ;;
  *) die "usage: build.sh [--check-only]" ;;
esac
for tool in mvn git jq skopeo curl; do command -v "$tool" >/dev/null || die "$tool is missing"; done

SERVICES=()
while read -r name _; do SERVICES+=("$name"); done < <(services_table service)
PORT="${VIDEOGOV_REGISTRY_PORT:-$(services_table images | awk '$1 == "registry" { print $2 }')}"
[[ -n "$PORT" ]] || die "infra/services has no 'images registry PORT' row"
REGISTRY="127.0.0.1:$PORT"

# What the images are made from: the project's version, the commit, and whether the tree differs.
VERSION="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -1)"
[[ -n "$VERSION" ]] || die "no project version in $ROOT/pom.xml"
REVISION="$(git -C "$ROOT" rev-parse HEAD)"
SHORT="$(git -C "$ROOT" rev-parse --short=12 HEAD)"
if [[ -n "$(git -C "$ROOT" status --porcelain)" ]]; then
  warn "the working tree has uncommitted changes: the images carry revision $REVISION-dirty"
  REVISION+="-dirty"
  SHORT+="-dirty"
fi
SOURCE="${VIDEOGOV_IMAGE_SOURCE:-$(git -C "$ROOT" config --get remote.origin.url || echo "file://$ROOT")}"
TAG2="$VERSION-$SHORT"
[[ "$VERSION" != latest && "$TAG2" != latest ]] || die "the tag 'latest' is never used"

# The production JVM options (infra/jvm/service.options) without the class-data archive, which the
# images do not hold; Jib's own default (the JBoss log manager) stays in front of them.
JVM_OPTS=()
while read -r opt; do
  [[ -z "$opt" || "$opt" == '#'* || "$opt" == -XX:SharedArchiveFile=* ]] && continue
  [[ "$opt" != *,* ]] || die "a JVM option with a comma cannot be given to Jib: $opt"
  JVM_OPTS+=("$opt")
done <"$ROOT/infra/jvm/service.options"
JVM_ARGS="$(IFS=,; echo "${JVM_OPTS[*]}")"

mkdir -p "$STATE/logs"
if (( CHECK_ONLY == 0 )); then "$IMAGES_DIR/base-image.sh" "$STATE/base"; fi
BASE_TAR="$STATE/base/base-image.tar"
BASE_REF="$(cat "$STATE/base/base-image.ref")"

trap '"$IMAGES_DIR/registry.sh" down "$STATE" >/dev/null || true' EXIT
"$IMAGES_DIR/registry.sh" up "$STATE" "$PORT"

# A Maven argument that sets OCI label org.opencontainers.image.NAME of the images.
label() { printf -- '-Dquarkus.container-image.labels."org.opencontainers.image.%s"=%s' "$1" "$2"; }

# Builds every service with Jib on the base image and pushes it to the registry.
build_images() {
  local modules build_started
  modules="$(printf 'services/%s,' "${SERVICES[@]}")"
  say "images: building and pushing ${#SERVICES[@]} images to $REGISTRY with Jib (Maven log: $STATE/logs/maven.log)"
  build_started="$(now)"
  if ! mvn -B -ntp -Dquarkus.analytics.disabled=true -pl "${modules%,}" -am package -DskipTests \
       -Dvideogov.images \
       "-Dquarkus.container-image.registry=$REGISTRY" -Dquarkus.container-image.insecure=true \
       "-Dquarkus.container-image.additional-tags=$TAG2" \
       "-Dquarkus.jib.base-jvm-image=tar://$BASE_TAR" \
       "-Dquarkus.jib.jvm-additional-arguments=$JVM_ARGS" \
       "$(label source "$SOURCE")" "$(label revision "$REVISION")" "$(label version "$VERSION")" \
       "$(label title "videogov/\${quarkus.application.name}")" "$(label base.name "$BASE_REF")" \
       "$(label vendor VideoGov)" \
       >"$STATE/logs/maven.log" 2>&1; then
    grep -E 'ERROR|FAIL' "$STATE/logs/maven.log" | head -n 30 >&2 || tail -n 30 "$STATE/logs/maven.log" >&2
    die "building the images failed; see $STATE/logs/maven.log"
  fi
  say "images: built and pushed in $(elapsed "$build_started" "$(now)") s"
}
if (( CHECK_ONLY == 0 )); then build_images; fi

# Checks one image as the registry serves it; prints one line of figures, or the failed checks.
FAILED=()
fail() { FAILED+=("$1: $2"); }
check_image() {
  local svc="$1" repo="videogov/$1" ref inspect config manifest tags user entry opt layers compressed app uncompressed found
  ref="docker://$REGISTRY/$repo:$VERSION"
  inspect="$(skopeo inspect --tls-verify=false "$ref")" || { fail "$svc" "skopeo inspect $ref failed"; return; }
  config="$(skopeo inspect --config --tls-verify=false "$ref")" || { fail "$svc" "skopeo inspect --config failed"; return; }

  user="$(jq -r '.config.User // ""' <<<"$config")"
  [[ "$user" =~ ^[0-9]+(:[0-9]+)?$ && "${user%%:*}" != 0 ]] \
    || fail "$svc" "user is '$user', not a numeric non-root uid"
  entry="$(jq -r '(.config.Entrypoint // []) | join(" ")' <<<"$config")"
  [[ "$(jq -r '.config.Entrypoint[0] // ""' <<<"$config")" == java \
     && "$(jq -r '.config.Entrypoint[-2:] | join(" ")' <<<"$config")" == "-jar quarkus-run.jar" ]] \
    || fail "$svc" "entrypoint is '$entry', not java ... -jar quarkus-run.jar"
  for opt in "${JVM_OPTS[@]}"; do
    jq -e --arg o "$opt" '.config.Entrypoint | index($o)' <<<"$config" >/dev/null \
      || fail "$svc" "entrypoint lacks the JVM option $opt"
  done
  [[ "$(jq -r '.config.WorkingDir // ""' <<<"$config")" == /opt/videogov ]] \
    || fail "$svc" "working directory is not /opt/videogov"
  check_label "$svc" "$config" source "$SOURCE"
  check_label "$svc" "$config" revision "$REVISION"
  check_label "$svc" "$config" version "$VERSION"

  tags="$(skopeo list-tags --tls-verify=false "docker://$REGISTRY/$repo" | jq -r '.Tags[]')"
  grep -qxF "$VERSION" <<<"$tags" || fail "$svc" "tag $VERSION missing"
  ! grep -qx latest <<<"$tags" || fail "$svc" "tag latest exists"
  if ! grep -qxF "$TAG2" <<<"$tags"; then
    fail "$svc" "tag $TAG2 missing"
  elif [[ "$(skopeo inspect --tls-verify=false "docker://$REGISTRY/$repo:$TAG2" | jq -r .Digest)" \
          != "$(jq -r .Digest <<<"$inspect")" ]]; then
    fail "$svc" "$TAG2 and $VERSION are different images"
  fi

  # Sizes: the compressed layers as pushed, and the layers unpacked (each layer's tar, decompressed).
  manifest="$(skopeo inspect --raw --tls-verify=false "$ref")" || { fail "$svc" "no manifest"; return; }
  layers="$(jq '.layers | length' <<<"$manifest")"
  compressed="$(jq '[.layers[].size] | add' <<<"$manifest")"
  app="$(jq --argjson n "$BASE_LAYERS" '[.layers[$n:][].size] | add // 0' <<<"$manifest")"
  read -r uncompressed found < <(layer_facts "$ref") || { uncompressed=0; found=0; }
  (( found == 1 )) || fail "$svc" "no layer holds /opt/videogov/quarkus-run.jar"
  printf '  %-42s %s  %2s layers  %6s MiB compressed (%5s MiB above the base)  %6s MiB unpacked\n' \
    "$repo:$VERSION" "$(jq -r .Digest <<<"$inspect" | cut -c1-19)" "$layers" \
    "$(mib "$compressed")" "$(mib "$app")" "$(mib "$uncompressed")"
}

mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

check_label() { # service config name expected
  local got
  got="$(jq -r --arg k "org.opencontainers.image.$3" '.config.Labels[$k] // ""' <<<"$2")"
  [[ "$got" == "$4" ]] || fail "$1" "label org.opencontainers.image.$3 is '$got', expected '$4'"
}

# Prints the sum of the image's layers decompressed, and 1 if a layer holds quarkus-run.jar in the
# working directory (the file the entrypoint runs), else 0.
layer_facts() {
  local dir blob total=0 found=0 size
  dir="$(mktemp -d "$STATE/copy.XXXXXX")"
  if ! skopeo copy --quiet --src-tls-verify=false "$1" "dir:$dir" >/dev/null; then rm -rf "$dir"; return 1; fi
  for blob in $(jq -r '.layers[].digest | sub("^sha256:"; "")' "$dir/manifest.json"); do
    size="$(gzip -dc "$dir/$blob" | wc -c)"
    total=$(( total + size ))
    if gzip -dc "$dir/$blob" | tar -t 2>/dev/null | grep -qxE '(\./)?opt/videogov/quarkus-run\.jar'; then found=1; fi
  done
  rm -rf "$dir"
  echo "$total $found"
}

# The base image's layers come first in every image (Jib adds the application's above them).
BASE_LAYERS="$(skopeo inspect "docker-archive:$BASE_TAR" | jq '.Layers | length')"
say "images: checking each image in $REGISTRY (skopeo inspect)"
for svc in "${SERVICES[@]}"; do check_image "$svc"; done

if (( ${#FAILED[@]} > 0 )); then
  printf 'images: CHECK FAILED: %s\n' "${FAILED[@]}" >&2
  die "${#FAILED[@]} image check(s) failed"
fi
say "images: all ${#SERVICES[@]} images pass (non-root user, entrypoint, labels, tags $VERSION and $TAG2);" \
  "base $BASE_REF; wall time $(elapsed "$STARTED" "$(now)") s"
