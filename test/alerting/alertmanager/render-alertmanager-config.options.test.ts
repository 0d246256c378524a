import {
  AlertRoutingModel,
  DEFAULT_GROUP_BY,
  exampleRoutingModel,
  renderAlertmanagerConfig,
} from '../../../constructs/alerting/alertmanager';
import { Duration } from '../../../constructs/core/duration';
import { descendantRoutes } from './support/route-tree';

const prod = exampleRoutingModel('prod');
const render = (changes: Partial<AlertRoutingModel>) => renderAlertmanagerConfig({ ...prod, ...changes });
const routesWithSeverity = (model: Partial<AlertRoutingModel>, severity: string) =>
  descendantRoutes(render(model).route)
    .map(({ route }) => route)
    .filter((route) => route.matchers?.includes(`severity="${severity}"`));
const heartbeatWebhook = (model: Partial<AlertRoutingModel>) =>
  render(model).receivers.find((receiver) => receiver.webhook_configs)!.webhook_configs![0];

describe('defaults and their overrides', () => {
  test("the default receiver defaults to the warning severity's receiver", () => {
    const config = render({ routing: { bySeverity: prod.routing.bySeverity } });
    expect(config.route.receiver).toBe(prod.routing.bySeverity.warning);
  });

  test('the default receiver can be any Slack receiver', () => {
    expect(render({ routing: { ...prod.routing, defaultReceiver: 'platform-info' } }).route.receiver).toBe('platform-info');
  });

  test('group_by defaults to alertname, environment, team and symbol', () => {
    expect(render({}).route.group_by).toEqual(DEFAULT_GROUP_BY);
  });

  test('group_by can be overridden', () => {
    expect(render({ groupBy: ['alertname', 'environment', 'job'] }).route.group_by).toEqual(['alertname', 'environment', 'job']);
  });

  test('inhibition equal defaults to alertname, environment and symbol, and can be overridden', () => {
    expect(render({}).inhibit_rules.map((rule) => rule.equal)).toEqual([
      ['alertname', 'environment', 'symbol'],
      ['alertname', 'environment', 'wallet'],
      ['alertname', 'environment', 'endpoint'],
      ['alertname', 'environment', 'namespace', 'persistentvolumeclaim'],
      ['alertname', 'environment', 'instance', 'mountpoint'],
      ['alertname', 'environment', 'instance'],
    ]);
    expect(render({ inhibitIdentities: [['instance']] }).inhibit_rules).toEqual([
      { source_matchers: ['severity="critical"', 'instance=~".+"'], target_matchers: ['severity=~"warning|info"', 'instance=~".+"'], equal: ['alertname', 'environment', 'instance'] },
    ]);
  });

  test('default timing: critical 1s/1m/1h, warning 30s/5m/4h, info 1m/15m/24h', () => {
    const timingOf = (severity: string) =>
      routesWithSeverity({}, severity).map(({ group_wait, group_interval, repeat_interval }) => [group_wait, group_interval, repeat_interval]);
    expect(new Set(timingOf('critical').map(String))).toEqual(new Set(['1s,1m,1h']));
    expect(new Set(timingOf('warning').map(String))).toEqual(new Set(['30s,5m,4h']));
    expect(new Set(timingOf('info').map(String))).toEqual(new Set(['1m,15m,24h']));
  });

  test('a timing override replaces only the given field of that severity', () => {
    const critical = routesWithSeverity({ timing: { critical: { repeatInterval: Duration.minutes(30) } } }, 'critical');
    for (const route of critical) {
      expect(route.repeat_interval).toBe('30m');
      expect(route.group_wait).toBe('1s');
    }
  });

  test('the heartbeat interval defaults to 1m and can be set up to 5m', () => {
    expect(render({}).route.routes![0].repeat_interval).toBe('1m');
    const watchdog = render({ heartbeat: { ...prod.heartbeat, interval: Duration.minutes(5) } }).route.routes![0];
    expect([watchdog.group_interval, watchdog.repeat_interval]).toEqual(['5m', '5m']);
  });

  test('the heartbeat receiver name can be changed', () => {
    const config = render({ heartbeat: { ...prod.heartbeat, receiverName: 'deadmans-switch' } });
    expect(config.route.routes![0].receiver).toBe('deadmans-switch');
    expect(config.receivers.map((receiver) => receiver.name)).toContain('deadmans-switch');
  });

  test('a heartbeat without authorization sends no Authorization header', () => {
    expect(heartbeatWebhook({ heartbeat: { url: 'https://heartbeat.example.com/ping/feedops-prod' } })).toEqual({
      url: 'https://heartbeat.example.com/ping/feedops-prod',
      send_resolved: false,
    });
  });

  test('the heartbeat authorization type defaults to Bearer', () => {
    const credentials = { secretName: 'heartbeat', key: 'token' };
    expect(heartbeatWebhook({ heartbeat: { url: 'https://hb.example.com/ping', authorization: { credentials } } }).http_config).toEqual({
      authorization: { type: 'Bearer', credentials_file: '/etc/alertmanager/secrets/heartbeat/token' },
    });
  });

  test("a Slack receiver's webhook defaults to the key named after the receiver in alertmanager-slack-webhooks", () => {
    const receiver = render({}).receivers.find((candidate) => candidate.name === 'feeds-critical')!;
    expect(receiver.slack_configs![0].api_url_file).toBe('/etc/alertmanager/secrets/alertmanager-slack-webhooks/feeds-critical');
  });

  test("a Slack receiver's webhook can come from another secret", () => {
    const slackReceivers = { ...prod.slackReceivers, 'feeds-critical': { channel: '#feeds-critical', webhookUrl: { secretName: 'feeds-slack', key: 'url' } } };
    const receiver = render({ slackReceivers }).receivers.find((candidate) => candidate.name === 'feeds-critical')!;
    expect(receiver.slack_configs![0].api_url_file).toBe('/etc/alertmanager/secrets/feeds-slack/url');
  });

  test('the secrets directory can be changed (e.g. for a local Alertmanager)', () => {
    const config = render({ secretsDirectory: '/tmp/secrets/' });
    expect(config.receivers.find((receiver) => receiver.slack_configs)!.slack_configs![0].api_url_file).toMatch(/^\/tmp\/secrets\/alertmanager-slack-webhooks\//);
  });

  test('market closures default to none: a model mutes only the markets it names', () => {
    expect(renderAlertmanagerConfig({ ...prod, marketClosures: undefined }).time_intervals).toEqual([]);
  });

  test('the example model mutes equity and FX', () => {
    expect(render({}).time_intervals.map((interval) => interval.name)).toEqual(['equity-market-closed', 'fx-market-closed']);
  });

  test('no market closures renders no mute routes and no time intervals', () => {
    const config = render({ marketClosures: {} });
    expect(config.time_intervals).toEqual([]);
    expect(descendantRoutes(config.route).some(({ route }) => route.mute_time_intervals)).toBe(false);
  });

  test('a market closure is named after its asset_type and mutes that asset_type', () => {
    const config = render({ marketClosures: { commodity: { closed: [{ weekdays: ['saturday', 'sunday'], location: 'UTC' }], openingHold: Duration.ZERO } } });
    expect(config.time_intervals).toEqual([{ name: 'commodity-market-closed', time_intervals: [{ weekdays: ['saturday', 'sunday'], location: 'UTC' }] }]);
    const market = descendantRoutes(config.route).find(({ route }) => route.matchers?.includes('asset_type="commodity"'))!.route;
    expect(market.mute_time_intervals).toEqual(['commodity-market-closed']);
  });

  test('the opening hold defaults to 5 minutes after each open', () => {
    const config = render({ marketClosures: { commodity: { closed: [{ weekdays: ['saturday', 'sunday'], location: 'UTC' }] } } });
    expect(config.time_intervals[0].time_intervals).toEqual([
      { weekdays: ['monday'], times: [{ start_time: '00:00', end_time: '00:05' }], location: 'UTC' },
      { weekdays: ['saturday', 'sunday'], location: 'UTC' },
    ]);
  });

  test('the opening hold can be set per market closure', () => {
    const closed = [{ weekdays: ['monday:friday'], times: [{ start: '16:00', end: '24:00' }], location: 'UTC' }];
    const config = render({ marketClosures: { a: { closed, openingHold: Duration.minutes(1) }, b: { closed, openingHold: Duration.minutes(15) } } });
    expect(config.time_intervals.map((interval) => interval.time_intervals)).toEqual([
      [
        { weekdays: ['monday'], times: [{ start_time: '16:00', end_time: '24:00' }], location: 'UTC' },
        { weekdays: ['tuesday:friday'], times: [{ start_time: '00:00', end_time: '00:01' }, { start_time: '16:00', end_time: '24:00' }], location: 'UTC' },
        { weekdays: ['saturday'], times: [{ start_time: '00:00', end_time: '00:01' }], location: 'UTC' },
      ],
      [
        { weekdays: ['monday'], times: [{ start_time: '16:00', end_time: '24:00' }], location: 'UTC' },
        { weekdays: ['tuesday:friday'], times: [{ start_time: '00:00', end_time: '00:15' }, { start_time: '16:00', end_time: '24:00' }], location: 'UTC' },
        { weekdays: ['saturday'], times: [{ start_time: '00:00', end_time: '00:15' }], location: 'UTC' },
      ],
    ]);
  });
});
