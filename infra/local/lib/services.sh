# shellcheck shell=bash
# The table infra/services, read in one place. Sourced by ./videogov, infra/local/stack.sh, the bench
# scripts and the launcher's test.
#
#   services_table service   prints "<name> <port>" for each service, in the table's order
#   services_table stack     prints "<name> <port>" for each fixed port of the stack (--ports dev)
#   service_var NAME         the name as it appears in variables: site-registry -> SITE_REGISTRY
#   service_db NAME          the name as a database: site-registry -> site_registry

VIDEOGOV_SERVICES_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/services"
if [[ ! -f "$VIDEOGOV_SERVICES_FILE" ]]; then
  printf 'error: the services table %s is missing\n' "$VIDEOGOV_SERVICES_FILE" >&2
  exit 1
fi

services_table() {
  awk -v kind="$1" '$1 == kind { print $2, $3 }' "$VIDEOGOV_SERVICES_FILE"
}

service_var() { printf '%s\n' "$1" | tr 'a-z-' 'A-Z_'; }

service_db() { printf '%s\n' "$1" | tr '-' '_'; }
