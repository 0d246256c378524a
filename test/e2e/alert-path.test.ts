// The alert path end to end with the real servers on 127.0.0.1: the observer's metric families -> Prometheus with
// the rules rendered for prod -> Alertmanager with prod's routing -> a local stand-in for Slack and the heartbeat.
// Scrape, evaluation, `for` and grouping intervals are shortened; everything else is as rendered.
import { Duration } from '../../constructs/core/duration';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { AlertPath, SlackMessage } from '../../scripts/alert-path/alert-path';
import { MetricsServer, waitFor } from '../../scripts/alert-path/local-servers';
import { ObserverSimulator } from '../../scripts/alert-path/observer-simulator';
import { withShortPendingDurations } from '../../scripts/alert-path/shorten-rules';
import { alertRoutingModel } from '../../stacks/alert-routing';
import { renderPriceFeedRules } from '../../constructs/price-feeds/rules/price-feed-rules';
import { HERMES_PRICE_LABELS, HERMES_PRICE_METRICS, HERMES_PRICE_PROBE_JOB } from '../../constructs/price-feeds/hermes/hermes-exporter';
import { environmentPriceFeeds } from '../../stacks/environment-monitors';
import { toolPath } from '../support/tools';

const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((e) => e.name === 'prod')!;
const STALE_FEED = 'Crypto.BTC/USD';
const FEEDS_CRITICAL = env.alerting.routing.byTeam![environmentPriceFeeds(env).team]!.critical!;
const fast = { groupWait: Duration.seconds(1), groupInterval: Duration.seconds(1) };

let alertPath: AlertPath;
let hermes: MetricsServer;
const observer = new ObserverSimulator(Object.keys(env.priceFeeds.feeds));

/** A Hermes that keeps up, as json_exporter reports it (the Probe's target labels written into the series). */
function healthyHermes(): string {
  const now = Math.floor(Date.now() / 1000);
  return environmentPriceFeeds(env)
    .feeds.map((feed) => `${HERMES_PRICE_METRICS.publishTime}{${HERMES_PRICE_LABELS.priceId}="${feed.priceId}",${HERMES_PRICE_LABELS.symbol}="${feed.symbol}",${HERMES_PRICE_LABELS.assetType}="${feed.assetType}"} ${now - 2}\n`)
    .join('');
}

beforeAll(async () => {
  hermes = await MetricsServer.start(healthyHermes);
  alertPath = await AlertPath.start({
    rules: withShortPendingDurations(renderPriceFeedRules(environmentPriceFeeds(env)).rulesFile, 1),
    routing: { ...alertRoutingModel(env), timing: { critical: fast, warning: fast, info: fast } },
    scrapeInterval: '500ms',
    evaluationInterval: '500ms',
    // An alert that fires before Prometheus has found Alertmanager is sent again only after this delay.
    resendDelay: '1s',
    externalLabels: { environment: env.name },
    job: 'pyth-observer',
    metrics: () => observer.render(),
    extraScrapeConfigs: [{ job_name: HERMES_PRICE_PROBE_JOB, honor_labels: true, static_configs: [{ targets: [`127.0.0.1:${hermes.port}`] }] }],
    binaries: { prometheus: toolPath('prometheus'), alertmanager: toolPath('alertmanager') },
  });
}, 60_000);

afterAll(async () => {
  await alertPath?.stop();
  await hermes?.stop();
});

const staleMessages = (status: 'FIRING' | 'RESOLVED'): SlackMessage[] =>
  alertPath.slackMessages(FEEDS_CRITICAL).filter((m) => {
    const title = m.payload.attachments?.[0]?.title ?? '';
    return title.includes('PythPriceFeedStale') && title.startsWith(`[${status}`);
  });

// Prometheus hands its notifier the Alertmanager target only after up to 5 s (its discovery update interval), so
// the first page waits for that whatever the intervals: the stale feed goes first and the Watchdog, firing since
// the first evaluation, has usually arrived by the time its test runs.
test('a stale feed pages the feeds channel with summary and runbook, then resolves', async () => {
  observer.feed(STALE_FEED).stalenessSlots = 500;
  await waitFor(() => staleMessages('FIRING').length > 0, 60_000, () => `no stale-feed page\n${alertPath.logs}`);
  const [firing] = staleMessages('FIRING');
  const attachment = firing.payload.attachments![0];
  expect(firing.payload.channel).toBe(env.alerting.slackReceivers[FEEDS_CRITICAL].channel);
  expect(attachment.color).toBe('danger');
  expect(attachment.text).toContain(`Pyth ${STALE_FEED} price is stale: 500 slots without a trading update`);
  expect(attachment.text).toContain(`<${env.alerting.runbookBaseUrl}/PythPriceFeedStale.md|runbook>`);
  expect(attachment.text).toContain(`critical, ${env.name}, ${STALE_FEED}`);

  observer.feed(STALE_FEED).stalenessSlots = 2;
  await waitFor(() => staleMessages('RESOLVED').length > 0, 60_000, () => `no resolved message\n${alertPath.logs}`);
  const [resolved] = staleMessages('RESOLVED');
  expect(resolved.payload.attachments![0].color).toBe('good');
  expect(resolved.payload.attachments![0].text).toContain('RESOLVED');
}, 130_000);

test('the Watchdog reaches the heartbeat receiver', async () => {
  await waitFor(() => alertPath.heartbeats().length > 0, 30_000, () => `no heartbeat\n${alertPath.logs}`);
  const [heartbeat] = alertPath.heartbeats();
  expect(heartbeat.payload.status).toBe('firing');
  expect(heartbeat.payload.alerts.map((a) => a.labels.alertname)).toEqual(['Watchdog']);
  expect(heartbeat.payload.alerts[0].labels.environment).toBe(env.name);
}, 40_000);

test('healthy feeds page nobody', () => {
  const pages = alertPath.slackMessages().filter((m) => !(m.payload.attachments?.[0]?.title ?? '').includes('PythPriceFeedStale'));
  expect(pages.map((m) => m.payload.attachments?.[0]?.title)).toEqual([]);
});
