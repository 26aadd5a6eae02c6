#!/usr/bin/env bash
# The services' base image, made from Debian packages only (no public container registry can be
# reached from these machines): a minimal Debian root filesystem (debootstrap, variant minbase) with
# the OpenJDK 17 runtime (openjdk-17-jre-headless) and ca-certificates, brought up to date from the
# security suite, a non-root user `videogov` (uid and gid 185, as in the Quarkus images), trimmed of
# package lists, caches, documentation, man pages, translations and set-uid bits, then turned into
# an OCI image (umoci) and exported as a docker-archive tar (skopeo), which Jib reads as
# `tar://OUT_DIR/base-image.tar`.
#
#   infra/images/base-image.sh OUT_DIR
#
# Writes OUT_DIR/base-image.tar, OUT_DIR/base-image.ref (the image's name) and
# OUT_DIR/base-image.stamp; logs in OUT_DIR/logs. A tar made by this same script from the same
# mirror and suite is kept (a base image takes minutes); VIDEOGOV_BASE_REBUILD=1 makes a new one
# (do so for Debian's security updates). Runs as root (debootstrap, chroot). Environment:
#   VIDEOGOV_DEBIAN_SUITE            the Debian release (default bookworm)
#   VIDEOGOV_DEBIAN_MIRROR           the Debian mirror (default: the one this machine's apt uses)
#   VIDEOGOV_DEBIAN_SECURITY_MIRROR  the security mirror (default: this machine's apt's, if any)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../local/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib/common.sh"

[[ $# -eq 1 ]] || die "usage: base-image.sh OUT_DIR"
OUT_DIR="$1"
SUITE="${VIDEOGOV_DEBIAN_SUITE:-bookworm}"
PACKAGES="openjdk-17-jre-headless,ca-certificates"
APP_UID=185
JAVA_HOME_IN_IMAGE=/usr/lib/jvm/java-17-openjdk-amd64

[[ "$(id -u)" == 0 ]] || die "the base image is made as root (debootstrap and chroot need it)"
for tool in debootstrap umoci skopeo unshare chroot; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install debootstrap umoci skopeo)"
done

# The first URI of this machine's apt sources that serves SUITE (one-line and deb822 formats).
apt_source_for() {
  local suite="$1" f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    awk -v s="$suite" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                         if ($(i + 1) == s) { print $i; exit } }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    awk -v s="$suite" 'BEGIN { RS = ""; FS = "\n" }
      { uri = ""; ok = 0; deb = 0
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { split($i, a, " "); uri = a[2] }
          if ($i ~ /^Types:/ && $i ~ /(^|[ :])deb( |$)/) deb = 1
          if ($i ~ /^Suites:/) { n = split($i, b, " "); for (j = 2; j <= n; j++) if (b[j] == s) ok = 1 }
        }
        if (ok && deb && uri != "") { print uri; exit } }' "$f"
  done
}

MIRROR="${VIDEOGOV_DEBIAN_MIRROR:-$(apt_source_for "$SUITE" | head -1)}"
SECURITY_MIRROR="${VIDEOGOV_DEBIAN_SECURITY_MIRROR:-$(apt_source_for "$SUITE-security" | head -1)}"
[[ -n "$MIRROR" ]] || die "no apt source for Debian $SUITE in /etc/apt; set VIDEOGOV_DEBIAN_MIRROR"

mkdir -p "$OUT_DIR/logs"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
TAR="$OUT_DIR/base-image.tar"
STAMP="$OUT_DIR/base-image.stamp"
stamp="$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16) $SUITE $MIRROR ${SECURITY_MIRROR:-none}"
if [[ "${VIDEOGOV_BASE_REBUILD:-0}" != 1 && -f "$TAR" && -f "$OUT_DIR/base-image.ref" && -f "$STAMP" \
      && "$(cat "$STAMP")" == "$stamp" ]]; then
  say "base image: keeping $(cat "$OUT_DIR/base-image.ref") ($TAR; VIDEOGOV_BASE_REBUILD=1 makes a new one)"
  exit 0
fi
rm -f "$STAMP"

WORK="$(mktemp -d "$OUT_DIR/work.XXXXXX")"
# Removes the work folder, after unmounting whatever an interrupted debootstrap left mounted in it
# (/proc, /sys), and never across into another file system.
cleanup() {
  local m
  while read -r m; do umount -l "$m" 2>/dev/null || true; done \
    < <(awk -v w="$WORK/" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r)
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT
ROOTFS="$WORK/rootfs"
started="$(now)"

# Runs a command inside the root filesystem, with its own /proc (the JVM and the dpkg scripts need
# one) in a private mount and PID namespace, so nothing stays mounted when it ends.
in_root() {
  unshare --mount --fork --pid --mount-proc="$ROOTFS/proc" chroot "$ROOTFS" "$@"
}

say "base image: debootstrap $SUITE (minbase) + $PACKAGES from $MIRROR"
if ! debootstrap --variant=minbase --components=main --include="$PACKAGES" "$SUITE" "$ROOTFS" "$MIRROR" \
     >"$OUT_DIR/logs/debootstrap.log" 2>&1; then
  tail -n 20 "$OUT_DIR/logs/debootstrap.log" >&2
  die "debootstrap failed; see $OUT_DIR/logs/debootstrap.log"
fi

{
  echo "deb $MIRROR $SUITE main"
  echo "deb $MIRROR $SUITE-updates main"
  if [[ -n "$SECURITY_MIRROR" ]]; then echo "deb $SECURITY_MIRROR $SUITE-security main"; fi
} >"$ROOTFS/etc/apt/sources.list"
say "base image: updates from $SUITE-updates${SECURITY_MIRROR:+ and $SUITE-security}"
if ! in_root sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -qq \
       -o Dpkg::Options::=--force-confold && apt-get clean' >"$OUT_DIR/logs/upgrade.log" 2>&1; then
  tail -n 20 "$OUT_DIR/logs/upgrade.log" >&2
  die "upgrading the root filesystem failed; see $OUT_DIR/logs/upgrade.log"
fi

# The user the services run as: no login shell, no password; its home exists but holds nothing.
in_root groupadd --system --gid "$APP_UID" videogov
in_root useradd --system --uid "$APP_UID" --gid "$APP_UID" --home-dir /home/videogov --create-home \
  --shell /usr/sbin/nologin --comment "VideoGov service" videogov

# The runtime works as that user: Java starts and finds the CA certificates.
java_version="$(in_root setpriv --reuid="$APP_UID" --regid="$APP_UID" --clear-groups \
  /usr/bin/java -XshowSettings:properties -version 2>&1 | awk '$1 == "java.runtime.version" { print $3 }')"
[[ -n "$java_version" ]] || die "java does not start in the root filesystem as uid $APP_UID"
[[ -s "$ROOTFS/etc/ssl/certs/java/cacerts" && -s "$ROOTFS/etc/ssl/certs/ca-certificates.crt" ]] \
  || die "the CA certificates are missing from the root filesystem"
debian_version="$(cat "$ROOTFS/etc/debian_version")"

# Trimmed: what only building or reading on a console needs. The dpkg database stays (scanners read
# it), and so does each package's copyright file.
find "$ROOTFS/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete
find "$ROOTFS/usr/share/doc" -mindepth 1 -type d -empty -delete
rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/cache/debconf/*-old \
  "$ROOTFS"/var/cache/ldconfig/aux-cache "$ROOTFS"/var/log/* "$ROOTFS"/usr/share/man/* \
  "$ROOTFS"/usr/share/info/* "$ROOTFS"/usr/share/locale/* "$ROOTFS"/usr/share/lintian \
  "$ROOTFS"/usr/share/bash-completion "$ROOTFS"/tmp/* "$ROOTFS"/var/tmp/* "$ROOTFS"/root/.[!.]* \
  "$ROOTFS"/etc/*- "$ROOTFS"/etc/ssh/ssh_host_*
# The container runtime provides these; debootstrap copied this machine's.
rm -f "$ROOTFS/etc/resolv.conf" "$ROOTFS/etc/hostname" "$ROOTFS/etc/hosts"
find "$ROOTFS/dev" "$ROOTFS/proc" "$ROOTFS/sys" -mindepth 1 -delete
: >"$ROOTFS/etc/machine-id"
# No program in the image can gain privileges (the pods also forbid privilege escalation).
find "$ROOTFS" -xdev -type f -perm /6000 -exec chmod ug-s {} +

built="$(date -u +%Y%m%d)"
TAG="$SUITE-$built"
REF="videogov/base-jre17:$TAG"
say "base image: root filesystem $(du -sh "$ROOTFS" | cut -f1)B, Debian $debian_version, Java $java_version; making $REF"

LAYOUT="$WORK/oci"
umoci init --layout "$LAYOUT"
umoci new --image "$LAYOUT:$TAG"
umoci insert --image "$LAYOUT:$TAG" "$ROOTFS" / >/dev/null
umoci config --image "$LAYOUT:$TAG" --os linux --architecture amd64 --author VideoGov \
  --created "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --config.user "$APP_UID:$APP_UID" --config.workingdir /home/videogov \
  --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --config.env "JAVA_HOME=$JAVA_HOME_IN_IMAGE" --config.env "LANG=C.UTF-8" \
  --config.label "org.videogov.base.debian=$debian_version" \
  --config.label "org.videogov.base.java=$java_version" \
  --config.label "org.videogov.base.built=$built" \
  --config.label "org.videogov.base.packages=${PACKAGES//,/ }"
umoci gc --layout "$LAYOUT"

rm -f "$TAR.tmp"
skopeo copy --quiet "oci:$LAYOUT:$TAG" "docker-archive:$TAR.tmp:$REF"
mv "$TAR.tmp" "$TAR"
printf '%s\n' "$REF" >"$OUT_DIR/base-image.ref"
printf '%s\n' "$stamp" >"$STAMP"
say "base image: $REF in $TAR ($(du -h "$TAR" | cut -f1)B uncompressed) in $(elapsed "$started" "$(now)") s"
