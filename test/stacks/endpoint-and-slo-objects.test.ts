import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { ENDPOINT_PROBE_JOB } from '../../constructs/endpoints/probes';
import { burnFactor, BURN_RATE_ALERTS } from '../../constructs/slo/render-slo-rules';
import { sloDashboard } from '../../constructs/dashboards/slo-dashboard';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { freshnessFeeds } from '../../stacks/feedops-slos';
import { alertsOf } from '../alerting/promtool/rendered-alerts';
import { writeRulesFile } from '../alerting/promtool/rules-file';
import { kubernetesSchemaProblems } from '../support/kubernetes-schema';
import { helmValues } from '../support/helm-values';
import { resources, synthesizedStacks } from '../support/synth';
import { runTool } from '../support/tools';

const stacks = synthesizedStacks();
const { environments } = validateEnvironments(ENVIRONMENTS, delivery);
const RUNBOOKS = path.resolve(__dirname, '../../../docs/runbooks');

describe.each(environments.map((env) => [env.name, env] as const))('%s: endpoint probes and SLOs as synthesized', (name, env) => {
  const manifests = resources(stacks[`${name}-monitors`], 'kubernetes_manifest').map((r) => r.config.manifest as Record<string, any>);
  // The blackbox exporter's Probes; the Hermes price Probes go to json_exporter (the price-feed pack).
  const probes = manifests.filter((m) => m.kind === 'Probe' && m.spec.jobName === ENDPOINT_PROBE_JOB);
  const rules = manifests.filter((m) => m.kind === 'PrometheusRule' && m.metadata.name !== 'pyth-price-feeds');
  const blackboxValues = helmValues(stacks[`${name}-platform`], 'prometheus-blackbox-exporter');

  test('one Probe per configured endpoint, valid against the prometheus-operator schema', () => {
    expect(probes.map((p) => p.spec.targets.staticConfig.labels.endpoint).sort()).toEqual(Object.keys(env.endpoints).sort());
    expect(kubernetesSchemaProblems([...probes, ...rules])).toEqual([]);
  });

  test('every module a Probe names is in the platform stack\'s blackbox exporter, and nothing else is', () => {
    expect(Object.keys(blackboxValues.config.modules).sort()).toEqual(probes.map((p) => p.spec.module).sort());
  });

  test('the platform stack\'s blackbox configuration passes blackbox_exporter --config.check', () => {
    const file = path.join(path.dirname(writeRulesFile({ groups: [] })), 'blackbox.yml');
    fs.writeFileSync(file, JSON.stringify({ modules: blackboxValues.config.modules }));
    const result = runTool('blackbox_exporter', ['--config.check', `--config.file=${file}`]);
    expect(result.output).toContain('Config file is ok');
    expect(result.status).toBe(0);
  });

  test('endpoint and SLO rules pass promtool check rules with lint fatal, and every alert links an existing runbook', () => {
    const file = writeRulesFile({ groups: rules.flatMap((r) => r.spec.groups) });
    const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', file]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
    for (const { rule } of alertsOf({ groups: rules.flatMap((r) => r.spec.groups) })) {
      const page = rule.annotations.runbook_url.split('/').pop()!;
      expect({ alert: rule.alert, environment: rule.labels.environment, runbook: fs.existsSync(path.join(RUNBOOKS, page)) }).toEqual({ alert: rule.alert, environment: name, runbook: true });
    }
  });

  test('Hermes readiness is probed and has an availability SLO from its probes', () => {
    const hermes = probes.find((p) => p.spec.targets.staticConfig.static[0].endsWith('/ready') && p.spec.targets.staticConfig.static[0].includes('hermes'));
    expect(hermes?.spec.jobName).toBe(ENDPOINT_PROBE_JOB);
    const slo = rules.find((r) => r.metadata.name === 'slo-hermes-ready-availability');
    expect(JSON.stringify(slo?.spec)).toContain('probe_success{job=\\"feedops-endpoints\\",endpoint=\\"hermes-ready\\"}');
  });

  test('price-feed freshness uses the staleness limit of the price-feed alerts, for every feed of the model', () => {
    const inputs = rules.find((r) => r.metadata.name === 'feedops-slo-inputs')!.spec.groups[0].rules.filter((r: any) => r.record === 'feedops:pyth_price_feed_fresh:bool');
    expect(inputs.map((r: any) => [r.labels.symbol, Number(/<= bool (\d+)\b/.exec(r.expr)![1])])).toEqual(freshnessFeeds(env).map((f) => [f.symbol, f.limitSlots]));
    expect(inputs.map((r: any) => r.labels.symbol).sort()).toEqual(Object.keys(env.priceFeeds.feeds).sort());
    const priceRule = manifests.find((m) => m.metadata.name === 'pyth-price-feeds')!;
    for (const feed of freshnessFeeds(env)) {
      // The stale rule selects its feeds by an escaped regex (`Crypto\\.BTC/USD`).
      const mentions = (expr: string) => expr.includes(`"${feed.symbol}"`) || expr.includes(feed.symbol.replace(/\./g, '\\\\.'));
      const stale = alertsOf(priceRule.spec).find(({ rule }) => rule.alert === 'PythPriceFeedStale' && mentions(rule.expr));
      expect({ symbol: feed.symbol, sameLimit: stale?.rule.expr.includes(`> ${feed.limitSlots}`) }).toEqual({ symbol: feed.symbol, sameLimit: true });
    }
  });

  test('no credential reaches a Probe, a module or the synthesized JSON: keyed providers read a mounted file', () => {
    const probeText = JSON.stringify(probes);
    expect(probeText).not.toMatch(/apikey|api_key|token=|Bearer /i);
    for (const module of Object.values<any>(blackboxValues.config.modules)) {
      if (module.http?.authorization) expect(module.http.authorization).toEqual({ type: expect.any(String), credentials_file: expect.stringMatching(/^\/etc\/blackbox-exporter\/secrets\//) });
    }
  });
});

test('prod syncs the RPC provider key from Secrets Manager into the exporter\'s namespace and mounts it', () => {
  const platform = stacks['prod-platform'];
  const values = helmValues(platform, 'kube-prometheus-stack');
  const externalSecrets = (values.extraManifests as any[]).filter((m) => m.kind === 'ExternalSecret' && m.metadata.name.startsWith('probe-credentials-'));
  expect(externalSecrets.map((s) => [s.metadata.name, s.metadata.namespace, s.spec.data.map((d: any) => d.remoteRef.key)])).toEqual([
    ['probe-credentials-rpc-providers', 'blackbox-exporter', ['prod/feedops/rpc-providers']],
  ]);
  expect(helmValues(platform, 'prometheus-blackbox-exporter').extraSecretMounts.map((m: any) => m.secretName)).toEqual(['probe-credentials-rpc-providers']);
});

test('the SLO dashboard draws the alerts\' burn factors as its thresholds', () => {
  const model = sloDashboard({ environment: 'prod' });
  const burn = model.rows.flatMap((r) => r.panels).find((p) => p.title === 'Burn rate by alert window')!;
  const factors = BURN_RATE_ALERTS.map((a) => burnFactor(a.budgetPercent, a.long, '30d'));
  expect(burn.thresholds!.steps!.map((s) => s.from)).toEqual([factors[2], factors[0]]);
  expect(burn.queries.map((q) => q.expr.split('{')[0])).toEqual(BURN_RATE_ALERTS.map((a) => `slo:sli_error:ratio_rate${a.long}`));
});

test('a dashboard renders for the synthesized SLO ConfigMap', () => {
  const map = resources(stacks['prod-monitors'], 'kubernetes_manifest').map((r) => r.config.manifest as any).find((m) => m.metadata.name === 'grafana-dashboard-feedops-slos');
  expect(parse(map.data['feedops-slos.json']).uid).toBe('feedops-slos');
});
