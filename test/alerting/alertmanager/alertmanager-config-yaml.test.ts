import { parse } from 'yaml';
import { alertmanagerConfigToYaml, exampleRoutingModel, renderAlertmanagerConfig } from '../../../constructs/alerting/alertmanager';

describe('alertmanagerConfigToYaml', () => {
  const config = renderAlertmanagerConfig(exampleRoutingModel('prod'));
  const yaml = alertmanagerConfigToYaml(config);

  test('parses back to the very same object', () => {
    expect(parse(yaml)).toEqual(config);
  });

  test('quotes times of day, which YAML 1.1 readers could take for base-60 numbers', () => {
    expect(yaml).toContain('start_time: "16:00"');
    expect(yaml).not.toMatch(/_time: \d/);
  });

  test('reads back the same under YAML 1.1, as Alertmanager and Helm read it', () => {
    expect(parse(yaml, { version: '1.1' })).toEqual(config);
  });

  test('never folds the long message title onto several lines', () => {
    const title = config.receivers.find((receiver) => receiver.slack_configs)!.slack_configs![0].title;
    expect(yaml).toContain(`title: '${title}'`);
  });
});
