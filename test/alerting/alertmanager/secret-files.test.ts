import {
  alertmanagerSecretNames,
  alertmanagerSecretReferences,
  exampleRoutingModel,
  renderAlertmanagerConfig,
  secretFilePath,
} from '../../../constructs/alerting/alertmanager';

const prod = exampleRoutingModel('prod');

describe('the secrets Alertmanager must mount', () => {
  test('are the Slack webhook secret and the heartbeat credentials secret, each once, sorted', () => {
    expect(alertmanagerSecretNames(prod)).toEqual(['alertmanager-heartbeat', 'alertmanager-slack-webhooks']);
  });

  test('include a per-receiver webhook secret', () => {
    const model = { ...prod, slackReceivers: { ...prod.slackReceivers, 'feeds-critical': { channel: '#feeds-critical', webhookUrl: { secretName: 'feeds-slack', key: 'url' } } } };
    expect(alertmanagerSecretNames(model)).toEqual(['alertmanager-heartbeat', 'alertmanager-slack-webhooks', 'feeds-slack']);
  });

  test('leave out the heartbeat secret when the heartbeat needs no credentials', () => {
    expect(alertmanagerSecretNames({ ...prod, heartbeat: { url: 'https://hb.example.com/ping' } })).toEqual(['alertmanager-slack-webhooks']);
  });

  test('cover every file the rendered configuration reads', () => {
    const config = renderAlertmanagerConfig(prod);
    const filesRead = config.receivers.flatMap((receiver) => [
      ...(receiver.slack_configs ?? []).map((slack) => slack.api_url_file),
      ...(receiver.webhook_configs ?? []).flatMap((webhook) => webhook.http_config?.authorization.credentials_file ?? []),
    ]);
    expect(alertmanagerSecretReferences(prod).map((reference) => secretFilePath(reference)).sort()).toEqual([...filesRead].sort());
  });

  test('are read from /etc/alertmanager/secrets/<secret>/<key>, where the chart mounts alertmanagerSpec.secrets', () => {
    expect(secretFilePath({ secretName: 'alertmanager-slack-webhooks', key: 'feeds-critical' })).toBe(
      '/etc/alertmanager/secrets/alertmanager-slack-webhooks/feeds-critical',
    );
  });
});
