// Endpoint probes end to end with the real servers on 127.0.0.1: a local HTTPS service the test switches to errors,
// slow answers and certificates about to expire -> the real blackbox exporter with the modules the endpoint pack
// renders -> Prometheus scraping the rendered Probes with the rendered rules -> Alertmanager with prod's routing ->
// the Slack stand-in. Probe interval, evaluation, `for` and grouping are shortened; everything else is as rendered.
// Each scenario has endpoints of its own, so the scenarios run at the same time once the healthy state is seen.
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
/**
 * Probes every 2 s, not the 5 s minimum the schema allows: Prometheus sends the scrape timeout and the blackbox
 * exporter stops the probe 0.5 s before it, which still leaves the slow answers (1.2 s) room to succeed slowly.
 */
const PROBE_EVERY = '2s';

let server: SwitchableHttpsServer;
/** The certificate scenario swaps certificates, which affects every path of a server: it has its own. */
let certificateServer: SwitchableHttpsServer;
let blackbox: BlackboxExporterProcess;
let alertPath: AlertPath;
/** Slack titles received before any scenario breaks anything. */
let titlesWhileHealthy: string[];
let scenarios: Record<'down' | 'slow' | 'group' | 'certificate', Promise<ScenarioResult>>;

beforeAll(async () => {
  [server, certificateServer] = await Promise.all([SwitchableHttpsServer.start(longLived), SwitchableHttpsServer.start(longLived)]);
  // The same schema as environment files, so the endpoints under test are valid configuration.
  const rpc = (url: string) => ({ kind: 'jsonrpc', url, method: 'eth_blockNumber', expectedResult: '"0x[0-9a-f]+"', team: TEAM, latencyObjectiveSeconds: 2, group: 'local-rpc', interval: '5s' });
  const endpoints = endpointsSchema.parse({
    'local-api': { kind: 'http', url: server.url('/ready'), team: TEAM, latencyObjectiveSeconds: 0.5, interval: '5s' },
    'local-slow-api': { kind: 'http', url: server.url('/slow'), team: TEAM, latencyObjectiveSeconds: 0.5, interval: '5s' },
    'local-rpc-a': rpc(server.url('/rpc-a')),
    'local-rpc-b': rpc(server.url('/rpc-b')),
    'local-tls-api': { kind: 'http', url: certificateServer.url('/ready'), team: TEAM, latencyObjectiveSeconds: 0.5, interval: '5s' },
  });
  const resolved = resolveEndpoints(endpoints);
  blackbox = await BlackboxExporterProcess.start(toolPath('blackbox_exporter'), renderBlackboxModules(resolved), [longLived, expiringIn10Days, expiringIn2Days].map((c) => c.cert).join('\n'));
  const probes = renderProbes(resolved, { namespace: 'monitors', proberAddress: 'in-cluster-address:9115' });
  const rules = renderEndpointRules(resolved, { environment: env.name, namespace: 'monitors', runbookBaseUrl: env.alerting.runbookBaseUrl }).rulesFile;
  alertPath = await AlertPath.start({
    rules: shortenedExceptAbsent(rules),
    routing: { ...alertRoutingModel(env), timing: { critical: fast, warning: fast, info: fast } },
    scrapeInterval: PROBE_EVERY,
    evaluationInterval: '1s',
    resendDelay: '2s',
    externalLabels: { environment: env.name },
    job: 'idle',
    metrics: () => '',
    extraScrapeConfigs: probes.map((probe) => ({ ...probeScrapeConfig(probe, blackbox.address), scrape_interval: PROBE_EVERY, scrape_timeout: PROBE_EVERY })),
    binaries: { prometheus: toolPath('prometheus'), alertmanager: toolPath('alertmanager') },
  });
  for (const endpoint of Object.keys(endpoints)) {
    await waitFor(() => probeSucceeds(endpoint, 1), 30_000, () => `${endpoint} never probed successfully\n${logs()}`);
  }
  titlesWhileHealthy = alertPath.slackMessages().map(titleOf);
  scenarios = { down: settle(endpointDown()), slow: settle(endpointSlow()), group: settle(groupDown()), certificate: settle(certificateExpiring()) };
}, 90_000);

/** Every `for` capped at 3 s except EndpointProbeAbsent's (rendered 10m): the first probe lands after 2 s. */
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
  await Promise.allSettled([alertPath?.stop(), blackbox?.stop(), server?.stop(), certificateServer?.stop()]);
});

const logs = () => `${alertPath.logs}\n--- blackbox\n${blackbox.log}`;
const titleOf = (m: SlackMessage) => m.payload.attachments?.[0]?.title ?? '';
const textOf = (m: SlackMessage) => m.payload.attachments?.[0]?.text ?? '';
/** The receiver's messages of one alert and status; with `about`, only those naming that endpoint or group. */
const messages = (receiver: string, alert: string, status: 'FIRING' | 'RESOLVED', about?: string) =>
  alertPath.slackMessages(receiver).filter((m) => titleOf(m).includes(alert) && titleOf(m).startsWith(`[${status}`) && (about === undefined || textOf(m).includes(about)));
async function probeSucceeds(endpoint: string, expected: 0 | 1): Promise<boolean> {
  const query = encodeURIComponent(`probe_success{endpoint="${endpoint}"}`);
  const body = (await (await fetch(`${alertPath.prometheusUrl}/api/v1/query?query=${query}`)).json()) as { data: { result: Array<{ value: [number, string] }> } };
  return body.data.result.length === 1 && Number(body.data.result[0].value[1]) === expected;
}

/** What a scenario saw, for its test to assert on; a scenario that timed out carries its error instead. */
type ScenarioResult = { pages: Record<string, SlackMessage[]> } | { error: unknown };
const settle = (run: Promise<Record<string, SlackMessage[]>>): Promise<ScenarioResult> => run.then((pages) => ({ pages }), (error: unknown) => ({ error }));
async function outcome(scenario: Promise<ScenarioResult>): Promise<Record<string, SlackMessage[]>> {
  const result = await scenario;
  if ('error' in result) throw result.error;
  return result.pages;
}
const arrives = async (receiver: string, alert: string, status: 'FIRING' | 'RESOLVED', about: string, what: string): Promise<SlackMessage[]> => {
  await waitFor(() => messages(receiver, alert, status, about).length > 0, 45_000, () => `${what}\n${logs()}`);
  return messages(receiver, alert, status, about);
};

async function endpointDown(): Promise<Record<string, SlackMessage[]>> {
  server.behave('/ready', { kind: 'error', status: 500 });
  const firing = await arrives(CRITICAL, ENDPOINT_ALERTS.down, 'FIRING', 'local-api is failing', 'no EndpointDown page');
  server.behave('/ready', { kind: 'ok' });
  const resolved = await arrives(CRITICAL, ENDPOINT_ALERTS.down, 'RESOLVED', 'local-api is failing', 'EndpointDown did not resolve');
  return { firing, resolved };
}

async function endpointSlow(): Promise<Record<string, SlackMessage[]>> {
  server.behave('/slow', { kind: 'slow', delayMs: 1200 });
  const firing = await arrives(WARNING, ENDPOINT_ALERTS.slow, 'FIRING', 'local-slow-api', 'no EndpointSlow warning');
  server.behave('/slow', { kind: 'ok' });
  const resolved = await arrives(WARNING, ENDPOINT_ALERTS.slow, 'RESOLVED', 'local-slow-api', 'EndpointSlow did not resolve');
  return { firing, resolved };
}

async function groupDown(): Promise<Record<string, SlackMessage[]>> {
  server.behave('/rpc-a', { kind: 'error', status: 503 });
  const memberWarning = await arrives(WARNING, ENDPOINT_ALERTS.down, 'FIRING', 'local-rpc-a', 'no EndpointDown warning for the group member');
  const groupPagesWithOneDown = messages(CRITICAL, ENDPOINT_ALERTS.groupDown, 'FIRING');
  server.behave('/rpc-b', { kind: 'error', status: 503 });
  const groupPage = await arrives(CRITICAL, ENDPOINT_ALERTS.groupDown, 'FIRING', 'local-rpc', 'no EndpointGroupDown page');
  server.behave('/rpc-a', { kind: 'ok' });
  server.behave('/rpc-b', { kind: 'ok' });
  const resolved = await arrives(CRITICAL, ENDPOINT_ALERTS.groupDown, 'RESOLVED', 'local-rpc', 'EndpointGroupDown did not resolve');
  return { memberWarning, groupPagesWithOneDown, groupPage, resolved };
}

async function certificateExpiring(): Promise<Record<string, SlackMessage[]>> {
  const warningsWhileLongLived = messages(WARNING, ENDPOINT_ALERTS.certificateExpiringSoon, 'FIRING');
  certificateServer.useCertificate(expiringIn10Days);
  const warning = await arrives(WARNING, ENDPOINT_ALERTS.certificateExpiringSoon, 'FIRING', certificateServer.url('/ready'), 'no certificate warning');
  certificateServer.useCertificate(expiringIn2Days);
  const page = await arrives(CRITICAL, ENDPOINT_ALERTS.certificateExpiringCritical, 'FIRING', certificateServer.url('/ready'), 'no certificate page');
  return { warningsWhileLongLived, warning, page };
}

test('the rendered modules probe the healthy service successfully, and nothing alerts', () => {
  expect(titlesWhileHealthy).toEqual([]);
});

test('an endpoint answering 500 pages its team (EndpointDown, critical), then resolves', async () => {
  const { firing, resolved } = await outcome(scenarios.down);
  expect(textOf(firing[0])).toContain('Endpoint local-api is failing its probe');
  expect(textOf(firing[0])).toContain(`<${env.alerting.runbookBaseUrl}/EndpointDown.md|runbook>`);
  expect(resolved.length).toBeGreaterThan(0);
}, 100_000);

test('slow answers above the latency objective warn (EndpointSlow), then resolve', async () => {
  const { firing, resolved } = await outcome(scenarios.slow);
  expect(textOf(firing[0])).toContain('slower than its 0.5s objective');
  expect(resolved.length).toBeGreaterThan(0);
}, 100_000);

test('one provider of a group failing warns; the whole group failing pages (EndpointGroupDown)', async () => {
  const { memberWarning, groupPagesWithOneDown, groupPage, resolved } = await outcome(scenarios.group);
  expect(textOf(memberWarning[0])).toContain('local-rpc-a');
  expect(groupPagesWithOneDown).toEqual([]);
  expect(textOf(groupPage[0])).toContain('Every provider of local-rpc is failing');
  expect(resolved.length).toBeGreaterThan(0);
}, 150_000);

test('a certificate with 10 days left warns; with 2 days left it pages', async () => {
  const { warningsWhileLongLived, warning, page } = await outcome(scenarios.certificate);
  expect(warningsWhileLongLived).toEqual([]);
  expect(textOf(warning[0])).toMatch(/expires in (9|10)\.\d days/);
  expect(textOf(page[0])).toMatch(/expires in (1|2)\.\d days/);
}, 100_000);
