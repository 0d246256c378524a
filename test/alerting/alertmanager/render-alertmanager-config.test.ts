import {
  AlertmanagerConfig,
  AlertmanagerRoute,
  alertmanagerConfigToYaml,
  exampleRoutingModel,
  renderAlertmanagerConfig,
} from '../../../constructs/alerting/alertmanager';
import { descendantRoutes, durationSeconds } from './support/route-tree';

const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
const FIVE_MINUTES = 300;
const ONE_HOUR = 3600;
const FOUR_HOURS = 4 * ONE_HOUR;

const severityOf = (route: AlertmanagerRoute) => route.matchers?.find((matcher) => matcher.startsWith('severity='))?.match(/"(.*)"/)?.[1];
const watchdogRoute = (config: AlertmanagerConfig) => config.route.routes?.[0];

describe.each(ENVIRONMENTS)('invariants of the rendered configuration of %s', (environment) => {
  const config = renderAlertmanagerConfig(exampleRoutingModel(environment));
  const slackConfigs = config.receivers.flatMap((receiver) => receiver.slack_configs ?? []);
  const routes = descendantRoutes(config.route).map(({ route }) => route);

  test('every Slack receiver reads its webhook through api_url_file, never api_url', () => {
    expect(slackConfigs.length).toBeGreaterThan(0);
    for (const slack of slackConfigs) {
      expect(slack.api_url_file).toMatch(/^\/etc\/alertmanager\/secrets\/[a-z0-9.-]+\/[-._a-zA-Z0-9]+$/);
      expect(slack).not.toHaveProperty('api_url');
    }
  });

  test('every Slack receiver sends resolved notifications', () => {
    for (const slack of slackConfigs) expect(slack.send_resolved).toBe(true);
  });

  test('the first route sends Watchdog of this environment to the heartbeat, without waiting and at most every 5m', () => {
    const route = watchdogRoute(config)!;
    expect(route.matchers).toEqual(['alertname="Watchdog"', `environment="${environment}"`]);
    expect(route.receiver).toBe('heartbeat');
    expect(route.group_wait).toBe('0s');
    expect(durationSeconds(route.group_interval!)).toBeLessThanOrEqual(FIVE_MINUTES);
    expect(durationSeconds(route.repeat_interval!)).toBeLessThanOrEqual(FIVE_MINUTES);
    expect(route.continue).toBe(false);
  });

  test('the heartbeat is a webhook that does not count Watchdog resolving as a heartbeat', () => {
    const heartbeat = config.receivers.find((receiver) => receiver.name === 'heartbeat')!;
    expect(heartbeat.webhook_configs).toHaveLength(1);
    expect(heartbeat.webhook_configs![0].send_resolved).toBe(false);
    expect(heartbeat.webhook_configs![0].http_config?.authorization.credentials_file).toMatch(/^\/etc\/alertmanager\/secrets\//);
  });

  test('critical routes notify within 30s and repeat at least hourly', () => {
    const critical = routes.filter((route) => severityOf(route) === 'critical');
    expect(critical.length).toBeGreaterThan(0);
    for (const route of critical) {
      expect(durationSeconds(route.group_wait!)).toBeLessThanOrEqual(30);
      expect(durationSeconds(route.repeat_interval!)).toBeLessThanOrEqual(ONE_HOUR);
    }
  });

  test('warning and info routes repeat no more often than every 4h', () => {
    const nonCritical = routes.filter((route) => ['warning', 'info'].includes(severityOf(route) ?? ''));
    expect(nonCritical.length).toBeGreaterThan(0);
    for (const route of nonCritical) expect(durationSeconds(route.repeat_interval!)).toBeGreaterThanOrEqual(FOUR_HOURS);
  });

  test('alerts are grouped by at least alertname and environment', () => {
    expect(config.route.group_by).toEqual(expect.arrayContaining(['alertname', 'environment']));
    for (const route of routes) if (route.group_by) expect(route.group_by).toEqual(expect.arrayContaining(['alertname', 'environment']));
  });

  test('critical inhibits warning and info of the same alert about the same object, whose labels both must carry', () => {
    expect(config.inhibit_rules[0]).toEqual({
      source_matchers: ['severity="critical"', 'symbol=~".+"'],
      target_matchers: ['severity=~"warning|info"', 'symbol=~".+"'],
      equal: ['alertname', 'environment', 'symbol'],
    });
    for (const rule of config.inhibit_rules) {
      expect(rule.equal).toEqual(expect.arrayContaining(['alertname', 'environment']));
      // Every identifying label is required on both sides, so alerts without it are never one object.
      for (const label of rule.equal.filter((name) => !['alertname', 'environment'].includes(name))) {
        expect(rule.source_matchers).toContain(`${label}=~".+"`);
        expect(rule.target_matchers).toContain(`${label}=~".+"`);
      }
    }
  });

  test('every route names a receiver that exists', () => {
    const names = config.receivers.map((receiver) => receiver.name);
    for (const route of [config.route, ...routes]) if (route.receiver) expect(names).toContain(route.receiver);
  });

  test('receiver names are unique', () => {
    const names = config.receivers.map((receiver) => receiver.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('every route under a market route, and the market route itself, is muted while that market is closed', () => {
    const intervalNames = config.time_intervals.map((interval) => interval.name);
    const marketRoutes = routes.filter((route) => route.matchers?.some((matcher) => matcher.startsWith('asset_type=')));
    expect(marketRoutes.map((route) => route.matchers)).toEqual([['asset_type="Equity"'], ['asset_type="FX"']]);
    for (const market of marketRoutes) {
      expect(market.mute_time_intervals).toHaveLength(1);
      expect(intervalNames).toContain(market.mute_time_intervals![0]);
      for (const { route } of descendantRoutes(market)) expect(route.mute_time_intervals).toEqual(market.mute_time_intervals);
    }
  });

  test('the root route is never muted (Alertmanager forbids it)', () => {
    expect(config.route.mute_time_intervals).toBeUndefined();
  });

  test('the YAML contains no Slack webhook URL or token', () => {
    const yaml = alertmanagerConfigToYaml(config);
    expect(yaml).not.toMatch(/hooks\.slack\.com\/services\//);
    expect(yaml).not.toMatch(/xox[abprs]-/);
  });
});

describe('market closure intervals', () => {
  const config = renderAlertmanagerConfig(exampleRoutingModel('prod'));
  const interval = (name: string) => config.time_intervals.find((candidate) => candidate.name === name)!.time_intervals;

  test('equities are muted on weekends and outside 09:30-16:00 on weekdays, New York time, until 5 minutes after the open', () => {
    expect(interval('equity-market-closed')).toEqual([
      {
        weekdays: ['monday:friday'],
        times: [
          { start_time: '00:00', end_time: '09:35' },
          { start_time: '16:00', end_time: '24:00' },
        ],
        location: 'America/New_York',
      },
      { weekdays: ['saturday', 'sunday'], location: 'America/New_York' },
    ]);
  });

  test('FX is muted from Friday 17:00 to Sunday 17:00, New York time, and 5 minutes after the open', () => {
    expect(interval('fx-market-closed')).toEqual([
      { weekdays: ['friday'], times: [{ start_time: '17:00', end_time: '24:00' }], location: 'America/New_York' },
      { weekdays: ['saturday'], location: 'America/New_York' },
      { weekdays: ['sunday'], times: [{ start_time: '00:00', end_time: '17:05' }], location: 'America/New_York' },
    ]);
  });
});
