import { OBSERVER_NAME } from '../../constructs/price-feeds/observer/observer-manifests';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { alertRoutingModel } from '../../stacks/alert-routing';
import { AlertPath } from '../alert-path/alert-path';
import { waitFor } from '../alert-path/local-servers';
import { ObserverSimulator } from '../alert-path/observer-simulator';
import type { StaleFeedAlerting } from '../alert-path/synthesized-alerting';

/**
 * Seconds from the moment a feed stops updating to its Slack page, through real Prometheus and Alertmanager run
 * with what the synthesized stacks deploy: the PrometheusRules, the scrape and evaluation intervals and the
 * Alertmanager configuration (so its group_wait) of `alerting.environment`.
 */
export async function measureStaleFeedLatency(
  alerting: StaleFeedAlerting,
  binaries: { prometheus: string; alertmanager: string },
): Promise<number> {
  const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((e) => e.name === alerting.environment);
  if (!env) throw new Error(`no ${alerting.environment} environment to measure`);
  const symbol = Object.keys(env.priceFeeds.feeds).find((name) => name.startsWith('Crypto.'));
  if (!symbol) throw new Error(`${env.name} has no crypto feed to stop`);
  const observer = new ObserverSimulator(Object.keys(env.priceFeeds.feeds));
  const alertPath = await AlertPath.start({
    rules: alerting.rulesFile,
    routing: alertRoutingModel(env),
    alertmanagerConfig: alerting.alertmanagerConfig,
    scrapeInterval: alerting.scrapeInterval,
    evaluationInterval: alerting.evaluationInterval,
    externalLabels: { environment: env.name },
    job: OBSERVER_NAME,
    metrics: () => observer.render(),
    binaries,
  });
  try {
    // Let a few scrapes land, then stop the feed at a random phase of the scrape and evaluation cycles.
    await sleep(20_000 + Math.random() * 15_000);
    const stoppedAt = observer.stopFeed(symbol);
    const paged = () =>
      alertPath.slackMessages(alerting.receiver).find((m) => (m.payload.attachments?.[0]?.title ?? '').includes(alerting.staleRule.alert));
    await waitFor(() => paged() !== undefined, 300_000, () => `no page within 300 s\n${alertPath.logs}`);
    return (paged()!.receivedAt - stoppedAt) / 1000;
  } finally {
    await alertPath.stop();
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
