import { Duration } from '../../../constructs/core/duration';
import { renderRules, type RenderedAlertingRule, type RenderedRecordingRule } from '../../../constructs/alerting/rules/render-rules';
import { runTool } from '../../support/tools';
import { writeRulesFile } from '../promtool/rules-file';
import { aGroup, anAlert, RENDER_OPTIONS, RUNBOOK_BASE } from './fixtures';

function firstAlert(rendered: ReturnType<typeof renderRules>): RenderedAlertingRule {
  return rendered.rulesFile.groups[0].rules[0] as RenderedAlertingRule;
}

describe('renderRules', () => {
  test('the PrometheusRule spec deep-equals the promtool rules file', () => {
    const rendered = renderRules([aGroup([anAlert()])], RENDER_OPTIONS);
    expect(rendered.prometheusRule.spec).toEqual(rendered.rulesFile);
  });

  test('the two outputs are independent copies', () => {
    const rendered = renderRules([aGroup([anAlert()])], RENDER_OPTIONS);
    rendered.rulesFile.groups[0].name = 'changed';
    expect(rendered.prometheusRule.spec.groups[0].name).toBe('example');
  });

  test('the PrometheusRule has the operator apiVersion, kind and the given name and namespace', () => {
    const { prometheusRule } = renderRules([aGroup([anAlert()])], RENDER_OPTIONS);
    expect(prometheusRule).toMatchObject({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'example-rules', namespace: 'monitoring' },
    });
  });

  test('metadata labels default to managed-by feedops', () => {
    const { prometheusRule } = renderRules([aGroup([anAlert()])], RENDER_OPTIONS);
    expect(prometheusRule.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'feedops' });
  });

  test('metadata labels given by the caller are added', () => {
    const { prometheusRule } = renderRules([aGroup([anAlert()])], { ...RENDER_OPTIONS, labels: { 'app.kubernetes.io/part-of': 'price-feeds' } });
    expect(prometheusRule.metadata.labels['app.kubernetes.io/part-of']).toBe('price-feeds');
  });

  test('every alert carries the environment from the render options', () => {
    const rendered = renderRules([aGroup([anAlert()])], { ...RENDER_OPTIONS, environment: 'staging' });
    expect(firstAlert(rendered).labels.environment).toBe('staging');
  });

  test('severity and team become labels', () => {
    const rendered = renderRules([aGroup([anAlert()])], RENDER_OPTIONS);
    expect(firstAlert(rendered).labels).toMatchObject({ severity: 'warning', team: 'platform' });
  });

  test('extra labels are kept next to the typed ones', () => {
    const rendered = renderRules([aGroup([anAlert({ labels: { symbol: 'Crypto.BTC/USD' } })])], RENDER_OPTIONS);
    expect(firstAlert(rendered).labels.symbol).toBe('Crypto.BTC/USD');
  });

  test('summary, description and the runbook URL become annotations', () => {
    const rendered = renderRules([aGroup([anAlert()])], RENDER_OPTIONS);
    expect(firstAlert(rendered).annotations).toEqual({
      summary: 'Example target {{ $labels.instance }} is down',
      description: 'Prometheus cannot scrape {{ $labels.instance }}.',
      runbook_url: `${RUNBOOK_BASE}/ExampleTargetDown.md`,
    });
  });

  test('for and keep_firing_for render as Prometheus durations', () => {
    const rendered = renderRules([aGroup([anAlert({ for: Duration.minutes(10), keepFiringFor: Duration.minutes(2) })])], RENDER_OPTIONS);
    expect(firstAlert(rendered)).toMatchObject({ for: '10m', keep_firing_for: '2m' });
  });

  test('keep_firing_for is left out when not set', () => {
    const rendered = renderRules([aGroup([anAlert()])], RENDER_OPTIONS);
    expect(firstAlert(rendered)).not.toHaveProperty('keep_firing_for');
  });

  test('a group interval renders when set', () => {
    const rendered = renderRules([aGroup([anAlert()], { interval: Duration.seconds(30) })], RENDER_OPTIONS);
    expect(rendered.rulesFile.groups[0].interval).toBe('30s');
  });

  test('a group without interval leaves it to Prometheus', () => {
    const rendered = renderRules([aGroup([anAlert()])], RENDER_OPTIONS);
    expect(rendered.rulesFile.groups[0]).not.toHaveProperty('interval');
  });

  test('recording rules render with record, expr and labels', () => {
    const rendered = renderRules([aGroup([{ record: 'job:up:sum', expr: 'sum by (job) (up)', labels: { source: 'feedops' } }])], RENDER_OPTIONS);
    expect(rendered.rulesFile.groups[0].rules[0] as RenderedRecordingRule).toEqual({ record: 'job:up:sum', expr: 'sum by (job) (up)', labels: { source: 'feedops' } });
  });

  test('promtool accepts the rendered file with every lint fatal', () => {
    const rendered = renderRules(
      [aGroup([{ record: 'job:up:sum', expr: 'sum by (job) (up)' }, anAlert({ keepFiringFor: Duration.minutes(1) })], { interval: Duration.seconds(30) })],
      RENDER_OPTIONS,
    );
    const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', writeRulesFile(rendered.rulesFile)]);
    expect(result).toMatchObject({ status: 0 });
  });

  test('fails when the environment is empty', () => {
    expect(() => renderRules([aGroup([anAlert()])], { ...RENDER_OPTIONS, environment: '' })).toThrow(/field "environment" is "" \(allowed: a non-empty label value/);
  });

  test('fails when the name is not a DNS subdomain', () => {
    expect(() => renderRules([aGroup([anAlert()])], { ...RENDER_OPTIONS, name: 'Price_Feeds' })).toThrow(/field "name" is "Price_Feeds" \(allowed: a DNS subdomain/);
  });

  test('fails when the namespace is not a DNS label', () => {
    expect(() => renderRules([aGroup([anAlert()])], { ...RENDER_OPTIONS, namespace: 'monitoring.svc' })).toThrow(/field "namespace" is "monitoring\.svc" \(allowed: a DNS label/);
  });

  test('fails when a metadata label value is too long', () => {
    expect(() => renderRules([aGroup([anAlert()])], { ...RENDER_OPTIONS, labels: { team: 'x'.repeat(64) } })).toThrow(/field "labels" has team=/);
  });
});
