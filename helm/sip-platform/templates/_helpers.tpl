{{/* Name prefix of every resource: the release name, cut to leave room for component suffixes. */}}
{{- define "sip.fullname" -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every resource of one component; call with (dict "root" $ "component" "edge-proxy"). */}}
{{- define "sip.labels" -}}
{{ include "sip.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: sip-platform
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Selector labels: stable across upgrades, shared by pods, Services, PDBs and NetworkPolicies. */}}
{{- define "sip.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Image of one service. */}}
{{- define "sip.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .component (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* Secret holding the shared HMAC secrets and API tokens. */}}
{{- define "sip.secretName" -}}
{{- default (printf "%s-shared" (include "sip.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* DNS name of a component's headless Service (clients resolve every ready pod: client-side round robin). */}}
{{- define "sip.headless" -}}
{{- printf "%s-%s.%s.svc.cluster.local" (include "sip.fullname" .root) .component .root.Release.Namespace -}}
{{- end -}}

{{/* Pod-level settings shared by every workload: security context, pull secrets, grace period. */}}
{{- define "sip.podCommon" -}}
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- with .root.Values.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
terminationGracePeriodSeconds: {{ .cfg.terminationGracePeriodSeconds }}
automountServiceAccountToken: false
enableServiceLinks: false
{{- end -}}

{{/* Container-level settings shared by every service container: image, security context, probes, resources,
     the component's ConfigMap as environment and a writable /tmp. */}}
{{- define "sip.containerCommon" -}}
image: {{ include "sip.image" . }}
imagePullPolicy: {{ .root.Values.image.pullPolicy }}
securityContext:
  {{- toYaml .root.Values.containerSecurityContext | nindent 2 }}
envFrom:
  - configMapRef:
      name: {{ include "sip.fullname" .root }}-{{ .component }}
resources:
  {{- toYaml .cfg.resources | nindent 2 }}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: 5
  failureThreshold: 2
{{- end -}}

{{/* Annotations that roll the pods when their configuration or the chart-made secrets change. */}}
{{- define "sip.checksums" -}}
checksum/config: {{ include (print .root.Template.BasePath "/config.yaml") .root | sha256sum }}
checksum/secrets: {{ include (print .root.Template.BasePath "/secrets.yaml") .root | sha256sum }}
{{- end -}}

{{/* Environment variable reading one key of the shared Secret. */}}
{{- define "sip.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "sip.secretName" .root }}
      key: {{ .key }}
{{- end -}}

{{/* PostgreSQL connection of routing or cdr; call with (dict "root" $ "db" .Values.postgresql.routing "prefix" "routing"). */}}
{{- define "sip.postgresEnv" -}}
- name: QUARKUS_DATASOURCE_POSTGRESQL_USERNAME
  value: {{ .db.username | quote }}
- name: QUARKUS_DATASOURCE_POSTGRESQL_PASSWORD
  valueFrom:
    secretKeyRef:
      {{- if .db.existingSecret }}
      name: {{ .db.existingSecret }}
      key: {{ .db.existingSecretKey }}
      {{- else }}
      name: {{ include "sip.fullname" .root }}-{{ .prefix }}-db
      key: password
      {{- end }}
{{- end -}}

{{/* JDBC URL of one database. */}}
{{- define "sip.jdbcUrl" -}}
{{- $pg := .root.Values.postgresql -}}
{{- printf "jdbc:postgresql://%s:%v/%s" (required "postgresql.host is required: routing and cdr keep their data in PostgreSQL" $pg.host) $pg.port .db.database -}}
{{- if $pg.parameters }}{{ printf "?%s" $pg.parameters }}{{ end -}}
{{- end -}}

{{/* OpenTelemetry exporter settings (quarkus.otel.*), off unless otel.enabled. */}}
{{- define "sip.otelConfig" -}}
{{- $o := .root.Values.otel }}
{{- if $o.enabled }}
QUARKUS_OTEL_SDK_DISABLED: "false"
QUARKUS_OTEL_TRACES_EXPORTER: cdi
QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: {{ required "otel.endpoint is required when otel.enabled" $o.endpoint | quote }}
QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: {{ $o.protocol | quote }}
QUARKUS_OTEL_TRACES_SAMPLER: parentbased_traceidratio
QUARKUS_OTEL_TRACES_SAMPLER_ARG: {{ $o.samplerRatio | quote }}
QUARKUS_OTEL_RESOURCE_ATTRIBUTES: {{ printf "service.namespace=sip-platform,deployment.environment=%s%s" .root.Values.site (ternary (printf ",%s" $o.resourceAttributes) "" (ne $o.resourceAttributes "")) | quote }}
{{- else }}
QUARKUS_OTEL_SDK_DISABLED: "true"
{{- end }}
{{- end -}}

{{/* Quarkus graceful shutdown inside the grace period (delay: readiness DOWN while endpoints update). */}}
{{- define "sip.shutdownConfig" -}}
{{- if le (int .cfg.terminationGracePeriodSeconds) (add .cfg.shutdownDelaySeconds .cfg.shutdownTimeoutSeconds | int) }}
{{- fail (printf "%s: terminationGracePeriodSeconds must exceed shutdownDelaySeconds + shutdownTimeoutSeconds" .component) }}
{{- end }}
QUARKUS_SHUTDOWN_DELAY: {{ printf "%vs" .cfg.shutdownDelaySeconds | quote }}
QUARKUS_SHUTDOWN_TIMEOUT: {{ printf "%vs" .cfg.shutdownTimeoutSeconds | quote }}
{{- end -}}
