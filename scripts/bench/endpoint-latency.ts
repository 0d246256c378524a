import { renderBlackboxModules } from '../../constructs/endpoints/blackbox-modules';
import { ENDPOINT_ALERTS, renderEndpointRules } from '../../constructs/endpoints/endpoint-rules';
import { renderProbes } from '../../constructs/endpoints/probes';
import { resolveEndpoints } from '../../constructs/endpoints/resolve-endpoints';
import { endpointsSchema } from '../../constructs/endpoints/schema';
import { PROMETHEUS_EVALUATION_INTERVAL } from '../../constructs/monitoring/kube-prometheus-stack';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { alertRoutingModel } from '../../stacks/alert-routing';
import { AlertPath } from '../alert-path/alert-path';
import { waitFor } from '../alert-path/local-servers';
import { BlackboxExporterProcess, probeScrapeConfig, selfSignedCertificate, SwitchableHttpsServer } from '../alert-path/probe-harness';

/**
 * Seconds from an endpoint starting to fail (answering 500) to the Slack page, with prod's routing, the default probe
 * interval, the production evaluation interval and the rules' own `for`, through the real blackbox exporter,
 * Prometheus and Alertmanager.
 */
export async function measureEndpointDownLatency(binaries: { prometheus: string; alertmanager: string; blackbox: string }): Promise<number> {
  const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((e) => e.name === 'prod');
  if (!env) throw new Error('no prod environment to measure');
  const team = 'platform';
  const receiver = env.alerting.routing.byTeam?.[team]?.critical ?? env.alerting.routing.bySeverity.critical;
  const certificate = selfSignedCertificate(365);
  const server = await SwitchableHttpsServer.start(certificate);
  const endpoints = resolveEndpoints(endpointsSchema.parse({ 'bench-api': { kind: 'http', url: server.url('/ready'), team, latencyObjectiveSeconds: 1 } }));
  let blackbox: BlackboxExporterProcess | undefined;
  let alertPath: AlertPath | undefined;
  try {
    blackbox = await BlackboxExporterProcess.start(binaries.blackbox, renderBlackboxModules(endpoints), certificate.cert);
    const exporter = blackbox;
    alertPath = await AlertPath.start({
      rules: renderEndpointRules(endpoints, { environment: env.name, namespace: 'monitors', runbookBaseUrl: env.alerting.runbookBaseUrl }).rulesFile,
      routing: alertRoutingModel(env),
      scrapeInterval: '30s',
      evaluationInterval: PROMETHEUS_EVALUATION_INTERVAL,
      externalLabels: { environment: env.name },
      job: 'idle',
      metrics: () => '',
      extraScrapeConfigs: renderProbes(endpoints, { namespace: 'monitors', proberAddress: 'unused:9115' }).map((probe) => probeScrapeConfig(probe, exporter.address)),
      binaries,
    });
    const path = alertPath;
    // Let probes land, then fail at a random phase of the probe and evaluation cycles.
    await sleep(35_000 + Math.random() * 30_000);
    server.behave('/ready', { kind: 'error', status: 500 });
    const failedAt = Date.now();
    const paged = () => path.slackMessages(receiver).find((m) => (m.payload.attachments?.[0]?.title ?? '').includes(ENDPOINT_ALERTS.down));
    await waitFor(() => paged() !== undefined, 300_000, () => `no page within 300 s\n${path.logs}\n${exporter.log}`);
    return (paged()!.receivedAt - failedAt) / 1000;
  } finally {
    await Promise.allSettled([alertPath?.stop(), blackbox?.stop(), server.stop()]);
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
