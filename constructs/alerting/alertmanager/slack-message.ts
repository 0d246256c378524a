/**
 * The Slack message, as Go templates inline in the receiver (no template files to mount). They use only the
 * template data and functions of Alertmanager 0.25 and later; `amtool template render` checks them in the tests.
 * Labels can be missing on alerts that reach the default receiver, hence the `or` fallbacks.
 */
export const SLACK_TITLE_TEMPLATE =
  '[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] ' +
  '{{ or .CommonLabels.severity "no severity" }} {{ .CommonLabels.alertname }} ' +
  'in {{ or .CommonLabels.environment "unknown environment" }}';

export const SLACK_TEXT_TEMPLATE = [
  '{{ range .Alerts -}}',
  '*{{ .Labels.alertname }}* ({{ or .Labels.severity "no severity" }}, {{ or .Labels.environment "unknown environment" }}' +
    '{{ with .Labels.symbol }}, {{ . }}{{ end }}){{ if eq .Status "resolved" }} RESOLVED{{ end }}',
  '*Summary:* {{ or .Annotations.summary "(no summary)" }}',
  '*Description:* {{ or .Annotations.description "(no description)" }}',
  '*Runbook:* {{ with .Annotations.runbook_url }}<{{ . }}|runbook>{{ else }}(none){{ end }}',
  '{{ end }}',
].join('\n');

/** Slack attachment colour: green when resolved, red for critical, amber otherwise. */
export const SLACK_COLOR_TEMPLATE =
  '{{ if eq .Status "resolved" }}good{{ else if eq .CommonLabels.severity "critical" }}danger{{ else }}warning{{ end }}';
