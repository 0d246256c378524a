import * as fs from 'fs';
import { DEFAULT_ROUTE_TIMING } from '../../../constructs/alerting/alertmanager/defaults';
import type { MarketClosure } from '../../../constructs/alerting/alertmanager/routing-model';
import { Duration } from '../../../constructs/core/duration';
import { delivery, ENVIRONMENTS } from '../../../environments';
import { validateEnvironments } from '../../../environments/validate';
import { LocalAlertmanager, PostedAlert } from '../../../scripts/alert-path/local-alertmanager';
import { temporaryDirectory, waitFor } from '../../../scripts/alert-path/local-servers';
import { alertRoutingModel } from '../../../stacks/alert-routing';
import { environmentPriceFeeds } from '../../../stacks/environment-monitors';
import { AmtoolConfigFile } from './support/amtool-config-file';
import { MinuteShiftedZone } from './support/minute-shifted-zone';
import { toolPath } from '../../support/tools';

/*
 * A market open on a real Alertmanager (127.0.0.1) with prod's rendered routing: an Equity closure that ended about
 * 40 s before the start, with the smallest opening hold Alertmanager's minute-granular intervals allow (1m; prod keeps its own),
 * so the test runs inside the hold and crosses its end. Alerts are posted as Prometheus posts them, firing "all night":
 *   - a feed whose staleness clears after the open, within the hold, must never reach Slack (no FIRING, no RESOLVED);
 *   - a feed still not trading when the hold ends must page then, and not before.
 * Without the hold the market is open for the whole test and both feeds page as soon as they are posted.
 * The closure is written in a zone whose minutes start when the test needs them to (MinuteShiftedZone), so the hold
 * ends HOLD_ENDS_AFTER_MS after the start instead of at the next wall-clock minute.
 * Prod's timings except the critical group_interval, 1m -> 10s: the first unmuted flush then follows the end of the
 * hold within 10 s whatever the groups' phase, so without the hold the clearing feed would page every run, and the
 * test waits less.
 */
const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((candidate) => candidate.name === 'prod')!;
const feeds = environmentPriceFeeds(env);
const FEEDS_CRITICAL = env.alerting.routing.byTeam![feeds.team]!.critical!;

const TEST_HOLD = Duration.minutes(1);
const GROUP_INTERVAL = Duration.seconds(10);
/** Prod's critical group_wait. */
const GROUP_WAIT_MS = DEFAULT_ROUTE_TIMING.critical.groupWait.toSeconds() * 1000;
/** Time for Alertmanager to start, take the alerts and flush (muted) before the hold ends. */
const HOLD_ENDS_AFTER_MS = 20_000;
/** The held alerts are checked this long before the hold ends ... */
const CHECKED_BEFORE_END_MS = 9_000;
/** ... and the clearing feed's first trading update has gone through the observer, scrape and evaluation this long before it. */
const CLEARS_BEFORE_END_MS = 6_000;
/** Prometheus re-sends its alerts every resend delay; shortened like the intervals. */
const RESEND_MS = 5_000;

const CLEARS = 'Equity.US.AAPL/USD';
const STILL_NOT_TRADING = 'Equity.US.SPY/USD';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Closed from local 00:00 of the open's day (of the day before, for an open at midnight) until the open. */
function closureUntil(open: number, zone: MinuteShiftedZone): MarketClosure {
  const lastClosedMinute = zone.wallClock(open - 60_000);
  const end = zone.wallClock(open).toISOString().slice(11, 16);
  return {
    closed: [{ weekdays: [WEEKDAYS[lastClosedMinute.getUTCDay()]], times: [{ start: '00:00', end: end === '00:00' ? '24:00' : end }], location: MinuteShiftedZone.NAME }],
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

const zoneDirectory = temporaryDirectory('feedops-zoneinfo-');
let zone: MinuteShiftedZone;
let alertmanager: LocalAlertmanager;
let holdEnds: number;
let poster: NodeJS.Timeout | undefined;
let clearing: NodeJS.Timeout | undefined;

beforeAll(async () => {
  holdEnds = Math.ceil((Date.now() + HOLD_ENDS_AFTER_MS) / 1000) * 1000;
  zone = MinuteShiftedZone.write(zoneDirectory, holdEnds);
  const open = holdEnds - TEST_HOLD.toSeconds() * 1000;
  alertmanager = await LocalAlertmanager.start(
    {
      ...alertRoutingModel(env),
      marketClosures: { Equity: closureUntil(open, zone) },
      timing: { critical: { groupInterval: GROUP_INTERVAL } },
    },
    toolPath('alertmanager'),
    { ZONEINFO: zone.zoneinfo },
  );
  const startsAt = new Date(Date.now() - 8 * 60 * 60_000).toISOString();
  const clearedAt = holdEnds - CLEARS_BEFORE_END_MS;
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
  // Prometheus sends a resolved alert at the evaluation that resolves it.
  clearing = setTimeout(post, clearedAt - Date.now());
  if (Date.now() > holdEnds - CHECKED_BEFORE_END_MS - 1_000) {
    throw new Error(`Alertmanager took too long to start: the hold ends in ${holdEnds - Date.now()} ms; raise HOLD_ENDS_AFTER_MS`);
  }
}, 40_000);

afterAll(async () => {
  if (poster) clearInterval(poster);
  if (clearing) clearTimeout(clearing);
  await alertmanager?.stop();
  fs.rmSync(zoneDirectory, { recursive: true, force: true });
});

test('amtool accepts the configuration with the simulated closure and its hold', () => {
  const file = AmtoolConfigFile.write(alertmanager.config);
  try {
    const result = file.checkConfig({ ZONEINFO: zone.zoneinfo });
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  } finally {
    file.remove();
  }
});

test('the overnight alerts reach Alertmanager and nothing is sent during the opening hold', async () => {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, holdEnds - CHECKED_BEFORE_END_MS - Date.now())));
  const held = (await alertmanager.alerts()).map((alert) => alert.labels.symbol).sort();
  expect(held).toEqual([CLEARS, STILL_NOT_TRADING]);
  expect(alertmanager.slackMessages()).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, holdEnds - 500 - Date.now())));
  expect(alertmanager.slackMessages()).toEqual([]);
}, 60_000);

test('a feed still not trading when the opening hold ends pages the critical channel then, not at the open', async () => {
  const pages = () => alertmanager.slackMessages(FEEDS_CRITICAL).filter((message) => message.text.includes(STILL_NOT_TRADING));
  await waitFor(() => pages().length > 0, holdEnds + 30_000 - Date.now(), () => `no page\n${alertmanager.log}`);
  const [page] = pages();
  expect(page.title).toMatch(/^\[FIRING:1\] critical PythPriceFeedNotTrading in prod/);
  expect(page.receivedAt).toBeGreaterThanOrEqual(holdEnds);
}, 60_000);

test('a feed whose staleness clears after the open, within the hold, never reaches Slack: no FIRING, no RESOLVED', async () => {
  // Past the hold by a group interval and a group_wait (a group created again by a re-sent resolved alert): every
  // group has flushed unmuted by then.
  const settled = holdEnds + GROUP_INTERVAL.toSeconds() * 1000 + GROUP_WAIT_MS + 2_000;
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
}, 60_000);
