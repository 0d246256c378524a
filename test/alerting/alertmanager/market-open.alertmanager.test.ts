import { DEFAULT_ROUTE_TIMING } from '../../../constructs/alerting/alertmanager/defaults';
import type { MarketClosure } from '../../../constructs/alerting/alertmanager/routing-model';
import { Duration } from '../../../constructs/core/duration';
import { delivery, ENVIRONMENTS } from '../../../environments';
import { validateEnvironments } from '../../../environments/validate';
import { LocalAlertmanager, PostedAlert } from '../../../scripts/alert-path/local-alertmanager';
import { waitFor } from '../../../scripts/alert-path/local-servers';
import { alertRoutingModel } from '../../../stacks/alert-routing';
import { environmentPriceFeeds } from '../../../stacks/monitors-stack';
import { AmtoolConfigFile } from './support/amtool-config-file';
import { toolPath } from '../../support/tools';

/*
 * A simulated market open on a real Alertmanager (127.0.0.1) with prod's rendered routing: an Equity closure that
 * ends at the next wall-clock minute (UTC), with the smallest opening hold Alertmanager's minute-granular intervals
 * allow (1m; prod keeps its own). Alerts are posted as Prometheus posts them, firing "all night" before the open:
 *   - a feed whose staleness clears just after the open must never reach Slack (no FIRING, no RESOLVED);
 *   - a feed still not trading when the hold ends must page then, and not before.
 * Prod's timings except the critical group_interval, 1m -> 10s: the first unmuted flush then follows the open within
 * 10 s whatever the groups' phase, so without the hold the clearing feed would page every run (with 1m it paged in
 * about half the groups), and the test waits less.
 */
const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((candidate) => candidate.name === 'prod')!;
const feeds = environmentPriceFeeds(env);
const FEEDS_CRITICAL = env.alerting.routing.byTeam![feeds.team]!.critical!;

const MINUTE_MS = 60_000;
const TEST_HOLD = Duration.minutes(1);
const GROUP_INTERVAL = Duration.seconds(10);
/** Prod's critical group_wait. */
const GROUP_WAIT_MS = DEFAULT_ROUTE_TIMING.critical.groupWait.toSeconds() * 1000;
/** Alerts are posted this long before the open at least, so Alertmanager holds them behind the closure first. */
const MIN_LEAD_MS = 10_000;
/** Prometheus re-sends its alerts every resend delay; shortened like the intervals. */
const RESEND_MS = 5_000;
/** When the clearing feed's first trading update has gone through the observer, scrape and evaluation. */
const CLEARS_AFTER_OPEN_MS = 20_000;

const CLEARS = 'Equity.US.AAPL/USD';
const STILL_NOT_TRADING = 'Equity.US.SPY/USD';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The next minute boundary at least MIN_LEAD_MS away. */
function nextOpen(now: number): number {
  const boundary = Math.ceil(now / MINUTE_MS) * MINUTE_MS;
  return boundary - now < MIN_LEAD_MS ? boundary + MINUTE_MS : boundary;
}

/** Closed from 00:00 UTC of the open's day (of the day before, for an open at midnight) until the open. */
function closureUntil(open: number): MarketClosure {
  const lastClosedMinute = new Date(open - MINUTE_MS);
  const end = new Date(open).toISOString().slice(11, 16);
  return {
    closed: [{ weekdays: [WEEKDAYS[lastClosedMinute.getUTCDay()]], times: [{ start: '00:00', end: end === '00:00' ? '24:00' : end }], location: 'UTC' }],
    openingHold: TEST_HOLD,
  };
}

const overnight = (alertname: string, symbol: string) => ({
  alertname,
  symbol,
  asset_type: 'Equity',
  severity: 'critical',
  team: feeds.team,
  environment: env.name,
});

let alertmanager: LocalAlertmanager;
let open: number;
let poster: NodeJS.Timeout | undefined;

beforeAll(async () => {
  open = nextOpen(Date.now());
  alertmanager = await LocalAlertmanager.start(
    {
      ...alertRoutingModel(env),
      marketClosures: { Equity: closureUntil(open) },
      timing: { critical: { groupInterval: GROUP_INTERVAL } },
    },
    toolPath('alertmanager'),
  );
  const startsAt = new Date(Date.now() - 8 * 60 * MINUTE_MS).toISOString();
  const clearedAt = open + CLEARS_AFTER_OPEN_MS;
  const post = () => {
    const now = Date.now();
    const firingUntil = new Date(now + 4 * RESEND_MS).toISOString();
    const alerts: PostedAlert[] = [
      // Resolved alerts carry the time they resolved, and Prometheus keeps sending them.
      { labels: overnight('PythPriceFeedStale', CLEARS), startsAt, endsAt: now < clearedAt ? firingUntil : new Date(clearedAt).toISOString() },
      { labels: overnight('PythPriceFeedNotTrading', STILL_NOT_TRADING), startsAt, endsAt: firingUntil },
    ];
    alertmanager.post(alerts).catch((error) => console.error(error));
  };
  post();
  poster = setInterval(post, RESEND_MS);
}, 40_000);

afterAll(async () => {
  if (poster) clearInterval(poster);
  await alertmanager?.stop();
});

test('amtool accepts the configuration with the simulated closure and its hold', () => {
  const file = AmtoolConfigFile.write(alertmanager.config);
  try {
    const result = file.checkConfig();
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  } finally {
    file.remove();
  }
});

test('the overnight alerts reach Alertmanager and nothing is sent while the market is closed', async () => {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, open - 1_000 - Date.now())));
  const held = (await alertmanager.alerts()).map((alert) => alert.labels.symbol).sort();
  expect(held).toEqual([CLEARS, STILL_NOT_TRADING]);
  expect(alertmanager.slackMessages()).toEqual([]);
}, 90_000);

test('a feed still not trading when the opening hold ends pages the critical channel then, not at the open', async () => {
  const pages = () => alertmanager.slackMessages(FEEDS_CRITICAL).filter((message) => message.text.includes(STILL_NOT_TRADING));
  await waitFor(() => pages().length > 0, open + TEST_HOLD.toSeconds() * 1000 + 30_000 - Date.now(), () => `no page\n${alertmanager.log}`);
  const [page] = pages();
  expect(page.title).toMatch(/^\[FIRING:1\] critical PythPriceFeedNotTrading in prod/);
  expect(page.receivedAt).toBeGreaterThanOrEqual(open + TEST_HOLD.toSeconds() * 1000);
}, 180_000);

test('a feed whose staleness clears just after the open never reaches Slack: no FIRING, no RESOLVED', async () => {
  // Past the hold by a group interval and a group_wait (a group created again by a re-sent resolved alert): every
  // group has flushed unmuted by then.
  const settled = open + TEST_HOLD.toSeconds() * 1000 + GROUP_INTERVAL.toSeconds() * 1000 + GROUP_WAIT_MS + 2_000;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, settled - Date.now())));
  // Alertmanager saw it resolve (it lists firing alerts only) ...
  expect((await alertmanager.alerts()).map((alert) => alert.labels.symbol)).toEqual([STILL_NOT_TRADING]);
  // ... and sent nothing about it.
  const mentions = alertmanager.slackMessages().filter((message) => message.text.includes(CLEARS));
  expect(mentions.map((message) => `${message.receiver}: ${message.title}`)).toEqual([]);
  // Only the feed that is still down paged, once.
  expect(alertmanager.slackMessages().map((message) => `${message.receiver}: ${message.title}`)).toEqual([
    `${FEEDS_CRITICAL}: [FIRING:1] critical PythPriceFeedNotTrading in prod`,
  ]);
}, 180_000);
