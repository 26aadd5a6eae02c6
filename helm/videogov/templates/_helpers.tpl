{{/*
Names, labels and the shared pieces of every component's objects. A component's context is
  (dict "root" $ "c" <the component's values> "key" <its key under components>)
*/}}

{{/* The release's prefix: the release name, cut to 40 characters so that "<release>-<service>" fits 63. */}}
{{- define "videogov.fullname" -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* A component's object name: <release>-<service>. */}}
{{- define "videogov.componentName" -}}
{{- printf "%s-%s" (include "videogov.fullname" .root) .c.service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The chart label. */}}
{{- define "videogov.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels: only name and instance, so that they never change between chart versions. */}}
{{- define "videogov.selectorLabels" -}}
app.kubernetes.io/name: {{ .c.service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Labels every object of the release carries besides name and instance (root context). */}}
{{- define "videogov.sharedLabels" -}}
helm.sh/chart: {{ include "videogov.chart" . }}
app.kubernetes.io/version: {{ include "videogov.tag" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: videogov
{{- with .Values.district.code }}
videogov.org/district-code: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* All labels of a component's objects. */}}
{{- define "videogov.labels" -}}
{{ include "videogov.selectorLabels" . }}
app.kubernetes.io/component: {{ .c.service }}
{{ include "videogov.sharedLabels" .root }}
{{- end -}}

{{/* The image tag: image.tag, else the chart's appVersion (the project's version). */}}
{{- define "videogov.tag" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion -}}
{{- if eq $tag "latest" -}}{{- fail "image.tag must not be latest" -}}{{- end -}}
{{- $tag -}}
{{- end -}}

{{/* A component's image: <registry>/<repositoryPrefix>/<service>:<tag>. */}}
{{- define "videogov.image" -}}
{{- $v := .root.Values.image -}}
{{- printf "%s/%s/%s:%s" $v.registry $v.repositoryPrefix .c.service (include "videogov.tag" .root) -}}
{{- end -}}

{{/* A service's environment-variable prefix: site-registry -> VIDEOGOV_SITE_REGISTRY. */}}
{{- define "videogov.envPrefix" -}}
{{- printf "VIDEOGOV_%s" (. | upper | replace "-" "_") -}}
{{- end -}}

{{/* The district's bucket. */}}
{{- define "videogov.bucket" -}}
{{- .Values.s3.bucket | default (printf "videogov-%s" .Values.district.code) -}}
{{- end -}}

{{/* The port every service listens on, for REST and gRPC. */}}
{{- define "videogov.port" -}}8080{{- end -}}

{{/* The restricted security context of every container. */}}
{{- define "videogov.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.pod.runAsUser }}
runAsGroup: {{ .Values.pod.runAsUser }}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The restricted security context of every pod. */}}
{{- define "videogov.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.pod.runAsUser }}
runAsGroup: {{ .Values.pod.runAsUser }}
fsGroup: {{ .Values.pod.runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Checks of the values the schema cannot express. */}}
{{- define "videogov.validate" -}}
{{- $districtServices := 0 -}}
{{- range $key, $c := .Values.components -}}
{{- if and $c.enabled (ne $key "sharingAuthz") -}}{{- $districtServices = add1 $districtServices -}}{{- end -}}
{{- end -}}
{{- if and (gt $districtServices 0) (not .Values.district.code) -}}
{{- fail "district.code is required when a district service is enabled (values/districts/<code>-<name>.yaml)" -}}
{{- end -}}
{{- if and .Values.district.code (not (hasPrefix (.Values.city.code | trunc 4) .Values.district.code)) -}}
{{- fail (printf "district.code %s is not a district of city %s" .Values.district.code .Values.city.code) -}}
{{- end -}}
{{- end -}}
