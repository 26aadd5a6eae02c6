{{/* The district's namespace: <namespacePrefix><district code>. Fails without a district. */}}
{{- define "baseline.namespace" -}}
{{- if not (regexMatch "^[0-9]{6}$" (.Values.district.code | toString)) -}}
{{- fail "district.code (six digits) is required: render with helm/videogov/values/districts/<code>-<name>.yaml" -}}
{{- end -}}
{{- if not (hasPrefix (.Values.city.code | trunc 4) .Values.district.code) -}}
{{- fail (printf "district.code %s is not a district of city %s" .Values.district.code .Values.city.code) -}}
{{- end -}}
{{- printf "%s%s" .Values.baseline.namespacePrefix .Values.district.code -}}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "baseline.labels" -}}
app.kubernetes.io/name: videogov-district-baseline
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: videogov
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
videogov.org/district-code: {{ .Values.district.code | quote }}
{{- end -}}

{{/* The administrators' group. */}}
{{- define "baseline.adminGroup" -}}
{{- .Values.baseline.adminGroup | default (printf "videogov:district-admin:%s" .Values.district.code) -}}
{{- end -}}
