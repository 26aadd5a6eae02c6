#!/usr/bin/env bash
# Onboards or upgrades one district from its values file alone, the one command of
# docs/operations.md "Onboarding a district":
#
#   k8s/district.sh helm/videogov/values/districts/<code>-<name>.yaml
#
# 1. the district's baseline (k8s/district-baseline): its namespace videogov-<code> with Pod Security
#    restricted, quota, limits, default-deny NetworkPolicies, RBAC and its PostgreSQL cluster, as
#    the release baseline-<code> in videogov-system;
# 2. checks that the Secrets the release reads exist in the namespace (it creates none: credentials
#    are city IT's, docs/operations.md "Secrets of a district") and stops, naming them, if one is
#    missing;
# 3. the district's release videogov-<code> of helm/videogov in its namespace, waits until it is
#    ready, and runs its `helm test` (every service's readiness).
#
# Needs helm and kubectl with city IT's context. Nothing here runs in the project's tests (no cluster
# on the build machines); what it installs is rendered and checked by helm/tests.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { printf 'district.sh: %s\n' "$*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: k8s/district.sh helm/videogov/values/districts/<code>-<name>.yaml"
values="$1"
[ -f "$values" ] || die "no such values file: $values"
file="$(basename "$values")"
[[ "$file" =~ ^([0-9]{6})-([a-z][a-z0-9-]*)\.yaml$ ]] || die "the file's name must be <code>-<name>.yaml: $file"
code="${BASH_REMATCH[1]}"
namespace="videogov-$code"
for tool in helm kubectl; do command -v "$tool" >/dev/null || die "$tool is not on the PATH"; done

echo "district $code: baseline (namespace $namespace)"
helm upgrade --install "baseline-$code" "$ROOT/k8s/district-baseline" \
  --namespace videogov-system -f "$values" --wait

# The Secrets both charts name (secretKeyRef, CloudNativePG's passwordSecret, the backup
# credentials), as rendered with this values file.
missing=()
while IFS= read -r secret; do
  kubectl --namespace "$namespace" get secret "$secret" >/dev/null 2>&1 || missing+=("$secret")
done < <(
  { helm template "videogov-$code" "$ROOT/helm/videogov" --namespace "$namespace" -f "$values"
    helm template "baseline-$code" "$ROOT/k8s/district-baseline" --namespace videogov-system -f "$values"
  } | awk '/(secretKeyRef|passwordSecret|accessKeyId):$/ { getline; if ($1 == "name:") print $2 }' | sort -u
)
if [ ${#missing[@]} -gt 0 ]; then
  die "create these Secrets in $namespace first (docs/operations.md \"Secrets of a district\"), then run this again: ${missing[*]}"
fi

echo "district $code: release videogov-$code"
helm upgrade --install "videogov-$code" "$ROOT/helm/videogov" \
  --namespace "$namespace" -f "$values" --wait --timeout 10m
helm test "videogov-$code" --namespace "$namespace"
