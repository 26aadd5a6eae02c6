#!/usr/bin/env bash
# Loads demo data through the public API with real tokens from the local Keycloak, so the demo
# exercises the same path as a district bureau's tools. Safe to run again: sites are created
# with an Idempotency-Key and an existing zone name answers 409, which is taken as "already there".
# Needs the variables of the stack's stack.env (VIDEOGOV_OIDC_ISSUER, VIDEOGOV_DEMO_PASSWORD).
set -euo pipefail

SITE_API="${VIDEOGOV_SITE_REGISTRY_URL:-http://127.0.0.1:8081}/api/v1/sites"

token() {
  curl -fsS -d grant_type=password -d client_id=videogov-portal -d "username=$1" \
       -d "password=$VIDEOGOV_DEMO_PASSWORD" "$VIDEOGOV_OIDC_ISSUER/protocol/openid-connect/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# site TOKEN KEY JSON -> prints the site id
site() {
  curl -fsS -H "Authorization: Bearer $1" -H "Idempotency-Key: $2" -H 'Content-Type: application/json' \
       -d "$3" "$SITE_API" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p'
}

# zone TOKEN SITE_ID JSON
zone() {
  local code
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
       -d "$3" "$SITE_API/$2/zones")
  case "$code" in 201|409) ;; *) echo "demo zone refused with HTTP $code: $3" >&2; return 1 ;; esac
}

SHINAN=$(token shinan-admin)
HUANGDAO=$(token huangdao-admin)
if [ -z "$SHINAN" ] || [ -z "$HUANGDAO" ]; then echo "demo data: could not get demo tokens" >&2; exit 1; fi

id=$(site "$SHINAN" demo-zhanqiao '{"name":"栈桥 Zhanqiao Pier","category":"TRANSPORT","address":"太平路12号 Taiping Road 12, Shinan","geometry":{"type":"Point","coordinates":[120.3195,36.0605]},"securityLevel":3,"responsibleUnit":"青岛市公安局市南分局"}')
zone "$SHINAN" "$id" '{"name":"Pier entrance","privacyClass":"NONE"}'
zone "$SHINAN" "$id" '{"name":"Public toilet by the pier","privacyClass":"TOILET"}'

id=$(site "$SHINAN" demo-hospital '{"name":"青岛市市立医院 Qingdao Municipal Hospital","category":"CULTURE_EDUCATION_HEALTH_VENUES","address":"胶州路1号 Jiaozhou Road 1, Shinan","securityLevel":3,"responsibleUnit":"青岛市市立医院"}')
zone "$SHINAN" "$id" '{"name":"Emergency entrance","privacyClass":"NONE"}'
zone "$SHINAN" "$id" '{"name":"Inpatient ward 5","privacyClass":"WARD"}'
zone "$SHINAN" "$id" '{"name":"Car park facing residential windows","privacyClass":"NONE","privacyRisk":true}'

id=$(site "$SHINAN" demo-bank '{"name":"中国银行香港中路支行 Bank of China, Hong Kong Middle Road","category":"TELECOM_POSTAL_FINANCE","address":"香港中路59号 Hong Kong Middle Road 59, Shinan","securityLevel":4,"responsibleUnit":"中国银行青岛分行"}')
zone "$SHINAN" "$id" '{"name":"Cash hall","privacyClass":"NONE"}'

id=$(site "$HUANGDAO" demo-tunnel '{"name":"胶州湾隧道 Jiaozhou Bay Tunnel (Huangdao portal)","category":"TRANSPORT","address":"薛家岛 Xuejiadao, Huangdao","geometry":{"type":"Polygon","coordinates":[[[120.262,36.018],[120.268,36.018],[120.268,36.022],[120.262,36.022],[120.262,36.018]]]},"securityLevel":4,"responsibleUnit":"青岛市交通运输局"}')
zone "$HUANGDAO" "$id" '{"name":"Tunnel portal","privacyClass":"NONE"}'

id=$(site "$HUANGDAO" demo-chemicals '{"name":"董家口化工园区 Dongjiakou Chemical Park","category":"DANGEROUS_GOODS_AND_PATHOGENS","address":"董家口 Dongjiakou, Huangdao","securityLevel":5,"responsibleUnit":"董家口化工园区管委会"}')
zone "$HUANGDAO" "$id" '{"name":"Tank farm perimeter","privacyClass":"NONE"}'
zone "$HUANGDAO" "$id" '{"name":"Staff dormitory","privacyClass":"DORMITORY"}'

echo "[videogov] demo data loaded: 3 sites in Shinan (370202), 2 in Huangdao (370211)"
