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
#   infra/images/build.sh --check-reproducible
#                                        then builds every image once more (mvn clean, as always)
#                                        into the scratch repositories videogov-rebuild/<service>,
#                                        and fails unless each has the digest of the first build
#                                        (names the layers that differ; deletes the scratch images)
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
CHECK_REPRO=0
case "${1:-}" in
  "") ;;
  --check-only) CHECK_ONLY=1 ;;
  --check-reproducible) CHECK_REPRO=1 ;;
  *) die "usage: build.sh [--check-only | --check-reproducible]" ;;
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
# The commit's time (UTC), the label org.opencontainers.image.created: the image's own creation time
# is the Unix epoch, so that building the same commit again gives the same image (README.md).
CREATED="$(TZ=UTC0 git -C "$ROOT" log -1 --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ HEAD)"
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

# Builds every service with Jib on the base image and pushes it to the registry, as GROUP/<service>
# (GROUP videogov, or the scratch group of --check-reproducible); Maven's log in logs/LOG. Always
# from `clean`: maven-jar-plugin keeps a jar it finds up to date, so a module's jar from an earlier
# build (another commit, other settings) would otherwise go into the image.
build_images() {
  local group="$1" log="$2" modules build_started
  modules="$(printf 'services/%s,' "${SERVICES[@]}")"
  say "images: building and pushing ${#SERVICES[@]} images to $REGISTRY/$group with Jib (Maven log: $STATE/logs/$log)"
  build_started="$(now)"
  if ! mvn -B -ntp -Dquarkus.analytics.disabled=true -pl "${modules%,}" -am clean package -DskipTests \
       -Dvideogov.images "-Dquarkus.container-image.group=$group" \
       "-Dquarkus.container-image.registry=$REGISTRY" -Dquarkus.container-image.insecure=true \
       "-Dquarkus.container-image.additional-tags=$TAG2" \
       "-Dquarkus.jib.base-jvm-image=tar://$BASE_TAR" \
       "-Dquarkus.jib.jvm-additional-arguments=$JVM_ARGS" \
       "$(label source "$SOURCE")" "$(label revision "$REVISION")" "$(label version "$VERSION")" \
       "$(label title "videogov/\${quarkus.application.name}")" "$(label base.name "$BASE_REF")" \
       "$(label vendor VideoGov)" "$(label created "$CREATED")" \
       >"$STATE/logs/$log" 2>&1; then
    grep -E 'ERROR|FAIL' "$STATE/logs/$log" | head -n 30 >&2 || tail -n 30 "$STATE/logs/$log" >&2
    die "building the images failed; see $STATE/logs/$log"
  fi
  say "images: built and pushed in $(elapsed "$build_started" "$(now)") s"
}
if (( CHECK_ONLY == 0 )); then build_images videogov maven.log; fi

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
  check_label "$svc" "$config" created "$CREATED"

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
(( CHECK_REPRO == 1 )) || exit 0

# --check-reproducible: the same commit built again from scratch must give the same image. The
# rebuild goes to the scratch repositories videogov-rebuild/<service> (a tag cannot be deleted from
# the registry on its own, only a manifest, and the manifest of an equal image is the first's).
SCRATCH=videogov-rebuild
build_images "$SCRATCH" maven-rebuild.log
say "images: comparing each rebuilt image with the first build (digest; else layer by layer)"
DIFFERENT=0
for svc in "${SERVICES[@]}"; do
  first="docker://$REGISTRY/videogov/$svc:$VERSION"
  again="docker://$REGISTRY/$SCRATCH/$svc:$VERSION"
  d1="$(skopeo inspect --tls-verify=false "$first" | jq -r .Digest)"
  d2="$(skopeo inspect --tls-verify=false "$again" | jq -r .Digest)"
  if [[ "$d1" == "$d2" ]]; then
    printf '  %-20s same digest %s\n' "$svc" "$d1"
  else
    DIFFERENT=$(( DIFFERENT + 1 ))
    # Jib names each layer it adds in the image's history (fast-jar-boot-libs, ...): the layers are
    # the history entries that are not empty_layer, in order.
    names="$(skopeo inspect --config --tls-verify=false "$first" \
      | jq -r '[.history[] | select(.empty_layer != true) | (.comment // .created_by)] | .[]')"
    layers="$(paste <(printf '%s\n' "$names") \
      <(skopeo inspect --raw --tls-verify=false "$first" | jq -r '.layers[].digest') \
      <(skopeo inspect --raw --tls-verify=false "$again" | jq -r '.layers[].digest') \
      | awk -F '\t' '$2 != $3 { printf "%s%s", sep, $1; sep = ", " }')"
    configs="$(diff <(skopeo inspect --config --tls-verify=false "$first" | jq -S 'del(.rootfs)') \
      <(skopeo inspect --config --tls-verify=false "$again" | jq -S 'del(.rootfs)') >/dev/null \
      && echo "same" || echo "different")"
    printf '  %-20s DIFFERENT %s (first) %s (rebuilt); layers that differ: %s; config otherwise %s\n' \
      "$svc" "$d1" "$d2" "${layers:-none}" "$configs"
  fi
  # The scratch image goes; the first build's stays (deleting a manifest is per repository).
  curl -fs -o /dev/null -X DELETE "http://$REGISTRY/v2/$SCRATCH/$svc/manifests/$d2" \
    || warn "could not delete $SCRATCH/$svc@$d2 from the registry"
done
(( DIFFERENT == 0 )) || die "$DIFFERENT of ${#SERVICES[@]} images differ when the same commit is built again" \
  "(infra/images/README.md, \"Reproducible\")"
say "images: reproducible: all ${#SERVICES[@]} images have the same digest when built again; wall time" \
  "$(elapsed "$STARTED" "$(now)") s"
