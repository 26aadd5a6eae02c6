#!/usr/bin/env bash
# The secrets of one state folder: generated once into STATE_DIR/secrets.env (chmod 600) and reused
# by every later start — the Keycloak admin login, the demo users' password, the S3 keys, a
# client secret per service of infra/services (VIDEOGOV_CLIENT_SECRET_<SERVICE>) and the secret the
# videogov realm's broker uses at the partner realm (VIDEOGOV_BROKER_SECRET_QINGDAO_EMERGENCY), and
# object-storage's Ed25519 evidence signing key (VIDEOGOV_EVIDENCE_SIGNING_KEY: PKCS#8 PEM on one line,
# made with openssl; docs/recordings.md, "Evidence packages").
#
#   infra/local/secrets.sh STATE_DIR    prints "created" when any secret was new in this run
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR
source "$VIDEOGOV_LOCAL_DIR/lib/services.sh"

[[ $# -eq 1 && -d "$1" ]] || die "usage: secrets.sh STATE_DIR (an existing folder)"
file="$1/secrets.env"

# Random 32-hex-digit secret (128 bits) from the kernel's CSPRNG.
random_secret() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }

vars=(VIDEOGOV_KEYCLOAK_ADMIN_PASSWORD VIDEOGOV_DEMO_PASSWORD VIDEOGOV_S3_ACCESS_KEY VIDEOGOV_S3_SECRET_KEY
      VIDEOGOV_BROKER_SECRET_QINGDAO_EMERGENCY)
while read -r name _; do
  vars+=("VIDEOGOV_CLIENT_SECRET_$(service_var "$name")")
done < <(services_table service)

# Only this state folder's file counts, never values inherited from the caller's environment
# (e.g. a shell that sourced another stack's stack.env).
unset VIDEOGOV_KEYCLOAK_ADMIN_USERNAME VIDEOGOV_EVIDENCE_SIGNING_KEY "${vars[@]}"
if [[ -f "$file" ]]; then
  # shellcheck disable=SC1090  # the state folder's own file, written below
  source "$file"
fi
( umask 077; touch "$file" )
chmod 600 "$file"
if ! grep -q '^VIDEOGOV_KEYCLOAK_ADMIN_USERNAME=' "$file"; then
  printf 'VIDEOGOV_KEYCLOAK_ADMIN_USERNAME=%s\n' admin >>"$file"
fi
created=0
for var in "${vars[@]}"; do
  if [[ -z "${!var:-}" ]]; then
    printf '%s=%s\n' "$var" "$(random_secret)" >>"$file"
    created=1
  fi
done
# The evidence signing key: a new Ed25519 key, its PEM lines joined with spaces (the service reads
# either form); kept like every other secret, so that packages signed earlier still verify.
if [[ -z "${VIDEOGOV_EVIDENCE_SIGNING_KEY:-}" ]]; then
  command -v openssl >/dev/null || die "openssl is needed to make the evidence signing key (apt-get install openssl)"
  key="$(openssl genpkey -algorithm ed25519 | tr '\n' ' ')"
  printf 'VIDEOGOV_EVIDENCE_SIGNING_KEY=%q\n' "${key% }" >>"$file"
  created=1
fi
if (( created )); then say created; fi
