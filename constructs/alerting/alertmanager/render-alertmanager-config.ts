import { WATCHDOG_ALERT_NAME } from '../rules/rule-limits';
import type {
  AlertmanagerInhibitRule,
  AlertmanagerConfig,
  AlertmanagerReceiver,
  AlertmanagerRoute,
  AlertmanagerTimeInterval,
  AlertmanagerTimeIntervalSpec,
} from './alertmanager-config';
import type { AlertRoutingModel, RouteTiming, TimeIntervalSpec } from './routing-model';
import { withOpeningHold } from './opening-hold';
import { resolveRoutingModel, ResolvedRoutingModel } from './resolve-routing-model';
import { secretFilePath } from './secret-files';
import { SEVERITIES, Severity } from './severity';
import { SLACK_COLOR_TEMPLATE, SLACK_TEXT_TEMPLATE, SLACK_TITLE_TEMPLATE } from './slack-message';

export { WATCHDOG_ALERT_NAME };

/** Name of the time interval that mutes alerts of `asset_type` while that market is closed and for its opening hold. */
export function marketClosedIntervalName(assetType: string): string {
  return `${assetType.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-market-closed`;
}

/**
 * Alertmanager's configuration for one environment (the file `amtool check-config` reads, and the chart's
 * `alertmanager.config`). Route tree, first match wins:
 *
 *   Watchdog of this environment            -> heartbeat (group_wait 0s)
 *   alerts of this environment
 *     asset_type of a market that closes    -> as below, muted while that market is closed and for its opening hold
 *     team + severity with a team receiver  -> the team's receiver
 *     severity                              -> the severity's receiver
 *   anything else (no/unknown severity, other environment) -> the default receiver
 *
 * Throws when the model is invalid (see resolveRoutingModel).
 */
export function renderAlertmanagerConfig(model: AlertRoutingModel): AlertmanagerConfig {
  const resolved = resolveRoutingModel(model);
  const environmentMatcher = equals('environment', resolved.environment);
  const warningTiming = resolved.timing.warning;

  return {
    route: {
      receiver: resolved.defaultReceiver,
      group_by: [...resolved.groupBy],
      ...timingFields(warningTiming),
      routes: [
        {
          receiver: resolved.heartbeat.receiverName,
          matchers: [equals('alertname', WATCHDOG_ALERT_NAME), environmentMatcher],
          group_wait: '0s',
          group_interval: resolved.heartbeat.interval.toString(),
          repeat_interval: resolved.heartbeat.interval.toString(),
          continue: false,
        },
        {
          matchers: [environmentMatcher],
          routes: [
            ...resolved.marketClosures.map(({ assetType }) => {
              const muted = [marketClosedIntervalName(assetType)];
              return {
                matchers: [equals('asset_type', assetType)],
                mute_time_intervals: muted,
                routes: deliveryRoutes(resolved, muted),
              };
            }),
            ...deliveryRoutes(resolved),
          ],
        },
      ],
    },
    receivers: renderReceivers(resolved),
    inhibit_rules: inhibitRules(resolved),
    time_intervals: resolved.marketClosures.map(({ assetType, closed, openingHold }) =>
      renderTimeInterval(marketClosedIntervalName(assetType), withOpeningHold(closed, openingHold.totalSeconds / 60)),
    ),
  };
}

/**
 * Same alert, same object: a critical alert hides its own warning and info alerts about the same object, one rule per
 * kind of object, each requiring its identifying labels on both sides (`=~".+"`), so alerts without them never count
 * as one object. Then the cause -> symptom inhibitions of the monitor packs, likewise requiring the shared labels.
 */
function inhibitRules(resolved: ResolvedRoutingModel): AlertmanagerInhibitRule[] {
  const present = (labels: readonly string[]) => labels.filter((label) => label !== 'environment').map((label) => `${label}=~".+"`);
  const lower = `severity=~"${SEVERITIES.filter((severity) => severity !== 'critical').join('|')}"`;
  return [
    ...resolved.inhibitIdentities.map((identity) => ({
      source_matchers: [equals('severity', 'critical'), ...present(identity)],
      target_matchers: [lower, ...present(identity)],
      equal: ['alertname', 'environment', ...identity],
    })),
    ...resolved.inhibitions.map((inhibition) => ({
      source_matchers: [...inhibition.source, ...present(inhibition.equal)],
      target_matchers: [...inhibition.target, ...present(inhibition.equal)],
      equal: [...inhibition.equal],
    })),
  ];
}

/** Team routes before severity routes; mute_time_intervals is not inherited in Alertmanager, so each leaf carries it. */
function deliveryRoutes(resolved: ResolvedRoutingModel, muteTimeIntervals?: string[]): AlertmanagerRoute[] {
  const leaf = (matchers: string[], receiver: string, severity: Severity): AlertmanagerRoute => ({
    receiver,
    matchers,
    ...timingFields(resolved.timing[severity]),
    ...(muteTimeIntervals ? { mute_time_intervals: [...muteTimeIntervals] } : {}),
  });
  return [
    ...resolved.teamRoutes.map(({ team, severity, receiver }) => leaf([equals('team', team), equals('severity', severity)], receiver, severity)),
    ...SEVERITIES.map((severity) => leaf([equals('severity', severity)], resolved.bySeverity[severity], severity)),
  ];
}

function renderReceivers(resolved: ResolvedRoutingModel): AlertmanagerReceiver[] {
  const { heartbeat } = resolved;
  return [
    {
      name: heartbeat.receiverName,
      webhook_configs: [
        {
          url: heartbeat.url,
          // Watchdog only "resolves" when Prometheus stops sending it: that must not count as a heartbeat.
          send_resolved: false,
          ...(heartbeat.authorization
            ? {
                http_config: {
                  authorization: {
                    type: heartbeat.authorization.type,
                    credentials_file: secretFilePath(heartbeat.authorization.credentials, resolved.secretsDirectory),
                  },
                },
              }
            : {}),
        },
      ],
    },
    ...resolved.slackReceivers.map((receiver) => ({
      name: receiver.name,
      slack_configs: [
        {
          api_url_file: secretFilePath(receiver.webhookUrl, resolved.secretsDirectory),
          channel: receiver.channel,
          send_resolved: true,
          title: SLACK_TITLE_TEMPLATE,
          text: SLACK_TEXT_TEMPLATE,
          color: SLACK_COLOR_TEMPLATE,
        },
      ],
    })),
  ];
}

function renderTimeInterval(name: string, specs: readonly TimeIntervalSpec[]): AlertmanagerTimeInterval {
  return {
    name,
    time_intervals: specs.map((spec) => {
      const rendered: AlertmanagerTimeIntervalSpec = {};
      if (spec.times) rendered.times = spec.times.map(({ start, end }) => ({ start_time: start, end_time: end }));
      if (spec.weekdays) rendered.weekdays = [...spec.weekdays];
      if (spec.daysOfMonth) rendered.days_of_month = [...spec.daysOfMonth];
      if (spec.months) rendered.months = [...spec.months];
      if (spec.years) rendered.years = [...spec.years];
      if (spec.location) rendered.location = spec.location;
      return rendered;
    }),
  };
}

function timingFields(timing: RouteTiming): Pick<AlertmanagerRoute, 'group_wait' | 'group_interval' | 'repeat_interval'> {
  return {
    group_wait: timing.groupWait.toString(),
    group_interval: timing.groupInterval.toString(),
    repeat_interval: timing.repeatInterval.toString(),
  };
}

/** Values are validated to a quote-free alphabet, so no escaping is needed. */
function equals(label: string, value: string): string {
  return `${label}="${value}"`;
}
