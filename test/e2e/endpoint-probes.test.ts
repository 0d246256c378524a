// Endpoint probes end to end with the real servers on 127.0.0.1: a local HTTPS service the test switches to errors,
// slow answers and certificates about to expire -> the real blackbox exporter with the modules the endpoint pack
// renders -> Prometheus scraping the rendered Probes with the rendered rules -> Alertmanager with prod's routing ->
// the Slack stand-in. Probe interval, evaluation, `for` and grouping are shortened; everything else is as rendered.
import { renderBlackboxModules } from '../../constructs/endpoints/blackbox-modules';
import { ENDPOINT_ALERTS } from '../../constructs/endpoints/endpoint-rules';
import { renderProbes } from '../../constructs/endpoints/probes';
import { resolveEndpoints } from '../../constructs/endpoints/resolve-endpoints';
import { endpointsSchema } from '../../constructs/endpoints/schema';
import { Duration } from '../../constructs/core/duration';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { AlertPath, SlackMessage } from '../../scripts/alert-path/alert-path';
import { waitFor } from '../../scripts/alert-path/local-servers';
import { BlackboxExporterProcess, probeScrapeConfig, selfSignedCertificate, SwitchableHttpsServer } from '../../scripts/alert-path/probe-harness';
import { withShortPendingDurations } from '../../scripts/alert-path/shorten-rules';
import { renderEndpointRules } from '../../constructs/endpoints/endpoint-rules';
import type { RulesFile } from '../../constructs/alerting/rules/render-rules';
import { alertRoutingModel } from '../../stacks/alert-routing';
import { toolPath } from '../support/tools';

const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((e) => e.name === 'prod')!;
const TEAM = 'platform';
const CRITICAL = env.alerting.routing.byTeam![TEAM]!.critical!;
const WARNING = env.alerting.routing.byTeam![TEAM]!.warning!;
const fast = { groupWait: Duration.seconds(1), groupInterval: Duration.seconds(1) };

const longLived = selfSignedCertificate(365);
const expiringIn10Days = selfSignedCertificate(10);
const expiringIn2Days = selfSignedCertificate(2);

let server: SwitchableHttpsServer;
let blackbox: BlackboxExporterProcess;
let alertPath: AlertPath;

beforeAll(async () => {
  server = await SwitchableHttpsServer.start(longLived);
  // The same schema as environment files, so the endpoints under test are valid configuration.
  const endpoints = endpointsSchema.parse({
    'local-api': { kind: 'http', url: server.url('/ready'), team: TEAM, latencyObjectiveSeconds: 0.5, interval: '5s' },
    'local-rpc-a': { kind: 'jsonrpc', url: server.url('/rpc-a'), method: 'eth_blockNumber', expectedResult: '"0x[0-9a-f]+"', team: TEAM, latencyObjectiveSeconds: 2, group: 'local-rpc', interval: '5s' },
    'local-rpc-b': { kind: 'jsonrpc', url: server.url('/rpc-b'), method: 'eth_blockNumber', expectedResult: '"0x[0-9a-f]+"', team: TEAM, latencyObjectiveSeconds: 2, group: 'local-rpc', interval: '5s' },
  });
  const resolved = resolveEndpoints(endpoints);
  blackbox = await BlackboxExporterProcess.start(toolPath('blackbox_exporter'), renderBlackboxModules(resolved), [longLived, expiringIn10Days, expiringIn2Days].map((c) => c.cert).join('\n'));
  const probes = renderProbes(resolved, { namespace: 'monitors', proberAddress: 'in-cluster-address:9115' });
  const rules = renderEndpointRules(resolved, { environment: env.name, namespace: 'monitors', runbookBaseUrl: env.alerting.runbookBaseUrl }).rulesFile;
  alertPath = await AlertPath.start({
    rules: shortenedExceptAbsent(rules),
    routing: { ...alertRoutingModel(env), timing: { critical: fast, warning: fast, info: fast } },
    scrapeInterval: '5s',
    evaluationInterval: '1s',
    resendDelay: '2s',
    externalLabels: { environment: env.name },
    job: 'idle',
    metrics: () => '',
    extraScrapeConfigs: probes.map((probe) => probeScrapeConfig(probe, blackbox.address)),
    binaries: { prometheus: toolPath('prometheus'), alertmanager: toolPath('alertmanager') },
  });
}, 90_000);

/** Every `for` capped at 3 s except EndpointProbeAbsent's (rendered 10m): the first probe lands after 3 s. */
function shortenedExceptAbsent(rules: RulesFile): RulesFile {
  const short = withShortPendingDurations(rules, 3);
  return {
    groups: short.groups.map((group, g) => ({
      ...group,
      rules: group.rules.map((rule, r) => ('alert' in rule && rule.alert === ENDPOINT_ALERTS.probeAbsent ? rules.groups[g].rules[r] : rule)),
    })),
  };
}

afterAll(async () => {
  await Promise.allSettled([alertPath?.stop(), blackbox?.stop(), server?.stop()]);
});

const logs = () => `${alertPath.logs}\n--- blackbox\n${blackbox.log}`;
const titleOf = (m: SlackMessage) => m.payload.attachments?.[0]?.title ?? '';
const messages = (receiver: string, alert: string, status: 'FIRING' | 'RESOLVED') =>
  alertPath.slackMessages(receiver).filter((m) => titleOf(m).includes(alert) && titleOf(m).startsWith(`[${status}`));
async function probeSucceeds(endpoint: string, expected: 0 | 1): Promise<boolean> {
  const query = encodeURIComponent(`probe_success{endpoint="${endpoint}"}`);
  const body = (await (await fetch(`${alertPath.prometheusUrl}/api/v1/query?query=${query}`)).json()) as { data: { result: Array<{ value: [number, string] }> } };
  return body.data.result.length === 1 && Number(body.data.result[0].value[1]) === expected;
}

test('the rendered modules probe the healthy service successfully, and nothing alerts', async () => {
  for (const endpoint of ['local-api', 'local-rpc-a', 'local-rpc-b']) {
    await waitFor(() => probeSucceeds(endpoint, 1), 30_000, () => `${endpoint} never probed successfully\n${logs()}`);
  }
  expect(alertPath.slackMessages().map(titleOf)).toEqual([]);
}, 40_000);

test('an endpoint answering 500 pages its team (EndpointDown, critical), then resolves', async () => {
  server.behave('/ready', { kind: 'error', status: 500 });
  await waitFor(() => messages(CRITICAL, ENDPOINT_ALERTS.down, 'FIRING').length > 0, 45_000, () => `no EndpointDown page\n${logs()}`);
  const [page] = messages(CRITICAL, ENDPOINT_ALERTS.down, 'FIRING');
  expect(page.payload.attachments![0].text).toContain('Endpoint local-api is failing its probe');
  expect(page.payload.attachments![0].text).toContain(`<${env.alerting.runbookBaseUrl}/EndpointDown.md|runbook>`);
  server.behave('/ready', { kind: 'ok' });
  await waitFor(() => messages(CRITICAL, ENDPOINT_ALERTS.down, 'RESOLVED').length > 0, 45_000, () => `EndpointDown did not resolve\n${logs()}`);
}, 100_000);

test('slow answers above the latency objective warn (EndpointSlow), then resolve', async () => {
  server.behave('/ready', { kind: 'slow', delayMs: 1200 });
  await waitFor(() => messages(WARNING, ENDPOINT_ALERTS.slow, 'FIRING').length > 0, 45_000, () => `no EndpointSlow warning\n${logs()}`);
  expect(messages(WARNING, ENDPOINT_ALERTS.slow, 'FIRING')[0].payload.attachments![0].text).toContain('slower than its 0.5s objective');
  server.behave('/ready', { kind: 'ok' });
  await waitFor(() => messages(WARNING, ENDPOINT_ALERTS.slow, 'RESOLVED').length > 0, 45_000, () => `EndpointSlow did not resolve\n${logs()}`);
}, 100_000);

test('one provider of a group failing warns; the whole group failing pages (EndpointGroupDown)', async () => {
  server.behave('/rpc-a', { kind: 'error', status: 503 });
  await waitFor(() => messages(WARNING, ENDPOINT_ALERTS.down, 'FIRING').length > 0, 45_000, () => `no EndpointDown warning for the group member\n${logs()}`);
  expect(messages(WARNING, ENDPOINT_ALERTS.down, 'FIRING')[0].payload.attachments![0].text).toContain('local-rpc-a');
  expect(messages(CRITICAL, ENDPOINT_ALERTS.groupDown, 'FIRING')).toEqual([]);

  server.behave('/rpc-b', { kind: 'error', status: 503 });
  await waitFor(() => messages(CRITICAL, ENDPOINT_ALERTS.groupDown, 'FIRING').length > 0, 45_000, () => `no EndpointGroupDown page\n${logs()}`);
  expect(messages(CRITICAL, ENDPOINT_ALERTS.groupDown, 'FIRING')[0].payload.attachments![0].text).toContain('Every provider of local-rpc is failing');
  server.behave('/rpc-a', { kind: 'ok' });
  server.behave('/rpc-b', { kind: 'ok' });
  await waitFor(() => messages(CRITICAL, ENDPOINT_ALERTS.groupDown, 'RESOLVED').length > 0, 45_000, () => `EndpointGroupDown did not resolve\n${logs()}`);
}, 150_000);

test('a certificate with 10 days left warns; with 2 days left it pages', async () => {
  expect(messages(WARNING, ENDPOINT_ALERTS.certificateExpiringSoon, 'FIRING')).toEqual([]);
  server.useCertificate(expiringIn10Days);
  await waitFor(() => messages(WARNING, ENDPOINT_ALERTS.certificateExpiringSoon, 'FIRING').length > 0, 45_000, () => `no certificate warning\n${logs()}`);
  expect(messages(WARNING, ENDPOINT_ALERTS.certificateExpiringSoon, 'FIRING')[0].payload.attachments![0].text).toMatch(/expires in (9|10)\.\d days/);

  server.useCertificate(expiringIn2Days);
  await waitFor(() => messages(CRITICAL, ENDPOINT_ALERTS.certificateExpiringCritical, 'FIRING').length > 0, 45_000, () => `no certificate page\n${logs()}`);
  expect(messages(CRITICAL, ENDPOINT_ALERTS.certificateExpiringCritical, 'FIRING')[0].payload.attachments![0].text).toMatch(/expires in (1|2)\.\d days/);
}, 100_000);
