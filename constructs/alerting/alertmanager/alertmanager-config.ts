/**
 * The subset of Alertmanager's configuration file that feedops renders: the shape of `alertmanager.yml` and of the
 * kube-prometheus-stack chart's `alertmanager.config` value (not the prometheus-operator `AlertmanagerConfig` CRD).
 * Only fields that both amtool 0.25 (Debian, used in tests) and Alertmanager 0.28+ (the chart) accept.
 */
export interface AlertmanagerConfig {
  route: AlertmanagerRoute;
  receivers: AlertmanagerReceiver[];
  inhibit_rules: AlertmanagerInhibitRule[];
  /** Named time intervals (0.24+); routes refer to them in `mute_time_intervals`. */
  time_intervals: AlertmanagerTimeInterval[];
}

export interface AlertmanagerRoute {
  receiver?: string;
  /** Classic matcher syntax (`name="value"`, `name=~"regex"`), accepted by 0.25 and by the UTF-8 parser of 0.27+. */
  matchers?: string[];
  group_by?: string[];
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  mute_time_intervals?: string[];
  continue?: boolean;
  routes?: AlertmanagerRoute[];
}

export interface AlertmanagerReceiver {
  name: string;
  slack_configs?: AlertmanagerSlackConfig[];
  webhook_configs?: AlertmanagerWebhookConfig[];
}

export interface AlertmanagerSlackConfig {
  /** Path of a file holding the incoming-webhook URL (0.22+); `api_url` is never rendered. */
  api_url_file: string;
  channel: string;
  send_resolved: boolean;
  title: string;
  text: string;
  color: string;
}

export interface AlertmanagerWebhookConfig {
  url: string;
  send_resolved: boolean;
  http_config?: {
    authorization: { type: string; credentials_file: string };
  };
}

export interface AlertmanagerInhibitRule {
  source_matchers: string[];
  target_matchers: string[];
  equal: string[];
}

export interface AlertmanagerTimeInterval {
  name: string;
  time_intervals: AlertmanagerTimeIntervalSpec[];
}

export interface AlertmanagerTimeIntervalSpec {
  times?: { start_time: string; end_time: string }[];
  weekdays?: string[];
  days_of_month?: string[];
  months?: string[];
  years?: string[];
  /** IANA time-zone name (0.25+). */
  location?: string;
}
