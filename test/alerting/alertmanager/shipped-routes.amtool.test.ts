import type { AlertmanagerConfig } from '../../../constructs/alerting/alertmanager';
import { helmValues } from '../../support/helm-values';
import { synthesizedStacks } from '../../support/synth';
import { AmtoolConfigFile } from './support/amtool-config-file';

// Golden routing of the Alertmanager configuration feedops ships (the kube-prometheus-stack values of each
// <env>-platform stack), checked with amtool. Every expected receiver, channel and URL below is written by hand from
// the paging policy (feeds team: its own pager and alert channels; platform team and team-less alerts: the platform
// channels; info: the monitoring channel; anything unrouted: platform-alerts), never read from environments/, so
// swapping two receivers in the environment data or the renderer fails here.

/** Slack channel of each receiver, per environment: production channels unprefixed, others prefixed. */
const CHANNELS: Record<string, Record<string, string>> = {
  dev: {
    'feeds-critical': '#dev-feeds-critical',
    'feeds-alerts': '#dev-feeds-alerts',
    'platform-critical': '#dev-platform-critical',
    'platform-alerts': '#dev-platform-alerts',
    'monitoring-info': '#dev-monitoring-info',
  },
  staging: {
    'feeds-critical': '#staging-feeds-critical',
    'feeds-alerts': '#staging-feeds-alerts',
    'platform-critical': '#staging-platform-critical',
    'platform-alerts': '#staging-platform-alerts',
    'monitoring-info': '#staging-monitoring-info',
  },
  prod: {
    'feeds-critical': '#feeds-critical',
    'feeds-alerts': '#feeds-alerts',
    'platform-critical': '#platform-critical',
    'platform-alerts': '#platform-alerts',
    'monitoring-info': '#monitoring-info',
  },
};

const HEARTBEAT_URLS: Record<string, string> = {
  dev: 'https://api.eu.opsgenie.com/v2/heartbeats/feedops-dev/ping',
  staging: 'https://api.eu.opsgenie.com/v2/heartbeats/feedops-staging/ping',
  prod: 'https://api.eu.opsgenie.com/v2/heartbeats/feedops-prod/ping',
};

/** [team or '' for none, severity, receiver]: the same policy in every environment. */
const TEAM_SEVERITY_RECEIVERS: ReadonlyArray<readonly [string, string, string]> = [
  ['feeds', 'critical', 'feeds-critical'],
  ['feeds', 'warning', 'feeds-alerts'],
  ['feeds', 'info', 'monitoring-info'],
  ['platform', 'critical', 'platform-critical'],
  ['platform', 'warning', 'platform-alerts'],
  ['platform', 'info', 'monitoring-info'],
  ['', 'critical', 'platform-critical'],
  ['', 'warning', 'platform-alerts'],
  ['', 'info', 'monitoring-info'],
  ['payments', 'critical', 'platform-critical'],
  ['payments', 'warning', 'platform-alerts'],
];

/** Asset types whose markets close, per environment (the feeds each environment watches). */
const MUTED_ASSET_TYPES: Record<string, string[]> = { dev: [], staging: ['Equity', 'FX'], prod: ['Equity', 'FX'] };

const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

function shippedConfig(environment: string): AlertmanagerConfig {
  return helmValues(synthesizedStacks()[`${environment}-platform`], 'kube-prometheus-stack').alertmanager.config as AlertmanagerConfig;
}

describe.each(ENVIRONMENTS)('the Alertmanager routing %s ships (amtool config routes test)', (environment) => {
  let file: AmtoolConfigFile;
  let config: AlertmanagerConfig;
  beforeAll(() => {
    config = shippedConfig(environment);
    file = AmtoolConfigFile.write(config);
  });
  afterAll(() => file.remove());

  const expectRoute = (receiver: string, labels: Record<string, string>) => {
    const result = file.routesTest([receiver], labels);
    if (result.status !== 0) throw new Error(`${JSON.stringify(labels)} should reach only ${receiver}:\n${result.output}`);
    expect(result.status).toBe(0);
  };

  test('passes amtool check-config', () => {
    expect(file.checkConfig()).toMatchObject({ status: 0 });
  });

  test.each(TEAM_SEVERITY_RECEIVERS)('sends a team "%s" %s alert to %s', (team, severity, receiver) => {
    expectRoute(receiver, { alertname: 'SomeAlert', environment, severity, ...(team ? { team } : {}) });
  });

  test('sends its own Watchdog to the heartbeat, and only there', () => {
    expectRoute('heartbeat', { alertname: 'Watchdog', environment, severity: 'none' });
  });

  test("sends another environment's Watchdog and critical alerts to platform-alerts, never its pager or heartbeat", () => {
    const other = environment === 'prod' ? 'staging' : 'prod';
    expectRoute('platform-alerts', { alertname: 'Watchdog', environment: other });
    expectRoute('platform-alerts', { alertname: 'PythPriceFeedStale', environment: other, team: 'feeds', severity: 'critical' });
  });

  test('sends an alert without a severity to platform-alerts', () => {
    expectRoute('platform-alerts', { alertname: 'SomethingNew', environment, team: 'feeds' });
  });

  test('sends a crypto feed page to feeds-critical without a market-closed mute', () => {
    const result = file.routesTest(['feeds-critical'], { alertname: 'PythPriceFeedStale', environment, team: 'feeds', severity: 'critical', asset_type: 'Crypto' }, { tree: true });
    expect(result.status).toBe(0);
    expect(result.output).not.toContain('asset_type=');
  });

  test.each(['Equity', 'FX'])('mutes a %s feed page while its market is closed exactly where that market is watched', (assetType) => {
    const labels = { alertname: 'PythPriceFeedStale', environment, team: 'feeds', severity: 'critical', asset_type: assetType };
    const result = file.routesTest(['feeds-critical'], labels, { tree: true });
    expect(result.status).toBe(0);
    const muted = MUTED_ASSET_TYPES[environment].includes(assetType);
    expect(result.output.includes(`asset_type="${assetType}"`)).toBe(muted);
    const closed = `${assetType.toLowerCase()}-market-closed`;
    expect((config.time_intervals ?? []).map((interval) => interval.name).includes(closed)).toBe(muted);
  });

  test('delivers each Slack receiver to its own channel, resolved messages included, webhook from a file', () => {
    const slack = Object.fromEntries(
      config.receivers.filter((receiver) => receiver.slack_configs).map((receiver) => [receiver.name, receiver.slack_configs!.map((s) => ({ channel: s.channel, send_resolved: s.send_resolved, file: typeof s.api_url_file }))]),
    );
    expect(slack).toEqual(
      Object.fromEntries(Object.entries(CHANNELS[environment]).map(([name, channel]) => [name, [{ channel, send_resolved: true, file: 'string' }]])),
    );
  });

  test('pings its own Opsgenie heartbeat, not as a resolved message', () => {
    const heartbeat = config.receivers.find((receiver) => receiver.name === 'heartbeat');
    expect(heartbeat?.webhook_configs?.map((hook) => ({ url: hook.url, send_resolved: hook.send_resolved }))).toEqual([{ url: HEARTBEAT_URLS[environment], send_resolved: false }]);
  });
});
