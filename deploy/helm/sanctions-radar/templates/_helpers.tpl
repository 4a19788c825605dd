{{/* The four applications: values key → name (the name is also the image's, the Service's and the container's) */}}
{{- define "sanctions-radar.apps" -}}
designationService: designation-service
screeningService: screening-service
notificationService: notification-service
analystConsole: analyst-console
{{- end }}

{{/* <release>-<app>, the name of an application's resources */}}
{{- define "sanctions-radar.name" -}}
{{- printf "%s-%s" .root.Release.Name .app | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "sanctions-radar.selectorLabels" -}}
app.kubernetes.io/name: {{ .app }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "sanctions-radar.labels" -}}
{{ include "sanctions-radar.selectorLabels" . }}
app.kubernetes.io/part-of: sanctions-radar
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{- define "sanctions-radar.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-sanctions-radar" .Release.Name) }}
{{- end }}

{{- define "sanctions-radar.image" -}}
{{- $image := .values.image }}
{{- printf "%s%s:%s" .root.Values.imageRegistry $image.repository ($image.tag | default .root.Chart.AppVersion) }}
{{- end }}

{{/* A bearer-token verifying service's identity settings: the provider's key location and issuer */}}
{{- define "sanctions-radar.tokenVerification" -}}
{{- $identity := .Values.identity }}
MP_JWT_VERIFY_PUBLICKEY_LOCATION: {{ ternary "/etc/sanctions-radar/jwt-public.pem" $identity.publicKeyLocation (ne $identity.publicKeyPem "") | quote }}
MP_JWT_VERIFY_ISSUER: {{ $identity.issuer | quote }}
{{- with $identity.rolesClaimPath }}
SMALLRYE_JWT_PATH_GROUPS: {{ . | quote }}
{{- end }}
{{- end }}

{{/* The settings of one of the three services that own a database and use Kafka */}}
{{- define "sanctions-radar.serviceSettings" -}}
HTTP_PORT: {{ .values.port | quote }}
JAVA_OPTS: {{ .values.javaOpts | quote }}
KAFKA_BOOTSTRAP_SERVERS: {{ .root.Values.kafka.bootstrapServers | quote }}
DB_HOST: {{ .root.Values.postgresql.host | quote }}
DB_PORT: {{ .root.Values.postgresql.port | quote }}
{{ include "sanctions-radar.tokenVerification" .root }}
{{- end }}

{{/* Environment from the Secret: name → key */}}
{{- define "sanctions-radar.secretEnv" -}}
{{- $secret := include "sanctions-radar.secretName" .root }}
{{- range $name, $key := .keys }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $key }}
{{- end }}
{{- end }}

{{/*
The pod of an application. Arguments: root, app (name), values (its values), env (further container env, YAML),
database (the database name, or "" when the app has none).
*/}}
{{- define "sanctions-radar.pod" -}}
{{- $root := .root }}
{{- $values := .values }}
metadata:
  labels:
    {{- include "sanctions-radar.labels" . | nindent 4 }}
  annotations:
    # a changed setting or secret rolls the pods
    checksum/config: {{ include (print $root.Template.BasePath "/configmaps.yaml") $root | sha256sum }}
    checksum/secret: {{ include (print $root.Template.BasePath "/secret.yaml") $root | sha256sum }}
spec:
  automountServiceAccountToken: false
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if $root.Values.spreadOverNodes }}
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: kubernetes.io/hostname
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          {{- include "sanctions-radar.selectorLabels" . | nindent 10 }}
  {{- end }}
  {{- with $root.Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $root.Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if and .database $root.Values.postgresql.createDatabases }}
  initContainers:
    # the service's database must exist before Flyway migrates it
    - name: create-database
      image: {{ $root.Values.postgresql.clientImage }}
      imagePullPolicy: {{ $root.Values.imagePullPolicy }}
      # replicas start together: one that loses the race to create it finds it created
      command:
        - sh
        - -c
        - >-
          exists() { psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; };
          exists || psql -d postgres -c "CREATE DATABASE \"$DB_NAME\"" || exists
      env:
        {{- include "sanctions-radar.databaseEnv" . | trim | nindent 8 }}
        - name: PGHOST
          value: {{ $root.Values.postgresql.host | quote }}
        - name: PGPORT
          value: {{ $root.Values.postgresql.port | quote }}
        {{- include "sanctions-radar.secretEnv" (dict "root" $root "keys" (dict "PGUSER" "db-user" "PGPASSWORD" "db-password")) | trim | nindent 8 }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      resources:
        requests:
          cpu: 50m
          memory: 64Mi
        limits:
          memory: 64Mi
  {{- end }}
  containers:
    - name: {{ .app }}
      image: {{ include "sanctions-radar.image" . }}
      imagePullPolicy: {{ $root.Values.imagePullPolicy }}
      ports:
        - name: http
          containerPort: {{ $values.port }}
      envFrom:
        - configMapRef:
            name: {{ include "sanctions-radar.name" . }}
      env:
        {{- if .database }}
        {{- include "sanctions-radar.databaseEnv" . | trim | nindent 8 }}
        {{- include "sanctions-radar.secretEnv" (dict "root" $root "keys" (dict "DB_USER" "db-user" "DB_PASSWORD" "db-password")) | trim | nindent 8 }}
        {{- end }}
        {{- with .env }}
        {{- . | trim | nindent 8 }}
        {{- end }}
      startupProbe:
        httpGet:
          path: /q/health/started
          port: http
        periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
        failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
      livenessProbe:
        httpGet:
          path: /q/health/live
          port: http
        {{- toYaml $root.Values.probes.liveness | nindent 8 }}
      readinessProbe:
        httpGet:
          path: /q/health/ready
          port: http
        {{- toYaml $root.Values.probes.readiness | nindent 8 }}
      resources:
        {{- toYaml $values.resources | nindent 8 }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- if and (ne .app "analyst-console") $root.Values.identity.publicKeyPem }}
        - name: jwt-public-key
          mountPath: /etc/sanctions-radar/jwt-public.pem
          subPath: jwt-public.pem
          readOnly: true
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: {{ $values.tmpSize }}
    {{- if and (ne .app "analyst-console") $root.Values.identity.publicKeyPem }}
    - name: jwt-public-key
      configMap:
        name: {{ $root.Release.Name }}-jwt-public-key
    {{- end }}
{{- end }}

{{/* DB_NAME: the application's database, shared by all its replicas or instances */}}
{{- define "sanctions-radar.databaseEnv" -}}
- name: DB_NAME
  value: {{ .database | quote }}
{{- end }}

{{/* A screening-service instance's id, under which it keeps its watchlist in the shared database: the pod name */}}
{{- define "sanctions-radar.instanceId" -}}
- name: SCREENING_INSTANCE_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- end }}
