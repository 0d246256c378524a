import { Duration } from '../../core/duration';
import { ValidationError } from '../../core/validation-error';
import {
  ALERTMANAGER_SECRETS_DIRECTORY,
  DEFAULT_GROUP_BY,
  DEFAULT_HEARTBEAT_AUTHORIZATION_TYPE,
  DEFAULT_HEARTBEAT_INTERVAL,
  DEFAULT_HEARTBEAT_RECEIVER_NAME,
  DEFAULT_INHIBIT_IDENTITIES,
  DEFAULT_MARKET_OPENING_HOLD,
  DEFAULT_ROUTE_TIMING,
} from './defaults';
import { isDated, minuteOfDay } from './opening-hold';
import type { AlertRoutingModel, Inhibition, MarketClosure, RouteTiming, SecretKeyReference, TimeIntervalSpec } from './routing-model';
import {
  HEARTBEAT_URL_RULE,
  isAcceptableHeartbeatUrl,
  LABEL_VALUE_PATTERN,
  LABEL_VALUE_RULE,
  RECEIVER_NAME_PATTERN,
  RECEIVER_NAME_RULE,
  SLACK_CHANNEL_PATTERN,
  SLACK_CHANNEL_RULE,
} from './routing-schema';
import { slackWebhookReference } from './secret-files';
import { SEVERITIES, Severity } from './severity';
import { TIMING_LIMITS } from './timing-limits';
import { compareText } from '../../core/text-order';

/** The model with every default applied, after validation. */
export interface ResolvedRoutingModel {
  readonly environment: string;
  readonly slackReceivers: readonly ResolvedSlackReceiver[];
  readonly bySeverity: Readonly<Record<Severity, string>>;
  /** Team routes in a stable order: team name, then severity. */
  readonly teamRoutes: readonly { readonly team: string; readonly severity: Severity; readonly receiver: string }[];
  readonly defaultReceiver: string;
  readonly heartbeat: {
    readonly receiverName: string;
    readonly url: string;
    readonly interval: Duration;
    readonly authorization?: { readonly type: string; readonly credentials: SecretKeyReference };
  };
  readonly marketClosures: readonly {
    readonly assetType: string;
    readonly closed: readonly TimeIntervalSpec[];
    /** Whole minutes. */
    readonly openingHold: Duration;
  }[];
  readonly timing: Readonly<Record<Severity, RouteTiming>>;
  readonly groupBy: readonly string[];
  readonly inhibitIdentities: readonly (readonly string[])[];
  readonly inhibitions: readonly Inhibition[];
  readonly secretsDirectory: string;
}

export interface ResolvedSlackReceiver {
  readonly name: string;
  readonly channel: string;
  readonly webhookUrl: SecretKeyReference;
}

const REQUIRED_GROUPING_LABELS = ['alertname', 'environment'] as const;

const NAME_PATTERN = RECEIVER_NAME_PATTERN;
const NAME_RULE = RECEIVER_NAME_RULE;
/** Pyth asset types are title-case product attributes ("Equity", "FX", "Crypto Redemption Rate"). */
const ASSET_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9 _-]{0,62}$/;
const ASSET_TYPE_RULE = 'the asset_type label value as the observer exports it, e.g. "Equity" or "FX" (letters, digits, " ", "_", "-")';
const LABEL_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const SECRET_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECRET_KEY_PATTERN = /^[-._a-zA-Z0-9]{1,253}$/;
const AUTHORIZATION_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9-]*$/;
const TIME_OF_DAY_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const TIME_ZONE_PATTERN = /^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/;

/** Applies defaults and checks the model; throws an Error naming the field, the bad value and what is allowed. */
export function resolveRoutingModel(model: AlertRoutingModel): ResolvedRoutingModel {
  const fail: Fail = failureFor(model);

  if (typeof model.environment !== 'string' || !LABEL_VALUE_PATTERN.test(model.environment)) {
    fail('environment', model.environment, LABEL_VALUE_RULE);
  }

  const slackReceivers = resolveSlackReceivers(model, fail);
  const heartbeat = resolveHeartbeat(model, fail);
  const receiverNames = slackReceivers.map((receiver) => receiver.name);
  if (receiverNames.includes(heartbeat.receiverName)) {
    fail(
      'heartbeat.receiverName',
      heartbeat.receiverName,
      `a receiver name not used in slackReceivers (duplicate receiver name; taken: ${receiverNames.join(', ')})`,
    );
  }

  const checkReceiver = (field: string, name: unknown): string => {
    if (typeof name !== 'string' || !receiverNames.includes(name)) {
      fail(field, name, `one of the slackReceivers: ${receiverNames.join(', ')} (unknown receiver)`);
    }
    return name as string;
  };

  const bySeverity = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, checkReceiver(`routing.bySeverity.${severity}`, model.routing?.bySeverity?.[severity])]),
  ) as Record<Severity, string>;

  const teamRoutes: { team: string; severity: Severity; receiver: string }[] = [];
  for (const [team, receivers] of Object.entries(model.routing.byTeam ?? {})) {
    if (!LABEL_VALUE_PATTERN.test(team)) fail(`routing.byTeam.${team}`, team, `a team label value: ${LABEL_VALUE_RULE}`);
    for (const key of Object.keys(receivers ?? {})) {
      if (!(SEVERITIES as readonly string[]).includes(key)) fail(`routing.byTeam.${team}.${key}`, key, `a severity: ${SEVERITIES.join(', ')}`);
    }
    const given = SEVERITIES.filter((severity) => receivers?.[severity] !== undefined);
    if (given.length === 0) {
      fail(`routing.byTeam.${team}`, receivers, `at least one of ${SEVERITIES.join(', ')} naming a receiver (team has no channel)`);
    }
    for (const severity of given) {
      teamRoutes.push({ team, severity, receiver: checkReceiver(`routing.byTeam.${team}.${severity}`, receivers[severity]) });
    }
  }
  teamRoutes.sort((a, b) => compareText(a.team, b.team) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));

  const defaultReceiver = checkReceiver('routing.defaultReceiver', model.routing.defaultReceiver ?? bySeverity.warning);

  const secretsDirectory = model.secretsDirectory ?? ALERTMANAGER_SECRETS_DIRECTORY;
  if (!/^\/[^\s"']*$/.test(secretsDirectory)) fail('secretsDirectory', secretsDirectory, 'an absolute path without spaces or quotes');

  return {
    environment: model.environment,
    slackReceivers,
    bySeverity,
    teamRoutes,
    defaultReceiver,
    heartbeat,
    marketClosures: resolveMarketClosures(model.marketClosures ?? {}, fail),
    timing: resolveTiming(model, fail),
    groupBy: resolveLabelList('groupBy', model.groupBy ?? DEFAULT_GROUP_BY, fail),
    inhibitIdentities: resolveIdentities(model.inhibitIdentities ?? DEFAULT_INHIBIT_IDENTITIES, fail),
    inhibitions: resolveInhibitions(model.inhibitions ?? [], fail),
    secretsDirectory,
  };
}

type Fail = (field: string, value: unknown, allowed: string) => never;

function failureFor(model: AlertRoutingModel): Fail {
  return (field, value, allowed) => {
    throw new ValidationError([{ scope: `Alertmanager routing (environment ${JSON.stringify(model.environment)})`, path: field, message: `${describe(value)} (allowed: ${allowed})` }], 'routing model');
  };
}

function describe(value: unknown): string {
  if (Duration.isDuration(value)) return `"${value.toString()}"`;
  if (value === undefined) return 'missing';
  return JSON.stringify(value);
}

function resolveSlackReceivers(model: AlertRoutingModel, fail: Fail): ResolvedSlackReceiver[] {
  const entries = Object.entries(model.slackReceivers ?? {});
  if (entries.length === 0) fail('slackReceivers', model.slackReceivers, 'at least one Slack receiver, keyed by receiver name');
  return entries.map(([name, options]) => {
    if (!NAME_PATTERN.test(name)) fail(`slackReceivers.${name}`, name, `a receiver name: ${NAME_RULE}`);
    if (typeof options?.channel !== 'string' || !SLACK_CHANNEL_PATTERN.test(options.channel)) {
      fail(`slackReceivers.${name}.channel`, options?.channel, SLACK_CHANNEL_RULE);
    }
    const webhookUrl = slackWebhookReference(name, options);
    checkSecretReference(`slackReceivers.${name}.webhookUrl`, webhookUrl, fail);
    return { name, channel: options.channel, webhookUrl };
  });
}

function checkSecretReference(field: string, reference: SecretKeyReference, fail: Fail): void {
  if (!SECRET_NAME_PATTERN.test(reference?.secretName ?? '') || reference.secretName.length > 253) {
    fail(`${field}.secretName`, reference?.secretName, 'a Kubernetes secret name (lower-case DNS subdomain, e.g. "alertmanager-slack-webhooks")');
  }
  if (!SECRET_KEY_PATTERN.test(reference.key ?? '')) {
    fail(`${field}.key`, reference.key, 'a Kubernetes secret key: letters, digits, "-", "_" and "."');
  }
}

function resolveHeartbeat(model: AlertRoutingModel, fail: Fail): ResolvedRoutingModel['heartbeat'] {
  const heartbeat = model.heartbeat;
  if (!heartbeat) fail('heartbeat', heartbeat, "a dead-man's switch: { url, authorization? }");
  const receiverName = heartbeat.receiverName ?? DEFAULT_HEARTBEAT_RECEIVER_NAME;
  if (!NAME_PATTERN.test(receiverName)) fail('heartbeat.receiverName', receiverName, `a receiver name: ${NAME_RULE}`);

  checkHeartbeatUrl(heartbeat.url, fail);

  const interval = heartbeat.interval ?? DEFAULT_HEARTBEAT_INTERVAL;
  if (!Duration.isDuration(interval) || interval.totalSeconds === 0 || interval.isLongerThan(TIMING_LIMITS.heartbeatMaxInterval)) {
    fail('heartbeat.interval', interval, `a Duration above 0s and at most ${TIMING_LIMITS.heartbeatMaxInterval}`);
  }

  let authorization: ResolvedRoutingModel['heartbeat']['authorization'];
  if (heartbeat.authorization) {
    const type = heartbeat.authorization.type ?? DEFAULT_HEARTBEAT_AUTHORIZATION_TYPE;
    if (!AUTHORIZATION_TYPE_PATTERN.test(type) || type.toLowerCase() === 'basic') {
      fail('heartbeat.authorization.type', type, 'an Authorization scheme such as "Bearer" or "GenieKey" (not "Basic")');
    }
    checkSecretReference('heartbeat.authorization.credentials', heartbeat.authorization.credentials, fail);
    authorization = { type, credentials: heartbeat.authorization.credentials };
  }
  return { receiverName, url: heartbeat.url, interval, authorization };
}

/** The URL is rendered in clear, so it must not carry a credential: those go in the Authorization header. */
function checkHeartbeatUrl(url: string, fail: Fail): void {
  if (!isAcceptableHeartbeatUrl(url)) fail('heartbeat.url', url, HEARTBEAT_URL_RULE);
}

function resolveTiming(model: AlertRoutingModel, fail: Fail): Record<Severity, RouteTiming> {
  const resolved = {} as Record<Severity, RouteTiming>;
  for (const severity of SEVERITIES) {
    const timing: RouteTiming = { ...DEFAULT_ROUTE_TIMING[severity], ...model.timing?.[severity] };
    for (const field of ['groupWait', 'groupInterval', 'repeatInterval'] as const) {
      if (!Duration.isDuration(timing[field])) fail(`timing.${severity}.${field}`, timing[field], 'a Duration, e.g. Duration.minutes(5)');
    }
    const field = (name: keyof RouteTiming) => `timing.${severity}.${name}`;
    if (timing.groupInterval.totalSeconds === 0) fail(field('groupInterval'), timing.groupInterval, 'a Duration above 0s');
    if (timing.repeatInterval.isShorterThan(timing.groupInterval)) {
      fail(field('repeatInterval'), timing.repeatInterval, `at least groupInterval (${timing.groupInterval})`);
    }
    if (severity === 'critical') {
      if (timing.groupWait.isLongerThan(TIMING_LIMITS.criticalMaxGroupWait)) {
        fail(field('groupWait'), timing.groupWait, `at most ${TIMING_LIMITS.criticalMaxGroupWait} for critical alerts`);
      }
      if (timing.repeatInterval.isLongerThan(TIMING_LIMITS.criticalMaxRepeatInterval)) {
        fail(field('repeatInterval'), timing.repeatInterval, `at most ${TIMING_LIMITS.criticalMaxRepeatInterval} for critical alerts`);
      }
    } else if (timing.repeatInterval.isShorterThan(TIMING_LIMITS.nonCriticalMinRepeatInterval)) {
      fail(field('repeatInterval'), timing.repeatInterval, `at least ${TIMING_LIMITS.nonCriticalMinRepeatInterval} for ${severity} alerts`);
    }
    resolved[severity] = timing;
  }
  return resolved;
}

function resolveIdentities(identities: readonly (readonly string[])[], fail: Fail): readonly (readonly string[])[] {
  identities.forEach((labels, index) => {
    if (labels.length === 0 || labels.some((label) => !LABEL_NAME_PATTERN.test(label) || label === 'alertname' || label === 'severity')) {
      fail(`inhibitIdentities[${index}]`, labels, 'a non-empty list of label names that identify an object (not alertname or severity)');
    }
  });
  return identities;
}

const MATCHER_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*(=|!=|=~|!~)"[^"\\]*"$/;

function resolveInhibitions(inhibitions: readonly Inhibition[], fail: Fail): readonly Inhibition[] {
  inhibitions.forEach((inhibition, index) => {
    for (const field of ['source', 'target'] as const) {
      const matchers = inhibition[field];
      if (!matchers?.length || matchers.some((matcher) => !MATCHER_PATTERN.test(matcher))) {
        fail(`inhibitions[${index}].${field}`, matchers, 'at least one matcher such as alertname="PythPriceFeedStale"');
      }
    }
    if (!inhibition.equal?.includes('environment') || inhibition.equal.some((label) => !LABEL_NAME_PATTERN.test(label))) {
      fail(`inhibitions[${index}].equal`, inhibition.equal, 'label names including environment');
    }
  });
  return inhibitions;
}

function resolveLabelList(field: 'groupBy', labels: readonly string[], fail: Fail): readonly string[] {
  for (const label of labels) {
    if (!LABEL_NAME_PATTERN.test(label)) fail(field, labels, `Prometheus label names (letters, digits and "_"); "${label}" is not one`);
  }
  for (const required of REQUIRED_GROUPING_LABELS) {
    if (!labels.includes(required)) fail(field, labels, `a list that includes ${REQUIRED_GROUPING_LABELS.join(' and ')}`);
  }
  if (new Set(labels).size !== labels.length) fail(field, labels, 'a list without repeated labels');
  return labels;
}

function resolveMarketClosures(closures: Readonly<Record<string, MarketClosure>>, fail: Fail): ResolvedRoutingModel['marketClosures'] {
  return Object.entries(closures).map(([assetType, closure]) => {
    const field = `marketClosures.${assetType}`;
    if (!ASSET_TYPE_PATTERN.test(assetType)) fail(field, assetType, ASSET_TYPE_RULE);
    if (!closure?.closed?.length) fail(`${field}.closed`, closure?.closed, 'at least one time interval');
    const openingHold = closure.openingHold ?? DEFAULT_MARKET_OPENING_HOLD;
    const maxHold = TIMING_LIMITS.marketOpeningHoldMax;
    if (!Duration.isDuration(openingHold) || openingHold.totalSeconds % 60 !== 0 || openingHold.isLongerThan(maxHold)) {
      fail(`${field}.openingHold`, openingHold, `whole minutes from 0m to ${maxHold} (Alertmanager's time intervals are minute-granular)`);
    }
    closure.closed.forEach((spec, index) => checkTimeInterval(`${field}.closed[${index}]`, spec, fail, openingHold));
    return { assetType, closed: closure.closed, openingHold };
  });
}

function checkTimeInterval(field: string, spec: TimeIntervalSpec, fail: Fail, openingHold: Duration): void {
  const { times, weekdays, daysOfMonth, months, years, location } = spec;
  if (!times?.length && !weekdays?.length && !daysOfMonth?.length && !months?.length && !years?.length) {
    fail(field, spec, 'at least one of times, weekdays, daysOfMonth, months, years (an empty interval would mute at all times)');
  }
  (times ?? []).forEach((range, index) => {
    if (!TIME_OF_DAY_PATTERN.test(range.start) || !TIME_OF_DAY_PATTERN.test(range.end) || range.start >= range.end) {
      fail(`${field}.times[${index}]`, range, 'start and end as "HH:MM" (end up to "24:00"), start before end');
    }
  });
  (weekdays ?? []).forEach((day, index) => {
    const parts = day.split(':');
    if (!parts.every((part) => WEEKDAYS.includes(part)) || parts.length > 2 || WEEKDAYS.indexOf(parts[0]) > WEEKDAYS.indexOf(parts[parts.length - 1])) {
      fail(`${field}.weekdays[${index}]`, day, `a weekday or range such as "monday:friday", first day first in ${WEEKDAYS.join(', ')}`);
    }
  });
  // A dated interval keeps its dates, so its hold cannot move into the next day.
  const holdMinutes = openingHold.totalSeconds / 60;
  if (isDated(spec)) {
    (times ?? []).forEach((range, index) => {
      const end = minuteOfDay(range.end);
      if (end < 24 * 60 && end + holdMinutes > 24 * 60) {
        fail(
          `${field}.times[${index}]`,
          range,
          `a dated interval (daysOfMonth, months, years) ending at "24:00" or at least the opening hold (${openingHold}) before it ` +
            '(its hold cannot move to the next date: end it at "24:00" and list the next date\'s minutes as their own interval)',
        );
      }
    });
  }
  if (location !== undefined && !TIME_ZONE_PATTERN.test(location)) {
    fail(`${field}.location`, location, 'an IANA time zone such as "America/New_York" or "UTC"');
  }
}
