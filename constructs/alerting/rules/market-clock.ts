import type { MarketClosure, TimeIntervalSpec } from '../alertmanager/routing-model';
import { describeValue, invalid, ProblemCollector } from '../../core/validation-error';
import type { RecordingRule } from './recording-rule';

/**
 * Market hours in PromQL, from the same `MarketClosure` model Alertmanager mutes with, so a rule can ask "is this
 * market open now?" (Alertmanager's time intervals exist only in Alertmanager). PromQL has no time zones: its date
 * functions read UTC. A recorded local clock per zone (the Unix time shifted by the zone's UTC offset that
 * instant, daylight saving included) makes `hour()`, `day_of_week()` and the rest read local wall-clock fields.
 */

/** The local clock of a zone: `feedops:local_clock:seconds{time_zone="America/New_York"}`. */
export const LOCAL_CLOCK_SERIES = 'feedops:local_clock:seconds';
/** 1 while a market is open, 0 while closed: `feedops:market_open:bool{asset_type="Equity"}`. */
export const MARKET_OPEN_SERIES = 'feedops:market_open:bool';
export const TIME_ZONE_LABEL = 'time_zone';

/** A zone's UTC offset rule. Only rules a PromQL expression can state exactly are here. */
interface TimeZoneRule {
  /** Standard-time offset from UTC, hours. */
  readonly standardOffsetHours: number;
  /** Daylight saving (+1 h) as PromQL over the UTC date of `vector(time())`, as 1/0; absent: none. */
  readonly daylightSaving?: string;
}

const NOW = 'vector(time())';
const utc = (field: 'month' | 'day_of_month' | 'day_of_week' | 'hour') => `${field}(${NOW})`;

/**
 * United States daylight saving since 2007 (Energy Policy Act of 2005): from the second Sunday of March at 02:00
 * standard time (07:00 UTC in New York) to the first Sunday of November at 02:00 daylight time (06:00 UTC). On a
 * UTC date, `day_of_month - day_of_week` is the date of the latest Sunday (<= 0: it was last month).
 */
const US_EASTERN_DAYLIGHT_SAVING = [
  // April to October
  `(${utc('month')} > bool 3) * (${utc('month')} < bool 11)`,
  // March, from the second Sunday 07:00 UTC
  `(${utc('month')} == bool 3) * (${utc('day_of_month')} - ${utc('day_of_week')} >= bool 8)` +
    ` * (1 - (${utc('day_of_week')} == bool 0) * (${utc('day_of_month')} <= bool 14) * (${utc('hour')} < bool 7))`,
  // November, until the first Sunday 06:00 UTC
  `(${utc('month')} == bool 11) * clamp_max((${utc('day_of_month')} - ${utc('day_of_week')} <= bool 0)` +
    ` + (${utc('day_of_week')} == bool 0) * (${utc('day_of_month')} <= bool 7) * (${utc('hour')} < bool 6), 1)`,
]
  .map((term) => `(${term})`)
  .join('\n  + ');

export const TIME_ZONES: Readonly<Record<string, TimeZoneRule>> = {
  UTC: { standardOffsetHours: 0 },
  'America/New_York': { standardOffsetHours: -5, daylightSaving: US_EASTERN_DAYLIGHT_SAVING },
};

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The zone an interval is read in (Alertmanager's default is UTC). */
export function timeZoneOf(spec: TimeIntervalSpec): string {
  return spec.location ?? 'UTC';
}

/** The selector of a zone's recorded local clock. */
export function localClockSelector(timeZone: string): string {
  return `${LOCAL_CLOCK_SERIES}{${TIME_ZONE_LABEL}="${timeZone}"}`;
}

/** The recording rule of a zone's local clock. */
export function localClockRule(timeZone: string): RecordingRule {
  const zone = TIME_ZONES[timeZone];
  if (!zone) invalid('market clock', 'timeZone', `${describeValue(timeZone)} (allowed: one of ${Object.keys(TIME_ZONES).join(', ')}, a zone with a PromQL clock)`);
  const offset = `${zone.standardOffsetHours * 3600}${zone.daylightSaving ? ` + 3600 * (\n  ${zone.daylightSaving}\n)` : ''}`;
  return { record: LOCAL_CLOCK_SERIES, expr: offset === '0' ? NOW : `${NOW} + ${offset}`, labels: { [TIME_ZONE_LABEL]: timeZone } };
}

/**
 * 1 while the market is open, 0 while one of its `closed` intervals holds (Alertmanager's semantics: every field an
 * interval sets must match; `times` end exclusive), read on the recorded local clock of the closure's zone. Throws
 * a ValidationError naming `scope` and the field for what PromQL cannot state here (another zone, mixed zones).
 */
export function marketOpenExpr(closure: MarketClosure, scope = 'market closure'): string {
  const problems = new ProblemCollector(scope);
  const zones = [...new Set(closure.closed.map(timeZoneOf))];
  closure.closed.forEach((spec, index) => {
    if (!TIME_ZONES[timeZoneOf(spec)]) problems.problem(`closed[${index}].location`, spec.location, `one of ${Object.keys(TIME_ZONES).join(', ')} (a zone with a PromQL clock)`);
  });
  if (zones.length > 1) problems.problem('closed', zones.join(', '), 'intervals in one time zone');
  if (closure.closed.length === 0) problems.problem('closed', closure.closed, 'at least one time interval');
  const terms = closure.closed.map((spec, index) => intervalExpr(spec, localClockSelector(timeZoneOf(spec)), `closed[${index}]`, problems));
  problems.throwIfAny('market closure');
  return `1 - clamp_max(\n  ${terms.join('\n  + ')}\n, 1)`;
}

/** 1 while `spec` holds at the clock, else 0. */
function intervalExpr(spec: TimeIntervalSpec, clock: string, field: string, problems: ProblemCollector): string {
  const of = (fn: string) => `${fn}(${clock})`;
  const conditions: string[] = [];
  if (spec.weekdays?.length) {
    conditions.push(anyOf(spec.weekdays.map((range, index) => rangeExpr(of('day_of_week'), parseRange(range, (part) => named(part, WEEKDAYS, 0), `${field}.weekdays[${index}]`, problems)))));
  }
  if (spec.times?.length) {
    const minuteOfDay = `(${of('hour')} * 60 + ${of('minute')})`;
    conditions.push(
      anyOf(
        spec.times.map((range, index) => {
          const start = minutesOf(range.start);
          const end = minutesOf(range.end);
          if (start === undefined || end === undefined || start >= end) {
            problems.problem(`${field}.times[${index}]`, `${range.start}-${range.end}`, '"HH:MM" start before end, end up to "24:00"');
            return '0';
          }
          return `(${minuteOfDay} >= bool ${start}) * (${minuteOfDay} < bool ${end})`;
        }),
      ),
    );
  }
  if (spec.daysOfMonth?.length) {
    conditions.push(
      anyOf(
        spec.daysOfMonth.map((range, index) => {
          const [from, to] = parseRange(range, (part) => dayOfMonth(part), `${field}.daysOfMonth[${index}]`, problems);
          // A negative day counts from the month's end: -1 is its last day.
          const day = (value: number) => (value > 0 ? `${value}` : `(${of('days_in_month')} + ${value + 1})`);
          return `(${of('day_of_month')} >= bool ${day(from)}) * (${of('day_of_month')} <= bool ${day(to)})`;
        }),
      ),
    );
  }
  if (spec.months?.length) {
    conditions.push(anyOf(spec.months.map((range, index) => rangeExpr(of('month'), parseRange(range, (part) => named(part, MONTHS, 1), `${field}.months[${index}]`, problems)))));
  }
  if (spec.years?.length) {
    conditions.push(anyOf(spec.years.map((range, index) => rangeExpr(of('year'), parseRange(range, (part) => (/^\d{4}$/.test(part) ? Number(part) : undefined), `${field}.years[${index}]`, problems)))));
  }
  if (conditions.length === 0) problems.problem(field, 'an interval without fields', 'at least one of times, weekdays, daysOfMonth, months, years');
  return conditions.map((condition) => `(${condition})`).join(' * ') || '0';
}

function rangeExpr(value: string, [from, to]: readonly [number, number]): string {
  return from === to ? `(${value} == bool ${from})` : `(${value} >= bool ${from}) * (${value} <= bool ${to})`;
}

function anyOf(terms: readonly string[]): string {
  return terms.length === 1 ? terms[0] : `clamp_max(${terms.join(' + ')}, 1)`;
}

/** `"a"` or `"a:b"`, each end parsed by `parse`; a bad part is reported and read as 0. */
function parseRange(range: string, parse: (part: string) => number | undefined, field: string, problems: ProblemCollector): [number, number] {
  const parts = range.split(':');
  const values = parts.map((part) => parse(part.trim().toLowerCase()));
  if (parts.length > 2 || values.some((value) => value === undefined)) {
    problems.problem(field, range, 'a value or a range "from:to" of weekdays, months, days of month or years as Alertmanager reads them');
    return [0, 0];
  }
  return [values[0]!, values[values.length - 1]!];
}

function named(part: string, names: readonly string[], first: number): number | undefined {
  const index = names.indexOf(part);
  if (index >= 0) return index + first;
  const number = /^\d+$/.test(part) ? Number(part) : NaN;
  return number >= first && number < first + names.length ? number : undefined;
}

function dayOfMonth(part: string): number | undefined {
  const value = /^-?\d+$/.test(part) ? Number(part) : NaN;
  return value !== 0 && value >= -31 && value <= 31 ? value : undefined;
}

function minutesOf(time: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}
