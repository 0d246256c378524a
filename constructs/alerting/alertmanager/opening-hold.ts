import type { TimeIntervalSpec } from './routing-model';

/** Alertmanager's weekday names, in its order (sunday = 0). */
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** Days in the order the rendered intervals list them, Monday first, so "monday:friday" reads as a range. */
const DISPLAY_ORDER = [1, 2, 3, 4, 5, 6, 0];
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Whether a closure interval names calendar dates (a holiday, an early close) rather than days of the week. */
export function isDated(spec: TimeIntervalSpec): boolean {
  return Boolean(spec.daysOfMonth?.length || spec.months?.length || spec.years?.length);
}

/** Minutes since midnight of "HH:MM" ("24:00" is 1440). */
export function minuteOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * The closure's intervals extended so that they also cover `holdMinutes` after every moment the market opens: the
 * closed time dilated forward by the hold, in wall-clock minutes of each interval's location.
 *
 * - Weekly intervals (weekdays and times only) are combined per location into one week of minutes, so an open that
 *   follows midnight or the end of the week (Saturday -> Sunday) gets its hold in the next day, and an interval's end
 *   that another interval continues (Friday 24:00 -> Saturday) is not an open and gets none. They are rendered back
 *   per day, days with the same times sharing one interval.
 * - Dated intervals (days of month, months, years: holidays, early closes) keep their fields; each time range that
 *   ends before midnight ends `holdMinutes` later (the resolver refuses one that would then pass midnight). One that
 *   ends at midnight gets no hold into the next day, which normally starts with the regular pre-open closure.
 *
 * No hold returns the intervals as given.
 */
export function withOpeningHold(closed: readonly TimeIntervalSpec[], holdMinutes: number): TimeIntervalSpec[] {
  if (holdMinutes === 0) return [...closed];
  const locations = [...new Set(closed.filter((spec) => !isDated(spec)).map((spec) => spec.location))];
  return [
    ...locations.flatMap((location) => weeklyWithHold(closed.filter((spec) => !isDated(spec) && spec.location === location), holdMinutes, location)),
    ...closed.filter(isDated).map((spec) => datedWithHold(spec, holdMinutes)),
  ];
}

function weeklyWithHold(specs: readonly TimeIntervalSpec[], holdMinutes: number, location: string | undefined): TimeIntervalSpec[] {
  const closed = new Uint8Array(MINUTES_PER_WEEK);
  for (const spec of specs) {
    for (const day of weekdaysOf(spec)) {
      for (const [start, end] of rangesOf(spec)) closed.fill(1, day * MINUTES_PER_DAY + start, day * MINUTES_PER_DAY + end);
    }
  }
  const held = closed.slice();
  for (let minute = 0; minute < MINUTES_PER_WEEK; minute++) {
    const opensNext = closed[minute] === 1 && closed[(minute + 1) % MINUTES_PER_WEEK] === 0;
    if (!opensNext) continue;
    for (let after = 1; after <= holdMinutes; after++) held[(minute + after) % MINUTES_PER_WEEK] = 1;
  }

  // Days with the same closed times share one interval, in the order their first day is listed.
  const byTimes = new Map<string, { days: number[]; ranges: [number, number][] }>();
  for (const day of DISPLAY_ORDER) {
    const ranges = closedRanges(held.subarray(day * MINUTES_PER_DAY, (day + 1) * MINUTES_PER_DAY));
    if (ranges.length === 0) continue;
    const key = JSON.stringify(ranges);
    const entry = byTimes.get(key) ?? { days: [], ranges };
    entry.days.push(day);
    byTimes.set(key, entry);
  }
  return [...byTimes.values()].map(({ days, ranges }) => {
    const wholeDay = ranges.length === 1 && ranges[0][0] === 0 && ranges[0][1] === MINUTES_PER_DAY;
    return {
      weekdays: weekdayRanges(days),
      ...(wholeDay ? {} : { times: ranges.map(([start, end]) => ({ start: timeOfDay(start), end: timeOfDay(end) })) }),
      ...(location !== undefined ? { location } : {}),
    };
  });
}

function datedWithHold(spec: TimeIntervalSpec, holdMinutes: number): TimeIntervalSpec {
  if (!spec.times) return spec;
  return {
    ...spec,
    times: spec.times.map(({ start, end }) => {
      const endMinute = minuteOfDay(end);
      return { start, end: endMinute === MINUTES_PER_DAY ? end : timeOfDay(Math.min(endMinute + holdMinutes, MINUTES_PER_DAY)) };
    }),
  };
}

/** Day indexes (sunday = 0) an interval applies to; every day when it names none. */
function weekdaysOf(spec: TimeIntervalSpec): number[] {
  if (!spec.weekdays?.length) return [0, 1, 2, 3, 4, 5, 6];
  return spec.weekdays.flatMap((entry) => {
    const [first, last = first] = entry.split(':').map((name) => WEEKDAYS.indexOf(name as (typeof WEEKDAYS)[number]));
    return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
  });
}

/** [start, end) minute ranges of the day an interval covers; the whole day when it names no times. */
function rangesOf(spec: TimeIntervalSpec): [number, number][] {
  if (!spec.times?.length) return [[0, MINUTES_PER_DAY]];
  return spec.times.map(({ start, end }) => [minuteOfDay(start), minuteOfDay(end)]);
}

function closedRanges(day: Uint8Array): [number, number][] {
  const ranges: [number, number][] = [];
  for (let minute = 0; minute < day.length; minute++) {
    if (day[minute] === 0) continue;
    const start = minute;
    while (minute < day.length && day[minute] === 1) minute++;
    ranges.push([start, minute]);
  }
  return ranges;
}

/** Day names, consecutive days as Alertmanager ranges ("monday:friday"); a range never wraps past Saturday. */
function weekdayRanges(days: readonly number[]): string[] {
  const names: string[] = [];
  for (let index = 0; index < days.length; index++) {
    const first = days[index];
    while (index + 1 < days.length && days[index + 1] === days[index] + 1) index++;
    names.push(first === days[index] ? WEEKDAYS[first] : `${WEEKDAYS[first]}:${WEEKDAYS[days[index]]}`);
  }
  return names;
}

function timeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
