import { AlertRoutingModel, exampleRoutingModel, renderAlertmanagerConfig } from '../../../constructs/alerting/alertmanager';
import { Duration } from '../../../constructs/core/duration';

const prod = exampleRoutingModel('prod');
const renderWith = (changes: Partial<AlertRoutingModel>) => () => renderAlertmanagerConfig({ ...prod, ...changes });
const withTiming = (timing: AlertRoutingModel['timing']) => renderWith({ timing });

describe('renderAlertmanagerConfig rejects a bad model', () => {
  test('fails when a severity route names an unknown receiver', () => {
    const routing = { ...prod.routing, bySeverity: { ...prod.routing.bySeverity, critical: 'pager' } };
    expect(renderWith({ routing })).toThrow(
      'Alertmanager routing (environment "prod"): routing.bySeverity.critical: "pager" (allowed: one of the slackReceivers: platform-critical, platform-alerts, platform-info, feeds-critical, feeds-alerts (unknown receiver)',
    );
  });

  test('fails when a team route names an unknown receiver', () => {
    const routing = { ...prod.routing, byTeam: { feeds: { warning: 'feeds-warnings' } } };
    expect(renderWith({ routing })).toThrow(/routing\.byTeam\.feeds\.warning: "feeds-warnings" \(allowed: one of the slackReceivers: .*\(unknown receiver\)/);
  });

  test('fails when the default receiver is unknown', () => {
    expect(renderWith({ routing: { ...prod.routing, defaultReceiver: 'general' } })).toThrow(/routing\.defaultReceiver: "general" \(allowed: one of the slackReceivers/);
  });

  test('fails when a route names the heartbeat receiver', () => {
    expect(renderWith({ routing: { ...prod.routing, defaultReceiver: 'heartbeat' } })).toThrow(/routing\.defaultReceiver: "heartbeat" \(allowed: one of the slackReceivers/);
  });

  test('fails when a team has no channel', () => {
    expect(renderWith({ routing: { ...prod.routing, byTeam: { feeds: {} } } })).toThrow(
      /routing\.byTeam\.feeds: \{\} \(allowed: at least one of critical, warning, info naming a receiver \(team has no channel\)/,
    );
  });

  test('fails when a team lists something that is not a severity', () => {
    const byTeam = { feeds: { page: 'feeds-critical' } } as unknown as AlertRoutingModel['routing']['byTeam'];
    expect(renderWith({ routing: { ...prod.routing, byTeam } })).toThrow(/routing\.byTeam\.feeds\.page: "page" \(allowed: a severity: critical, warning, info/);
  });

  test('fails when a team name is not a label value', () => {
    expect(renderWith({ routing: { ...prod.routing, byTeam: { 'Feeds Team': { critical: 'feeds-critical' } } } })).toThrow(
      /routing\.byTeam\.Feeds Team: "Feeds Team" \(allowed: a team label value/,
    );
  });

  test('fails when a Slack receiver has the heartbeat receiver name (duplicate receiver name)', () => {
    const slackReceivers = { ...prod.slackReceivers, heartbeat: { channel: '#heartbeat' } };
    expect(renderWith({ slackReceivers })).toThrow(
      /heartbeat\.receiverName: "heartbeat" \(allowed: a receiver name not used in slackReceivers \(duplicate receiver name; taken: .*heartbeat\)/,
    );
  });

  test.each(['feeds-alerts', '#Feeds-Alerts', '#feeds alerts', `#${'x'.repeat(81)}`])('fails when a channel name is invalid: %s', (channel) => {
    const slackReceivers = { ...prod.slackReceivers, 'feeds-alerts': { channel } };
    expect(renderWith({ slackReceivers })).toThrow(
      `slackReceivers.feeds-alerts.channel: ${JSON.stringify(channel)} (allowed: a Slack channel name: "#" then lower-case letters, digits, "-" and "_", at most 80 characters`,
    );
  });

  test('fails when there is no Slack receiver', () => {
    expect(renderWith({ slackReceivers: {} })).toThrow(/slackReceivers: \{\} \(allowed: at least one Slack receiver/);
  });

  test('fails when a receiver name is invalid', () => {
    const slackReceivers = { ...prod.slackReceivers, Feeds_Critical: { channel: '#feeds-critical' } };
    expect(renderWith({ slackReceivers })).toThrow(/slackReceivers\.Feeds_Critical: "Feeds_Critical" \(allowed: a receiver name: lower-case letters/);
  });

  test('fails when a webhook secret name is not a Kubernetes secret name', () => {
    const slackReceivers = { ...prod.slackReceivers, 'feeds-alerts': { channel: '#feeds-alerts', webhookUrl: { secretName: 'Slack_Hooks', key: 'url' } } };
    expect(renderWith({ slackReceivers })).toThrow(/slackReceivers\.feeds-alerts\.webhookUrl\.secretName: "Slack_Hooks" \(allowed: a Kubernetes secret name/);
  });

  test('fails when the environment is not a label value', () => {
    expect(renderWith({ environment: 'Prod"' })).toThrow(/environment: "Prod\\"" \(allowed: lower-case letters/);
  });

  test('fails when critical repeat_interval is above 1h', () => {
    expect(withTiming({ critical: { repeatInterval: Duration.hours(2) } })).toThrow(
      'timing.critical.repeatInterval: "2h" (allowed: at most 1h for critical alerts',
    );
  });

  test('fails when critical group_wait is above 30s', () => {
    expect(withTiming({ critical: { groupWait: Duration.minutes(1) } })).toThrow('timing.critical.groupWait: "1m" (allowed: at most 30s for critical alerts');
  });

  test('fails when warning repeat_interval is below 4h', () => {
    expect(withTiming({ warning: { repeatInterval: Duration.hours(1) } })).toThrow('timing.warning.repeatInterval: "1h" (allowed: at least 4h for warning alerts');
  });

  test('fails when info repeat_interval is below 4h', () => {
    expect(withTiming({ info: { repeatInterval: Duration.hours(2) } })).toThrow('timing.info.repeatInterval: "2h" (allowed: at least 4h for info alerts');
  });

  test('fails when group_interval is 0s', () => {
    expect(withTiming({ warning: { groupInterval: Duration.ZERO } })).toThrow('timing.warning.groupInterval: "0s" (allowed: a Duration above 0s');
  });

  test('fails when repeat_interval is shorter than group_interval', () => {
    expect(withTiming({ critical: { groupInterval: Duration.hours(1), repeatInterval: Duration.minutes(30) } })).toThrow(
      'timing.critical.repeatInterval: "30m" (allowed: at least groupInterval (1h)',
    );
  });

  test('fails when a timing value is not a Duration', () => {
    const timing = { warning: { repeatInterval: '4h' } } as unknown as AlertRoutingModel['timing'];
    expect(withTiming(timing)).toThrow('timing.warning.repeatInterval: "4h" (allowed: a Duration, e.g. Duration.minutes(5)');
  });

  test('fails when the heartbeat interval is above 5m', () => {
    expect(renderWith({ heartbeat: { ...prod.heartbeat, interval: Duration.minutes(10) } })).toThrow(
      'heartbeat.interval: "10m" (allowed: a Duration above 0s and at most 5m',
    );
  });

  test('fails when the heartbeat interval is 0s', () => {
    expect(renderWith({ heartbeat: { ...prod.heartbeat, interval: Duration.ZERO } })).toThrow('heartbeat.interval: "0s" (allowed');
  });

  test.each([
    ['a query string (a token in the URL)', 'https://hc-ping.example.com/ping?token=abc'],
    ['a user and password', 'https://user:pass@heartbeat.example.com/ping'],
    ['plain http to a remote host', 'http://heartbeat.example.com/ping'],
    ['a Slack webhook', 'https://hooks.slack.com/triggers/x'],
    ['not a URL', 'heartbeat'],
  ])('fails when the heartbeat URL has %s', (_, url) => {
    expect(renderWith({ heartbeat: { url } })).toThrow(`heartbeat.url: ${JSON.stringify(url)} (allowed: an https URL (http only for a loopback host)`);
  });

  test('accepts a plain http heartbeat URL on the loopback interface (a local test receiver)', () => {
    expect(renderWith({ heartbeat: { url: 'http://127.0.0.1:9999/ping' } })).not.toThrow();
  });

  test('fails when the heartbeat authorization is Basic', () => {
    const heartbeat = { url: 'https://hb.example.com/ping', authorization: { type: 'Basic', credentials: { secretName: 'hb', key: 'auth' } } };
    expect(renderWith({ heartbeat })).toThrow(/heartbeat\.authorization\.type: "Basic" \(allowed: an Authorization scheme/);
  });

  test('fails when group_by leaves out environment', () => {
    expect(renderWith({ groupBy: ['alertname', 'team'] })).toThrow('groupBy: ["alertname","team"] (allowed: a list that includes alertname and environment');
  });

  test('fails when group_by has an invalid label name', () => {
    expect(renderWith({ groupBy: ['alertname', 'environment', 'asset-type'] })).toThrow(/groupBy: .* \(allowed: Prometheus label names .*"asset-type" is not one/);
  });

  test('fails when an inhibition identity names alertname (it is always compared)', () => {
    expect(renderWith({ inhibitIdentities: [['alertname']] })).toThrow('inhibitIdentities[0]: ["alertname"] (allowed: a non-empty list of label names that identify an object');
  });

  test('fails when a cause -> symptom inhibition does not share environment', () => {
    expect(renderWith({ inhibitions: [{ source: ['alertname="A"'], target: ['alertname="B"'], equal: ['symbol'] }] })).toThrow(
      'inhibitions[0].equal: ["symbol"] (allowed: label names including environment)',
    );
  });

  test('fails when a market closure time is not HH:MM', () => {
    const marketClosures = { equity: { closed: [{ weekdays: ['monday:friday'], times: [{ start: '9:30', end: '16:00' }] }] } };
    expect(renderWith({ marketClosures })).toThrow(/marketClosures\.equity\.closed\[0\]\.times\[0\]: .* \(allowed: start and end as "HH:MM"/);
  });

  test('fails when a market closure interval is empty (it would mute at all times)', () => {
    expect(renderWith({ marketClosures: { equity: { closed: [{ location: 'America/New_York' }] } } })).toThrow(
      /marketClosures\.equity\.closed\[0\]: .* \(allowed: at least one of times, weekdays.*would mute at all times/,
    );
  });

  test('fails when a market closure weekday is misspelled', () => {
    expect(renderWith({ marketClosures: { fx: { closed: [{ weekdays: ['saturday:sundy'] }] } } })).toThrow(
      /marketClosures\.fx\.closed\[0\]\.weekdays\[0\]: "saturday:sundy" \(allowed: a weekday or range/,
    );
  });

  test('fails when a market closure has no interval', () => {
    expect(renderWith({ marketClosures: { fx: { closed: [] } } })).toThrow('marketClosures.fx.closed: [] (allowed: at least one time interval');
  });

  test.each([
    ['not whole minutes', Duration.seconds(90), '"90s"'],
    ['longer than 1h', Duration.minutes(61), '"61m"'],
    ['not a Duration', '5m', '"5m"'],
  ])('fails when a market closure opening hold is %s', (_, openingHold, shown) => {
    const marketClosures = { Equity: { closed: [{ weekdays: ['saturday'] }], openingHold: openingHold as Duration } };
    expect(renderWith({ marketClosures })).toThrow(
      `marketClosures.Equity.openingHold: ${shown} (allowed: whole minutes from 0m to 1h (Alertmanager's time intervals are minute-granular))`,
    );
  });

  test('fails when a dated market closure would hold past midnight (the hold cannot move to the next date)', () => {
    const closed = [{ daysOfMonth: ['24'], months: ['december'], times: [{ start: '20:00', end: '23:58' }] }];
    expect(renderWith({ marketClosures: { FX: { closed } } })).toThrow(
      /marketClosures\.FX\.closed\[0\]\.times\[0\]: \{"start":"20:00","end":"23:58"\} \(allowed: a dated interval .* ending at "24:00" or at least the opening hold \(5m\) before it/,
    );
  });

  test('fails when a market closure weekday range runs backwards (Alertmanager rejects it)', () => {
    expect(renderWith({ marketClosures: { FX: { closed: [{ weekdays: ['saturday:sunday'] }] } } })).toThrow(
      /marketClosures\.FX\.closed\[0\]\.weekdays\[0\]: "saturday:sunday" \(allowed: a weekday or range such as "monday:friday", first day first/,
    );
  });

  test('fails when the secrets directory is relative', () => {
    expect(renderWith({ secretsDirectory: 'secrets' })).toThrow('secretsDirectory: "secrets" (allowed: an absolute path without spaces or quotes');
  });
});
