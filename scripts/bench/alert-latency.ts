import { PROMETHEUS_EVALUATION_INTERVAL } from '../../constructs/monitoring/kube-prometheus-stack';
import { OBSERVER_NAME, OBSERVER_SCRAPE_INTERVAL } from '../../constructs/price-feeds/observer/observer-manifests';
import { renderPriceFeedRules } from '../../constructs/price-feeds/rules/price-feed-rules';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { alertRoutingModel } from '../../stacks/alert-routing';
import { environmentPriceFeeds } from '../../stacks/monitors-stack';
import { AlertPath } from '../alert-path/alert-path';
import { waitFor } from '../alert-path/local-servers';
import { ObserverSimulator } from '../alert-path/observer-simulator';

/** Seconds from a feed crossing its staleness limit to the Slack page, with prod's rules, routing and intervals. */
export async function measureStaleFeedLatency(binaries: { prometheus: string; alertmanager: string }): Promise<number> {
  const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((e) => e.name === 'prod');
  if (!env) throw new Error('no prod environment to measure');
  const feeds = environmentPriceFeeds(env);
  const symbol = feeds.feeds[0].symbol;
  const receiver = env.alerting.routing.byTeam?.[feeds.team]?.critical ?? env.alerting.routing.bySeverity.critical;
  const observer = new ObserverSimulator(feeds.feeds.map((feed) => feed.symbol));
  const alertPath = await AlertPath.start({
    rules: renderPriceFeedRules(feeds).rulesFile,
    routing: alertRoutingModel(env),
    scrapeInterval: OBSERVER_SCRAPE_INTERVAL.toPrometheus(),
    evaluationInterval: PROMETHEUS_EVALUATION_INTERVAL,
    externalLabels: { environment: env.name },
    job: OBSERVER_NAME,
    metrics: () => observer.render(),
    binaries,
  });
  try {
    // Let a few scrapes land, then cross the limit at a random phase of the scrape and evaluation cycles.
    await sleep(20_000 + Math.random() * 15_000);
    observer.feed(symbol).stalenessSlots = 10_000;
    const crossedAt = Date.now();
    const paged = () =>
      alertPath.slackMessages(receiver).find((m) => (m.payload.attachments?.[0]?.title ?? '').includes('PythPriceFeedStale'));
    await waitFor(() => paged() !== undefined, 240_000, () => `no page within 240 s\n${alertPath.logs}`);
    return (paged()!.receivedAt - crossedAt) / 1000;
  } finally {
    await alertPath.stop();
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
