import { Duration } from '../../core/duration';
import { ALERT_LATENCY_BUDGET } from '../alert-latency-budget';
import type { RouteTiming } from './routing-model';
import type { Severity } from './severity';

/** Where kube-prometheus-stack mounts `alertmanager.alertmanagerSpec.secrets`: `<directory>/<secretName>/<key>`. */
export const ALERTMANAGER_SECRETS_DIRECTORY = '/etc/alertmanager/secrets';

/** One secret holds every channel's incoming-webhook URL, one key per receiver name. */
export const DEFAULT_SLACK_WEBHOOK_SECRET_NAME = 'alertmanager-slack-webhooks';

export const DEFAULT_HEARTBEAT_RECEIVER_NAME = 'heartbeat';
export const DEFAULT_HEARTBEAT_INTERVAL = Duration.minutes(1);
export const DEFAULT_HEARTBEAT_AUTHORIZATION_TYPE = 'Bearer';

export const DEFAULT_GROUP_BY: readonly string[] = ['alertname', 'environment', 'team', 'symbol'];

/**
 * The labels that identify the object an alert is about, one set per kind of object. A critical alert hides the
 * warning and info alerts of the same name about the same object only: each rule requires its labels to be present
 * on both alerts (a label missing on both would count as equal and make unrelated alerts one object).
 */
export const DEFAULT_INHIBIT_IDENTITIES: readonly (readonly string[])[] = [
  ['symbol'],
  ['wallet'],
  ['endpoint'],
  ['namespace', 'persistentvolumeclaim'],
  ['instance', 'mountpoint'],
  ['instance'],
];

/** Critical pages quickly and repeats hourly; warning and info are batched and repeat rarely. */
export const DEFAULT_ROUTE_TIMING: Readonly<Record<Severity, RouteTiming>> = {
  // 1s still batches what one rule evaluation sends together (one request from Prometheus), and keeps a stale
  // feed's page within its budget (the alert-quality benchmark measured 5 s of the page going to a 5s group_wait).
  critical: { groupWait: ALERT_LATENCY_BUDGET.criticalGroupWait, groupInterval: Duration.minutes(1), repeatInterval: Duration.hours(1) },
  warning: { groupWait: Duration.seconds(30), groupInterval: Duration.minutes(5), repeatInterval: Duration.hours(4) },
  info: { groupWait: Duration.minutes(1), groupInterval: Duration.minutes(15), repeatInterval: Duration.hours(24) },
};

/**
 * How long a market's alerts stay muted after it opens. What fired all night behind the closure (PythPriceFeedStale,
 * PythPriceFeedNotTrading) resolves only once the open is seen: the feed's first trading aggregate, then the
 * observer's next loop (a full Pythnet refresh plus its 5 s pause), a scrape (10 s) and a rule evaluation (15 s),
 * under a minute together. Without a hold the first unmuted flush pages for those alerts and resolves them a minute
 * later. 5 minutes also covers symbols whose publishers start quoting a few minutes into the session (a delayed
 * opening auction); a feed still not trading after it pages at the hold's end, within one group_interval.
 */
export const DEFAULT_MARKET_OPENING_HOLD = Duration.minutes(5);
