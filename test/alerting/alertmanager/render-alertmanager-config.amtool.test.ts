import { exampleRoutingModel, renderAlertmanagerConfig } from '../../../constructs/alerting/alertmanager';
import { AmtoolConfigFile } from './support/amtool-config-file';

const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

describe.each(ENVIRONMENTS)('the rendered Alertmanager configuration of %s', (environment) => {
  let file: AmtoolConfigFile;
  beforeAll(() => {
    file = AmtoolConfigFile.write(renderAlertmanagerConfig(exampleRoutingModel(environment)));
  });
  afterAll(() => file.remove());

  test('passes amtool check-config', () => {
    const result = file.checkConfig();
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('routes its Watchdog to the heartbeat receiver', () => {
    expect(file.routesTest(['heartbeat'], { alertname: 'Watchdog', environment, severity: 'none' }).status).toBe(0);
  });
});

describe.each(['dev', 'staging'])('routing of the %s configuration (amtool config routes test)', (environment) => {
  let file: AmtoolConfigFile;
  beforeAll(() => {
    file = AmtoolConfigFile.write(renderAlertmanagerConfig(exampleRoutingModel(environment)));
  });
  afterAll(() => file.remove());

  test.each(['critical', 'warning', 'info'])("sends a %s alert to the environment's one channel", (severity) => {
    expect(file.routesTest([`${environment}-alerts`], { alertname: 'FeedStale', environment, team: 'feeds', severity }).status).toBe(0);
  });
});

test('amtool accepts opening holds that cross midnight and the end of the week, next to dated closures', () => {
  const config = renderAlertmanagerConfig({
    ...exampleRoutingModel('prod'),
    marketClosures: {
      Late: { closed: [{ weekdays: ['monday:friday'], times: [{ start: '20:00', end: '23:58' }], location: 'Asia/Tokyo' }] },
      Weekend: { closed: [{ weekdays: ['friday'], times: [{ start: '22:00', end: '24:00' }] }, { weekdays: ['saturday'] }] },
      Holiday: { closed: [{ daysOfMonth: ['24'], months: ['december'], years: ['2026'], times: [{ start: '00:00', end: '12:00' }], location: 'America/New_York' }] },
    },
  });
  expect(config.time_intervals.flatMap((interval) => interval.time_intervals).some((spec) => spec.weekdays?.includes('sunday'))).toBe(true);
  const file = AmtoolConfigFile.write(config);
  try {
    const result = file.checkConfig();
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  } finally {
    file.remove();
  }
});

describe('amtool check-config on a broken configuration', () => {
  test('fails when a route names a receiver that does not exist (the check can fail)', () => {
    const config = renderAlertmanagerConfig(exampleRoutingModel('prod'));
    config.route.routes![0].receiver = 'no-such-receiver';
    const file = AmtoolConfigFile.write(config);
    try {
      expect(file.checkConfig().status).not.toBe(0);
    } finally {
      file.remove();
    }
  });
});

describe('routing of the prod configuration (amtool config routes test)', () => {
  const environment = 'prod';
  let file: AmtoolConfigFile;
  beforeAll(() => {
    file = AmtoolConfigFile.write(renderAlertmanagerConfig(exampleRoutingModel(environment)));
  });
  afterAll(() => file.remove());

  test('sends Watchdog to the heartbeat receiver only', () => {
    expect(file.routesTest(['heartbeat'], { alertname: 'Watchdog', environment }).status).toBe(0);
  });

  test("does not treat another environment's Watchdog as this environment's heartbeat", () => {
    expect(file.routesTest(['platform-alerts'], { alertname: 'Watchdog', environment: 'staging' }).status).toBe(0);
  });

  test.each([
    ['critical', 'platform-critical'],
    ['warning', 'platform-alerts'],
    ['info', 'platform-info'],
  ])('sends a %s alert without a team to %s', (severity, receiver) => {
    expect(file.routesTest([receiver], { alertname: 'NodeDown', environment, severity }).status).toBe(0);
  });

  test.each([
    ['feeds', 'critical', 'feeds-critical'],
    ['feeds', 'warning', 'feeds-alerts'],
    ['feeds', 'info', 'feeds-alerts'],
    ['platform', 'critical', 'platform-critical'],
    ['platform', 'warning', 'platform-alerts'],
  ])('sends a team %s %s alert to %s', (team, severity, receiver) => {
    expect(file.routesTest([receiver], { alertname: 'FeedStale', environment, team, severity }).status).toBe(0);
  });

  test("sends a team's alert of a severity the team has no receiver for to that severity's receiver", () => {
    expect(file.routesTest(['platform-info'], { alertname: 'CertExpiring', environment, team: 'platform', severity: 'info' }).status).toBe(0);
  });

  test("sends an unknown team's alert to its severity's receiver", () => {
    expect(file.routesTest(['platform-critical'], { alertname: 'X', environment, team: 'data', severity: 'critical' }).status).toBe(0);
  });

  test.each(['Equity', 'FX'])('sends a %s feed alert through its market-closed mute route to the team receiver', (assetType) => {
    const labels = { alertname: 'FeedStale', environment, team: 'feeds', severity: 'critical', asset_type: assetType, symbol: 'Equity.US.AAPL/USD' };
    const result = file.routesTest(['feeds-critical'], labels, { tree: true });
    expect(result.status).toBe(0);
    expect(result.output).toContain(`{asset_type="${assetType}"}`);
  });

  test('sends a crypto feed alert past the market-closed mute routes', () => {
    const labels = { alertname: 'FeedStale', environment, team: 'feeds', severity: 'critical', asset_type: 'crypto' };
    const result = file.routesTest(['feeds-critical'], labels, { tree: true });
    expect(result.status).toBe(0);
    expect(result.output).not.toContain('asset_type=');
  });

  test('sends an alert without a severity to the default receiver', () => {
    expect(file.routesTest(['platform-alerts'], { alertname: 'SomethingNew', environment }).status).toBe(0);
  });

  test("sends another environment's critical alert to the default receiver, not the pager channel", () => {
    expect(file.routesTest(['platform-alerts'], { alertname: 'FeedStale', environment: 'staging', severity: 'critical' }).status).toBe(0);
  });

  test('fails when the expected receiver is wrong (the check can fail)', () => {
    const result = file.routesTest(['platform-info'], { alertname: 'FeedStale', environment, severity: 'critical' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('did not match');
  });
});
