/**
 * The observer traces the alert-quality benchmark replays, each on a feed of its own, all in the same ten minutes.
 * A trace is a list of steps at seconds from its start; its incidents say which stale stretches deserve a page
 * (exactly one each). Everything else a design pages for is a page that should not have happened
 * (docs/performance.md, "Alert quality").
 */
export type TraceAction =
  /** The feed stops updating: its staleness grows one slot per ~400 ms from now. */
  | { readonly kind: 'stop' }
  /** The feed updates again. */
  | { readonly kind: 'resume' }
  /** The observer process dies and restarts in the same pod: scrapes are refused for `downSeconds`, then its series start again at the same address. */
  | { readonly kind: 'crash'; readonly downSeconds: number }
  /** The observer pod is replaced: its target disappears, and after `gapSeconds` a new one with a new address (a new `instance`) appears. */
  | { readonly kind: 'replace'; readonly gapSeconds: number };

export interface TraceStep {
  readonly at: number;
  readonly action: TraceAction;
}

/** A stale stretch that must reach the on-call: from the step that stops the feed to the one that resumes it. */
export interface Incident {
  readonly fromStep: number;
  /** @default - the feed stays stale to the end of the run */
  readonly untilStep?: number;
}

export interface FeedTrace {
  readonly name: string;
  readonly description: string;
  /** The feed is reported only by an observer of its own, which the steps restart (a one-replica observer, or both replicas at once). */
  readonly ownObserver: boolean;
  readonly steps: readonly TraceStep[];
  readonly incidents: readonly Incident[];
}

/** Seconds every trace lasts (the flapping trace: ten cycles of a minute). */
export const TRACE_SECONDS = 600;
/** Seconds the run goes on after the traces, for late pages and resolutions. */
export const TAIL_SECONDS = 60;
/** A page up to this long after its incident ended is still that incident's (late) page. */
export const LATE_PAGE_SECONDS = 120;

const FLAP_STALE_SECONDS = 40;
const FLAP_FRESH_SECONDS = 20;
const RECOVERING_STALE_SECONDS = 180;
const CRASH_DOWN_SECONDS = 20;
const REPLACE_GAP_SECONDS = 45;

/** The four traces, with random phases (drawn once per run) so the steps fall anywhere in the scrape and evaluation cycles. */
export function feedTraces(random: () => number = Math.random): FeedTrace[] {
  const phase = (upTo: number) => Math.round(random() * upTo * 10) / 10;
  const staysStaleAt = phase(30);
  const flapPhase = phase(20);
  const recoveringAt = 60 + phase(30);
  const restartStaleAt = 330 + phase(15);
  return [
    {
      name: 'stays stale',
      description: 'the feed stops and stays stale to the end: one page, as early as possible',
      ownObserver: false,
      steps: [{ at: staysStaleAt, action: { kind: 'stop' } }],
      incidents: [{ fromStep: 0 }],
    },
    {
      name: 'flapping',
      description: `stale ${FLAP_STALE_SECONDS} s, fresh ${FLAP_FRESH_SECONDS} s, ten times: no page (no stretch reaches a minute, so consumers that accept a price up to 60 s old are never refused)`,
      ownObserver: false,
      steps: Array.from({ length: TRACE_SECONDS / (FLAP_STALE_SECONDS + FLAP_FRESH_SECONDS) }, (_, cycle) => {
        const start = flapPhase + cycle * (FLAP_STALE_SECONDS + FLAP_FRESH_SECONDS);
        return [
          { at: start, action: { kind: 'stop' } as const },
          { at: start + FLAP_STALE_SECONDS, action: { kind: 'resume' } as const },
        ];
      }).flat(),
      incidents: [],
    },
    {
      name: 'recovering',
      description: `stale for ${RECOVERING_STALE_SECONDS} s, then fresh to the end: one page, then its resolution`,
      ownObserver: false,
      steps: [
        { at: recoveringAt, action: { kind: 'stop' } },
        { at: recoveringAt + RECOVERING_STALE_SECONDS, action: { kind: 'resume' } },
      ],
      incidents: [{ fromStep: 0, untilStep: 1 }],
    },
    {
      name: 'observer restart',
      description:
        `the feed's only observer crashes (${CRASH_DOWN_SECONDS} s down, same address) and is replaced (a new address after ${REPLACE_GAP_SECONDS} s) ` +
        'while the feed is fresh: no page; then the feed stops and the observer is replaced again while it is stale: still one page',
      ownObserver: true,
      steps: [
        { at: 90, action: { kind: 'crash', downSeconds: CRASH_DOWN_SECONDS } },
        { at: 240, action: { kind: 'replace', gapSeconds: REPLACE_GAP_SECONDS } },
        { at: restartStaleAt, action: { kind: 'stop' } },
        { at: 480, action: { kind: 'replace', gapSeconds: REPLACE_GAP_SECONDS } },
      ],
      incidents: [{ fromStep: 2 }],
    },
  ];
}
