// The PromQL market clock, evaluated by a real Prometheus (query_range over an empty database: the expressions
// read only time()), against Node's ICU time zone data for two whole years of New York time, daylight saving
// changes included, and against hand-picked instants.
import * as fs from 'fs';
import * as path from 'path';
import { FX_MARKET_CLOSURE, GLOBEX_MARKET_CLOSURE, US_EQUITY_MARKET_CLOSURE } from '../../../constructs/alerting/alertmanager/market-hours';
import type { MarketClosure, TimeIntervalSpec } from '../../../constructs/alerting/alertmanager/routing-model';
import { localClockRule, localClockSelector, marketOpenExpr, timeZoneOf } from '../../../constructs/alerting/rules/market-clock';
import { ValidationError } from '../../../constructs/core/validation-error';
import { freePort, httpOk, ServerProcess, temporaryDirectory, waitFor } from '../../../scripts/alert-path/local-servers';
import { toolPath } from '../../support/tools';

const CLOSURES: ReadonlyArray<readonly [string, MarketClosure]> = [
  ['US equity', US_EQUITY_MARKET_CLOSURE],
  ['FX', FX_MARKET_CLOSURE],
  ['CME Globex', GLOBEX_MARKET_CLOSURE],
];
const STEP_SECONDS = 1800;
/** 2026 and 2027, in chunks under Prometheus' 11,000 points per query_range. */
const CHUNKS = [0, 1, 2, 3].map((quarter) => {
  const start = Date.UTC(2026, 0, 1) / 1000 + quarter * 183 * 86_400;
  return { start, end: start + 183 * 86_400 - STEP_SECONDS };
});

let prometheus: ServerProcess;
let url: string;
let directory: string;

beforeAll(async () => {
  directory = temporaryDirectory('feedops-market-clock-');
  const config = path.join(directory, 'prometheus.yml');
  fs.writeFileSync(config, 'global: {}\n');
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  prometheus = ServerProcess.start('prometheus', toolPath('prometheus'), [`--config.file=${config}`, `--storage.tsdb.path=${path.join(directory, 'data')}`, `--web.listen-address=127.0.0.1:${port}`]);
  await waitFor(async () => prometheus.exited || (await httpOk(`${url}/-/ready`)), 30_000, () => `prometheus did not become ready:\n${prometheus.log}`);
  if (prometheus.exited) throw new Error(`prometheus exited:\n${prometheus.log}`);
});

afterAll(async () => {
  await prometheus?.stop();
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
});

/** The market-open expression with its clock selector replaced by the clock rule's own expression: what the two chained rules compute. */
function selfContained(closure: MarketClosure): string {
  const zone = timeZoneOf(closure.closed[0]);
  return marketOpenExpr(closure).split(localClockSelector(zone)).join(`(${localClockRule(zone).expr})`);
}

async function queryRange(expr: string, start: number, end: number): Promise<Map<number, number>> {
  const params = new URLSearchParams({ query: expr, start: String(start), end: String(end), step: String(STEP_SECONDS) });
  const response = await fetch(`${url}/api/v1/query_range`, { method: 'POST', body: params });
  const body = (await response.json()) as { status: string; error?: string; data: { result: Array<{ values: Array<[number, string]> }> } };
  if (body.status !== 'success') throw new Error(`query_range failed: ${body.error}`);
  expect(body.data.result).toHaveLength(1);
  return new Map(body.data.result[0].values.map(([time, value]) => [time, Number(value)]));
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NEW_YORK = 'America/New_York';
const newYorkParts = new Intl.DateTimeFormat('en-US', { timeZone: NEW_YORK, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** New York's UTC offset at `unixSeconds`, from ICU: the wall-clock fields read as UTC, minus the instant. */
function newYorkOffsetSeconds(unixSeconds: number): number {
  const parts = Object.fromEntries(newYorkParts.formatToParts(new Date(unixSeconds * 1000)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) / 1000 - unixSeconds;
}

/** Alertmanager's reading of the intervals the closures use (weekdays and times), on wall-clock fields. */
function closedAtWallClock(closure: MarketClosure, wallClock: Date): boolean {
  const day = wallClock.getUTCDay();
  const minuteOfDay = wallClock.getUTCHours() * 60 + wallClock.getUTCMinutes();
  return closure.closed.some((spec: TimeIntervalSpec) => {
    const onDay = (spec.weekdays ?? ['sunday:saturday']).some((range) => {
      const [from, to = from] = range.split(':').map((name) => WEEKDAYS.indexOf(name));
      return day >= from && day <= to;
    });
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
    return onDay && (spec.times ?? [{ start: '00:00', end: '24:00' }]).some((range) => minuteOfDay >= minutes(range.start) && minuteOfDay < minutes(range.end));
  });
}

// Prometheus evaluates the market rule on the recorded clock, so each is checked on its own: the clock against ICU
// at every instant, the market rule on every wall-clock time (its clock replaced by time() read as wall-clock time).
test('the New York clock is UTC plus ICU\'s New York offset every 30 minutes of 2026 and 2027, across every daylight-saving change', async () => {
  const rule = localClockRule(NEW_YORK);
  const disagreements: string[] = [];
  const offsets = new Set<number>();
  for (const { start, end } of CHUNKS) {
    const values = await queryRange(rule.expr, start, end);
    for (let time = start; time <= end; time += STEP_SECONDS) {
      const expected = time + newYorkOffsetSeconds(time);
      offsets.add(expected - time);
      if (values.get(time) !== expected) disagreements.push(`${new Date(time * 1000).toISOString()}: PromQL ${values.get(time)! - time}, ICU ${expected - time}`);
    }
  }
  expect(disagreements.slice(0, 10)).toEqual([]);
  expect([...offsets].sort((a, b) => a - b)).toEqual([-18000, -14400]);
});

test('the UTC clock is time() itself', () => {
  expect(localClockRule('UTC').expr).toBe('vector(time())');
});

describe.each(CLOSURES)('%s hours in PromQL', (_name, closure) => {
  test('open and closed exactly as the closure says at every 30 minutes of wall-clock time in 2026 and 2027', async () => {
    for (const spec of closure.closed) expect({ daysOfMonth: spec.daysOfMonth, months: spec.months, years: spec.years }).toEqual({ daysOfMonth: undefined, months: undefined, years: undefined });
    const expr = marketOpenExpr(closure).split(localClockSelector(timeZoneOf(closure.closed[0]))).join('vector(time())');
    const disagreements: string[] = [];
    let open = 0;
    let points = 0;
    for (const { start, end } of CHUNKS) {
      const values = await queryRange(expr, start, end);
      for (let time = start; time <= end; time += STEP_SECONDS) {
        const expected = closedAtWallClock(closure, new Date(time * 1000)) ? 0 : 1;
        points += 1;
        open += expected;
        if (values.get(time) !== expected) disagreements.push(`${new Date(time * 1000).toISOString()} (wall clock): PromQL ${values.get(time)}, expected ${expected}`);
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // Both states occur, so the comparison means something.
    expect(points).toBe((CHUNKS.length * 183 * 86_400) / STEP_SECONDS);
    expect(open > 0 && open < points).toBe(true);
  });
});

describe('hand-picked instants', () => {
  // UTC instant -> open?; New York is UTC-5 in winter and UTC-4 from 8 March to 1 November 2026.
  const INSTANTS: ReadonlyArray<readonly [string, MarketClosure, string, number]> = [
    ['Friday 6 March 2026 09:29 EST', US_EQUITY_MARKET_CLOSURE, '2026-03-06T14:29:00Z', 0],
    ['Friday 6 March 2026 09:30 EST', US_EQUITY_MARKET_CLOSURE, '2026-03-06T14:30:00Z', 1],
    ['Monday 9 March 2026 09:30 EDT (the day after the change)', US_EQUITY_MARKET_CLOSURE, '2026-03-09T13:30:00Z', 1],
    ['Monday 9 March 2026 15:59 EDT', US_EQUITY_MARKET_CLOSURE, '2026-03-09T19:59:00Z', 1],
    ['Monday 9 March 2026 16:00 EDT', US_EQUITY_MARKET_CLOSURE, '2026-03-09T20:00:00Z', 0],
    ['Monday 2 November 2026 09:30 EST (the day after the change back)', US_EQUITY_MARKET_CLOSURE, '2026-11-02T14:30:00Z', 1],
    ['Monday 2 November 2026 09:29 EST', US_EQUITY_MARKET_CLOSURE, '2026-11-02T14:29:00Z', 0],
    ['Saturday 11 July 2026 12:00 EDT', US_EQUITY_MARKET_CLOSURE, '2026-07-11T16:00:00Z', 0],
    ['Friday 10 July 2026 16:59 EDT', FX_MARKET_CLOSURE, '2026-07-10T20:59:00Z', 1],
    ['Friday 10 July 2026 17:00 EDT', FX_MARKET_CLOSURE, '2026-07-10T21:00:00Z', 0],
    ['Sunday 12 July 2026 17:00 EDT', FX_MARKET_CLOSURE, '2026-07-12T21:00:00Z', 1],
    ['Sunday 11 January 2026 16:59 EST', FX_MARKET_CLOSURE, '2026-01-11T21:59:00Z', 0],
    ['Tuesday 13 January 2026 17:30 EST (Globex maintenance break)', GLOBEX_MARKET_CLOSURE, '2026-01-13T22:30:00Z', 0],
    ['Tuesday 13 January 2026 18:00 EST', GLOBEX_MARKET_CLOSURE, '2026-01-13T23:00:00Z', 1],
    ['Sunday 12 July 2026 18:00 EDT', GLOBEX_MARKET_CLOSURE, '2026-07-12T22:00:00Z', 1],
  ];

  test.each(INSTANTS)('%s', async (_name, closure, instant, open) => {
    const time = Date.parse(instant) / 1000;
    const values = await queryRange(selfContained(closure), time, time);
    expect(values.get(time)).toBe(open);
  });
});

describe('what PromQL cannot state fails with the field', () => {
  test('fails for a zone without a PromQL clock', () => {
    const run = () => marketOpenExpr({ closed: [{ weekdays: ['saturday'], location: 'Europe/London' }] }, 'test');
    expect(run).toThrow(ValidationError);
    expect(run).toThrow('test: closed[0].location: "Europe/London" (allowed: one of UTC, America/New_York (a zone with a PromQL clock))');
  });

  test('fails for intervals in two zones', () => {
    expect(() => marketOpenExpr({ closed: [{ weekdays: ['saturday'], location: 'America/New_York' }, { weekdays: ['sunday'] }] }, 'test')).toThrow(
      'test: closed: "America/New_York, UTC" (allowed: intervals in one time zone)',
    );
  });

  test('fails for a weekday it does not know', () => {
    expect(() => marketOpenExpr({ closed: [{ weekdays: ['funday'] }] }, 'test')).toThrow('test: closed[0].weekdays[0]: "funday"');
  });
});

test('holiday fields (years, months, days of month counted from either end) evaluate as Alertmanager reads them', async () => {
  // Closed on the last two days of every December 2026 (New York), and every 4 July.
  const closure: MarketClosure = {
    closed: [
      { years: ['2026'], months: ['december'], daysOfMonth: ['-2:-1'], location: 'America/New_York' },
      { months: ['7'], daysOfMonth: ['4'], location: 'America/New_York' },
    ],
  };
  const at = async (instant: string) => {
    const time = Date.parse(instant) / 1000;
    return (await queryRange(selfContained(closure), time, time)).get(time);
  };
  expect(await at('2026-12-30T12:00:00Z')).toBe(0);
  expect(await at('2026-12-29T12:00:00Z')).toBe(1);
  // 00:30 UTC on 1 January is still 31 December in New York.
  expect(await at('2027-01-01T00:30:00Z')).toBe(0);
  expect(await at('2027-12-30T12:00:00Z')).toBe(1);
  expect(await at('2027-07-04T15:00:00Z')).toBe(0);
  expect(await at('2027-07-05T03:30:00Z')).toBe(0);
  expect(await at('2027-07-05T04:30:00Z')).toBe(1);
});
