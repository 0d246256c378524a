// What the alert-quality benchmark counts as a due page, a page that should not have happened and a missed page.
import { scoreTrace } from '../../scripts/bench/alert-quality-scoring';
import { feedTraces, LATE_PAGE_SECONDS, TRACE_SECONDS, type FeedTrace } from '../../scripts/bench/feed-traces';

const T0 = 1_000_000;
const at = (seconds: number) => T0 + seconds * 1000;
const END = at(660);

const staysStale: FeedTrace = { name: 'stays stale', description: '', ownObserver: false, steps: [{ at: 10, action: { kind: 'stop' } }], incidents: [{ fromStep: 0 }] };
const recovering: FeedTrace = {
  name: 'recovering',
  description: '',
  ownObserver: false,
  steps: [
    { at: 60, action: { kind: 'stop' } },
    { at: 240, action: { kind: 'resume' } },
  ],
  incidents: [{ fromStep: 0, untilStep: 1 }],
};
const flapping: FeedTrace = {
  name: 'flapping',
  description: '',
  ownObserver: false,
  steps: [
    { at: 0, action: { kind: 'stop' } },
    { at: 40, action: { kind: 'resume' } },
  ],
  incidents: [],
};

test("an incident's first page is due and timed from the stop", () => {
  expect(scoreTrace(staysStale, [at(10)], { firing: [at(62.5)], resolved: [] }, END)).toEqual({ latencies: [52.5], falsePages: 0, missed: 0, resolveDelays: [] });
});

test('a second page for the same incident should not have happened (a re-page after a restart gap)', () => {
  expect(scoreTrace(staysStale, [at(10)], { firing: [at(300), at(62)], resolved: [at(250)] }, END)).toMatchObject({ latencies: [52], falsePages: 1 });
});

test('a page outside every incident should not have happened, whichever trace it is on', () => {
  expect(scoreTrace(flapping, [at(0), at(40)], { firing: [at(45), at(105)], resolved: [] }, END)).toEqual({ latencies: [], falsePages: 2, missed: 0, resolveDelays: [] });
});

test('a page a little after its incident ended is that incident\'s late page; later than LATE_PAGE_SECONDS it belongs to none', () => {
  const late = scoreTrace(recovering, [at(60), at(240)], { firing: [at(240 + LATE_PAGE_SECONDS - 1)], resolved: [] }, END);
  expect(late).toMatchObject({ latencies: [180 + LATE_PAGE_SECONDS - 1], falsePages: 0, missed: 0 });
  const stray = scoreTrace(recovering, [at(60), at(240)], { firing: [at(240 + LATE_PAGE_SECONDS + 1)], resolved: [] }, END);
  expect(stray).toMatchObject({ latencies: [], falsePages: 1, missed: 1 });
});

test('an incident without a page is missed', () => {
  expect(scoreTrace(staysStale, [at(10)], { firing: [], resolved: [] }, END)).toMatchObject({ latencies: [], missed: 1 });
});

test('the resolution is timed from the end of the incident to the first RESOLVED message after it', () => {
  expect(scoreTrace(recovering, [at(60), at(240)], { firing: [at(110)], resolved: [at(200), at(301), at(400)] }, END)).toMatchObject({ resolveDelays: [61] });
});

test('fails when the run did not record a time for every step', () => {
  expect(() => scoreTrace(recovering, [at(60)], { firing: [], resolved: [] }, END)).toThrow('trace "recovering": 1 step times for 2 steps');
});

describe('the replayed traces', () => {
  const traces = feedTraces(() => 0.5);
  const named = (name: string) => traces.find((trace) => trace.name === name)!;

  test('the flapping feed is stale 40 s and fresh 20 s, ten times over the ten minutes, and deserves no page', () => {
    const flaps = named('flapping').steps;
    const stretches = flaps.filter((_, index) => index % 2 === 0).map((stop, index) => flaps[index * 2 + 1].at - stop.at);
    const gaps = flaps.slice(1, -1).filter((_, index) => index % 2 === 0).map((resume, index) => flaps[index * 2 + 2].at - resume.at);
    expect({ stretches, gaps, incidents: named('flapping').incidents }).toEqual({ stretches: Array(10).fill(40), gaps: Array(9).fill(20), incidents: [] });
    expect(flaps[flaps.length - 1].at).toBeLessThanOrEqual(TRACE_SECONDS);
  });

  test('the observer restarts twice while the feed is fresh, then once while it is stale, on an observer of its own', () => {
    const restart = named('observer restart');
    expect(restart.ownObserver).toBe(true);
    const stop = restart.steps.findIndex((step) => step.action.kind === 'stop');
    expect(restart.steps.slice(0, stop).map((step) => step.action.kind)).toEqual(['crash', 'replace']);
    expect(restart.steps.slice(stop + 1).map((step) => step.action.kind)).toEqual(['replace']);
    expect(restart.incidents).toEqual([{ fromStep: stop }]);
  });

  test('every trace ends before the run does, and only the restart trace has its own observer', () => {
    expect(traces.filter((trace) => trace.ownObserver).map((trace) => trace.name)).toEqual(['observer restart']);
    expect(Math.max(...traces.flatMap((trace) => trace.steps.map((step) => step.at)))).toBeLessThanOrEqual(TRACE_SECONDS);
  });
});
