{{/* A component's environment (ConfigMap data), from its context. */}}
{{- define "videogov.config" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
{{- $port := include "videogov.port" $root -}}
# The city and its districts (videogov.city.*: the file of the ConfigMap <release>-districts), and
# the district this release serves.
QUARKUS_CONFIG_LOCATIONS: "file:/etc/videogov/city.properties"
VIDEOGOV_DISTRICT_CODE: {{ $v.district.code | quote }}
# This service's own port, REST and gRPC (quarkus.http.port).
{{ include "videogov.envPrefix" .c.service }}_PORT: {{ $port | quote }}
# The city's Keycloak realm (quarkus.oidc.auth-server-url) and the tokens' audience.
VIDEOGOV_OIDC_ISSUER: {{ $v.oidc.authServerUrl | quote }}
VIDEOGOV_OIDC_AUDIENCE: {{ $v.oidc.audience | quote }}
{{- with $v.oidc.tokenIssuer }}
QUARKUS_OIDC_TOKEN_ISSUER: {{ . | quote }}
{{- end }}
# sharing-authz, which every protected request asks (quarkus.grpc.clients.sharing-authz.*).
{{- if $v.components.sharingAuthz.enabled }}
VIDEOGOV_SHARING_AUTHZ_HOST: {{ printf "%s-%s" (include "videogov.fullname" $root) $v.components.sharingAuthz.service | quote }}
{{- if ne .key "sharingAuthz" }}
VIDEOGOV_SHARING_AUTHZ_PORT: {{ $port | quote }}
{{- end }}
VIDEOGOV_SHARING_AUTHZ_PLAINTEXT: "true"
{{- else }}
VIDEOGOV_SHARING_AUTHZ_HOST: {{ $v.sharingAuthz.host | quote }}
VIDEOGOV_SHARING_AUTHZ_PORT: {{ $v.sharingAuthz.port | quote }}
VIDEOGOV_SHARING_AUTHZ_PLAINTEXT: {{ $v.sharingAuthz.plainText | quote }}
{{- end }}
# The release's services this one calls over gRPC on their port (quarkus.grpc.clients.<service>.*).
{{- range $otherKey := .c.calls }}
{{- $other := get $v.components $otherKey }}
{{- if $other.enabled }}
{{ include "videogov.envPrefix" $other.service }}_HOST: {{ printf "%s-%s" (include "videogov.fullname" $root) $other.service | quote }}
{{ include "videogov.envPrefix" $other.service }}_PORT: {{ $port | quote }}
{{- end }}
{{- end }}
{{- if .c.database.enabled }}
# PostgreSQL (quarkus.datasource.*): this service's own database; Flyway at start (values: migrations).
VIDEOGOV_PG_HOST: {{ $v.database.host | quote }}
VIDEOGOV_PG_PORT: {{ $v.database.port | quote }}
{{ include "videogov.envPrefix" .c.service }}_DB: {{ .c.database.name | quote }}
QUARKUS_FLYWAY_MIGRATE_AT_START: {{ $v.migrations.atStart | quote }}
{{- end }}
{{- if .c.s3.enabled }}
# The S3 store: the city's MinIO tenant and this district's bucket.
VIDEOGOV_S3_ENDPOINT: {{ $v.s3.endpoint | quote }}
VIDEOGOV_S3_BUCKET: {{ include "videogov.bucket" $root | quote }}
{{- end }}
{{- range $name, $value := .c.env }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end -}}
