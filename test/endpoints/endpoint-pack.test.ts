import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { renderBlackboxModules } from '../../constructs/endpoints/blackbox-modules';
import { CERTIFICATE_EXPIRY_CRITICAL_DAYS, CERTIFICATE_EXPIRY_WARNING_DAYS, ENDPOINT_ALERTS, renderEndpointRules } from '../../constructs/endpoints/endpoint-rules';
import { ENDPOINT_PROBE_JOB, renderProbes } from '../../constructs/endpoints/probes';
import { alertsOf } from '../alerting/promtool/rendered-alerts';
import { renderRuleTests } from '../alerting/promtool/render-rule-tests';
import { writeRulesFile } from '../alerting/promtool/rules-file';
import { kubernetesSchemaProblems } from '../support/kubernetes-schema';
import { runTool } from '../support/tools';
import { ENDPOINT_RULE_CASES } from './endpoint-rules.cases';
import { RESOLVED, RULE_OPTIONS } from './fixtures';
import { resolveEndpoints } from '../../constructs/endpoints/resolve-endpoints';
import { endpointsSchema } from '../../constructs/endpoints/schema';

const RUNBOOKS = path.resolve(__dirname, '../../../docs/runbooks');
const rules = renderEndpointRules(RESOLVED, RULE_OPTIONS);
const probes = renderProbes(RESOLVED, { namespace: 'monitors', proberAddress: 'blackbox.monitoring.svc:9115' });
const modules = renderBlackboxModules(RESOLVED);

describe('Probes', () => {
  test('one Probe per endpoint passes the prometheus-operator schema', () => {
    expect(probes.map((p) => p.metadata.name)).toEqual(['endpoint-api', 'endpoint-rpc-a', 'endpoint-rpc-b', 'endpoint-ws']);
    expect(kubernetesSchemaProblems(probes)).toEqual([]);
  });

  test('every Probe names a module that is rendered, with the job the rules select', () => {
    for (const probe of probes) {
      expect({ probe: probe.metadata.name, module: Object.keys(modules).includes(probe.spec.module), job: probe.spec.jobName }).toEqual({
        probe: probe.metadata.name,
        module: true,
        job: ENDPOINT_PROBE_JOB,
      });
    }
  });

  test('interval defaults to 30s, an override wins, and the scrape timeout stays within the interval', () => {
    const byName = Object.fromEntries(probes.map((p) => [p.metadata.name, p.spec]));
    expect(byName['endpoint-api'].interval).toBe('30s');
    expect(byName['endpoint-rpc-b'].interval).toBe('60s');
    for (const spec of Object.values(byName)) expect(parseInt(spec.scrapeTimeout, 10)).toBeLessThanOrEqual(parseInt(spec.interval, 10));
  });

  test('targets carry the endpoint, its kind, team and group as labels', () => {
    expect(probes.find((p) => p.metadata.name === 'endpoint-rpc-a')!.spec.targets.staticConfig).toEqual({
      static: ['https://rpc-a.example.com'],
      labels: { endpoint: 'rpc-a', endpoint_kind: 'jsonrpc', endpoint_team: 'platform', endpoint_group: 'rpc' },
    });
  });
});

describe('blackbox modules', () => {
  test('pass blackbox_exporter --config.check (Debian 0.23; only fields 0.28 also accepts)', () => {
    const file = path.join(path.dirname(writeRulesFile({ groups: [] })), 'blackbox.yml');
    fs.writeFileSync(file, stringify({ modules }));
    const result = runToolBlackbox(file);
    expect(result.output).toContain('Config file is ok');
    expect(result.status).toBe(0);
  });

  test('a JSON-RPC module posts the method and requires the expected result', () => {
    expect(modules.endpoint_rpc_a.http).toMatchObject({
      method: 'POST',
      body: '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}',
      fail_if_body_not_matches_regexp: ['"result"\\s*:\\s*"0x[0-9a-f]+"'],
      fail_if_not_ssl: true,
    });
    expect(modules.endpoint_rpc_b.http?.fail_if_not_ssl).toBeUndefined();
  });

  test('an HTTP module expects 200 by default; a TCP module starts TLS when asked', () => {
    expect(modules.endpoint_api.http?.valid_status_codes).toEqual([200]);
    expect(modules.endpoint_ws).toEqual({ prober: 'tcp', timeout: '10s', tcp: { preferred_ip_protocol: 'ip4', ip_protocol_fallback: true, tls: true } });
  });

  test('a module with credentials reads them from the mounted file, never inline', () => {
    const [withKey] = renderBlackboxModulesFor({
      kind: 'jsonrpc', url: 'https://eth-mainnet.example.com/v2', method: 'eth_blockNumber', expectedResult: '"0x[0-9a-f]+"', team: 'platform', latencyObjectiveSeconds: 2,
      credentials: { secret: 'rpc-providers', property: 'example-key', type: 'Bearer' },
    });
    expect(withKey.http?.authorization).toEqual({ type: 'Bearer', credentials_file: '/etc/blackbox-exporter/secrets/probe-credentials-rpc-providers/example-key' });
  });
});

describe('endpoint rules', () => {
  test('promtool check rules passes with lint fatal', () => {
    const file = writeRulesFile(rules.rulesFile);
    const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', file]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('promtool test rules: every case passes', () => {
    const rulesPath = writeRulesFile(rules.rulesFile);
    const testsPath = path.join(path.dirname(rulesPath), 'endpoint-rules.test.yaml');
    fs.writeFileSync(testsPath, stringify(renderRuleTests(rules.rulesFile, path.basename(rulesPath), ENDPOINT_RULE_CASES), { lineWidth: 0 }));
    const result = runTool('promtool', ['test', 'rules', path.basename(testsPath)], { cwd: path.dirname(testsPath) });
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  const alertNames = [...new Set(alertsOf(rules.rulesFile).map(({ rule }) => rule.alert))].sort();

  test('every alert of the pack is rendered for the fixture and has a firing and a non-firing case', () => {
    expect(alertNames).toEqual(Object.values(ENDPOINT_ALERTS).sort());
    for (const alert of alertNames) {
      expect({ alert, firing: ENDPOINT_RULE_CASES.some((c) => c.alert === alert && c.firing.length > 0), silent: ENDPOINT_RULE_CASES.some((c) => c.alert === alert && c.firing.length === 0) }).toEqual({ alert, firing: true, silent: true });
    }
  });

  test.each(Object.values(ENDPOINT_ALERTS))('%s has a runbook with meaning, impact, first steps and a safe silence', (alert) => {
    const text = fs.readFileSync(path.join(RUNBOOKS, `${alert}.md`), 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${alert}`);
    for (const section of ['## What it means', '## Impact on consumers', '## First steps', '## Silence safely']) expect({ alert, section, present: text.includes(`\n${section}`) }).toEqual({ alert, section, present: true });
    expect(text).toMatch(new RegExp(`amtool silence add[^\`]*alertname=${alert}[^\`]*environment=`));
  });

  test('a member of a redundant group warns when down; an ungrouped endpoint pages', () => {
    const down = alertsOf(rules.rulesFile).filter(({ rule }) => rule.alert === ENDPOINT_ALERTS.down);
    expect(Object.fromEntries(down.map(({ group, rule }) => [group, rule.labels.severity]))).toEqual({
      'endpoint-api': 'critical',
      'endpoint-rpc-a': 'warning',
      'endpoint-rpc-b': 'warning',
      'endpoint-ws': 'critical',
    });
  });

  test('certificate thresholds are awesome-prometheus-alerts\' 20 and 3 days, and only endpoints with TLS get them', () => {
    expect([CERTIFICATE_EXPIRY_WARNING_DAYS, CERTIFICATE_EXPIRY_CRITICAL_DAYS]).toEqual([20, 3]);
    const certificateGroups = alertsOf(rules.rulesFile).filter(({ rule }) => rule.alert === ENDPOINT_ALERTS.certificateExpiringSoon).map(({ group }) => group);
    expect(certificateGroups).toEqual(['endpoint-api', 'endpoint-rpc-a', 'endpoint-ws']);
  });
});

function renderBlackboxModulesFor(endpoint: unknown) {
  return Object.values(renderBlackboxModules(resolveEndpoints(endpointsSchema.parse({ one: endpoint }))));
}

function runToolBlackbox(file: string) {
  return runTool('blackbox_exporter', ['--config.check', `--config.file=${file}`]);
}
