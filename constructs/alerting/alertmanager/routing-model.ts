import type { Duration } from '../../core/duration';
import type { Severity } from './severity';

/**
 * Who gets which alert, for one environment's Alertmanager. Plain typed data: the environment config supplies it,
 * `renderAlertmanagerConfig` turns it into Alertmanager's configuration.
 *
 * Receivers are declared once, by name (the name Alertmanager shows and `amtool config routes test` checks), and
 * routes refer to them by that name, so one channel used by several routes has one webhook secret.
 */
export interface AlertRoutingModel {
  /** Value of the `environment` label that Prometheus adds to every alert (external label), e.g. "prod". */
  readonly environment: string;
  /** Slack receivers keyed by receiver name (lower-case letters, digits and "-"). */
  readonly slackReceivers: Readonly<Record<string, SlackReceiverOptions>>;
  readonly routing: RoutingOptions;
  /** The dead-man's switch that the always-firing Watchdog alert keeps alive. */
  readonly heartbeat: HeartbeatOptions;
  /**
   * Markets that close, keyed by the `asset_type` label value of their feeds' alerts: those alerts are muted while
   * the market is closed (a closed market's feed is expected to stop updating) and for the closure's `openingHold`
   * after it opens.
   * @default - none (the price-feed pack supplies its asset types' closures: `marketClosuresOf`)
   */
  readonly marketClosures?: Readonly<Record<string, MarketClosure>>;
  /**
   * Notification timing per severity; each given field replaces the default of that severity.
   * @default DEFAULT_ROUTE_TIMING
   */
  readonly timing?: Readonly<Partial<Record<Severity, Partial<RouteTiming>>>>;
  /**
   * Labels that group alerts into one notification; must include `alertname` and `environment`.
   * @default DEFAULT_GROUP_BY - alertname, environment, team, symbol
   */
  readonly groupBy?: readonly string[];
  /**
   * Kinds of object, each as the labels that identify it: a critical alert inhibits the warning and info alerts of
   * the same name about the same object (all of these labels present and equal, plus `environment`).
   * @default DEFAULT_INHIBIT_IDENTITIES - symbol; wallet; endpoint; namespace + persistentvolumeclaim; instance + mountpoint; instance
   */
  readonly inhibitIdentities?: readonly (readonly string[])[];
  /**
   * Cause -> symptom inhibitions a monitor pack knows (e.g. a stale feed hides its deviation warning).
   * @default [] - none
   */
  readonly inhibitions?: readonly Inhibition[];
  /**
   * Directory where Alertmanager sees mounted Kubernetes secrets (`<directory>/<secretName>/<key>`).
   * @default ALERTMANAGER_SECRETS_DIRECTORY - where the chart's `alertmanagerSpec.secrets` are mounted
   */
  readonly secretsDirectory?: string;
}

export interface RoutingOptions {
  /** Receiver per severity for alerts whose team has no receiver of its own for that severity (or no team). */
  readonly bySeverity: Readonly<Record<Severity, string>>;
  /**
   * Receivers per team, keyed by the `team` label value; a team lists at least one severity, the others fall back
   * to `bySeverity`.
   * @default - no team routes
   */
  readonly byTeam?: Readonly<Record<string, TeamReceivers>>;
  /**
   * Receiver for alerts no route matches: no or unknown `severity`, or another environment's alerts.
   * @default - the receiver of `bySeverity.warning`
   */
  readonly defaultReceiver?: string;
}

/** Receiver names per severity for one team. */
export type TeamReceivers = Readonly<Partial<Record<Severity, string>>>;

/** A Kubernetes secret's key, mounted into Alertmanager as a file. */
export interface SecretKeyReference {
  readonly secretName: string;
  readonly key: string;
}

export interface SlackReceiverOptions {
  /** Channel the incoming webhook posts to, e.g. "#feeds-critical". */
  readonly channel: string;
  /**
   * Secret key holding this channel's incoming-webhook URL (read through `api_url_file`).
   * @default - key `<receiver name>` of the secret DEFAULT_SLACK_WEBHOOK_SECRET_NAME
   */
  readonly webhookUrl?: SecretKeyReference;
}

/**
 * The dead-man's switch is called with a plain webhook whose URL is not a secret; the credential, if the service
 * needs one, is sent in the Authorization header read from a mounted secret. Why not other designs:
 * - `webhook_configs[].url_file` exists only from Alertmanager 0.26 (amtool 0.25 rejects it), and an inline
 *   `url` that embeds a token would put a secret into the rendered config.
 * - A Slack receiver pointed at the heartbeat URL (`api_url_file`) is accepted by both versions, but since 0.26 the
 *   Slack notifier fails every response whose body is not exactly "ok", so each heartbeat would count as a failed
 *   notification and fire the chart's AlertmanagerFailedToSendAlerts.
 * Services that authenticate a ping by header fit this (e.g. Opsgenie heartbeats: `GenieKey`).
 */
export interface HeartbeatOptions {
  /** Ping endpoint; https (http only for a loopback host), no credentials or tokens in it. */
  readonly url: string;
  /** @default - no Authorization header */
  readonly authorization?: HeartbeatAuthorization;
  /**
   * How often the heartbeat is sent while Watchdog fires (group_interval and repeat_interval), at most 5m.
   * Set the dead-man's switch to alert after a few missed intervals.
   * @default DEFAULT_HEARTBEAT_INTERVAL - 1m
   */
  readonly interval?: Duration;
  /** @default DEFAULT_HEARTBEAT_RECEIVER_NAME - "heartbeat" */
  readonly receiverName?: string;
}

export interface HeartbeatAuthorization {
  /** Authorization scheme. @default DEFAULT_HEARTBEAT_AUTHORIZATION_TYPE - "Bearer" */
  readonly type?: string;
  readonly credentials: SecretKeyReference;
}

export interface RouteTiming {
  /** Wait before the first notification of a new group, to batch alerts that start together. */
  readonly groupWait: Duration;
  /** Wait before notifying about alerts added to a group that was already notified. */
  readonly groupInterval: Duration;
  /** Wait before repeating a notification that has not changed. */
  readonly repeatInterval: Duration;
}

export interface MarketClosure {
  /** When the market is closed; any one interval matching mutes the alert. */
  readonly closed: readonly TimeIntervalSpec[];
  /**
   * How long the alerts stay muted after each open, whole minutes (Alertmanager's intervals are minute-granular), at
   * most 1h. Alerts the closed market caused (stale, not trading) resolve before they are ever sent; a feed that
   * still does not trade when the hold ends pages then.
   * @default DEFAULT_MARKET_OPENING_HOLD - 5m
   */
  readonly openingHold?: Duration;
}

/** One Alertmanager time interval: all given fields must match. */
export interface TimeIntervalSpec {
  /** Times of day, "HH:MM" (end exclusive, "24:00" allowed). @default - all day */
  readonly times?: readonly { readonly start: string; readonly end: string }[];
  /** Day names or ranges, e.g. "monday:friday". @default - every day */
  readonly weekdays?: readonly string[];
  /** e.g. "1", "1:5", "-1". @default - every day of the month */
  readonly daysOfMonth?: readonly string[];
  /** e.g. "december", "1:3". @default - every month */
  readonly months?: readonly string[];
  /** e.g. "2026", "2026:2027". @default - every year */
  readonly years?: readonly string[];
  /** IANA time zone the other fields are read in. @default - UTC */
  readonly location?: string;
}

/** While an alert matching `source` fires, alerts matching `target` that share the `equal` labels are not sent. */
export interface Inhibition {
  /** Matchers of the cause, e.g. `alertname="PythPriceFeedStale"`. */
  readonly source: readonly string[];
  /** Matchers of the symptoms it explains. */
  readonly target: readonly string[];
  /** Labels cause and symptom share; every one of them must be present on both (checked by a matcher). */
  readonly equal: readonly string[];
}
