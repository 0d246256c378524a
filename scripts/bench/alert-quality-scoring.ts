import { LATE_PAGE_SECONDS, type FeedTrace } from './feed-traces';

/** What one design sent to Slack for one trace's feed: epoch ms of each FIRING and each RESOLVED message. */
export interface Notifications {
  readonly firing: readonly number[];
  readonly resolved: readonly number[];
}

/** One design on one trace in one run. */
export interface TraceScore {
  /** Seconds from each incident's stop to its first page (incidents that were paged). */
  readonly latencies: readonly number[];
  /** FIRING pages outside every incident, and every page of an incident after its first. */
  readonly falsePages: number;
  /** Incidents without a page. */
  readonly missed: number;
  /** Seconds from the end of each incident to the first RESOLVED message after it. */
  readonly resolveDelays: readonly number[];
}

/**
 * Scores the pages of one design against a trace's incidents. `stepTimes` are the epoch ms at which the run
 * carried out each step; an incident runs from its stop to its resume (or the end of the run) and owns the pages
 * sent during it or up to LATE_PAGE_SECONDS after it. Its first page is due; any other page is one that should not
 * have happened, as is every page that no incident owns.
 */
export function scoreTrace(trace: FeedTrace, stepTimes: readonly number[], notifications: Notifications, endOfRun: number): TraceScore {
  if (stepTimes.length !== trace.steps.length) throw new Error(`trace "${trace.name}": ${stepTimes.length} step times for ${trace.steps.length} steps`);
  const incidents = trace.incidents.map((incident) => ({
    from: stepTimes[incident.fromStep],
    until: incident.untilStep === undefined ? undefined : stepTimes[incident.untilStep],
  }));
  const owner = (page: number) =>
    incidents.findIndex((incident) => page >= incident.from && page <= (incident.until ?? endOfRun) + LATE_PAGE_SECONDS * 1000);
  const pagesOf = incidents.map(() => [] as number[]);
  let falsePages = 0;
  for (const page of [...notifications.firing].sort((a, b) => a - b)) {
    const index = owner(page);
    if (index === -1) falsePages++;
    else pagesOf[index].push(page);
  }
  falsePages += pagesOf.reduce((extra, pages) => extra + Math.max(0, pages.length - 1), 0);
  const latencies = incidents.flatMap((incident, index) => (pagesOf[index].length > 0 ? [(pagesOf[index][0] - incident.from) / 1000] : []));
  const resolveDelays = incidents.flatMap((incident) => {
    if (incident.until === undefined) return [];
    const resolved = notifications.resolved.filter((at) => at >= incident.until!).sort((a, b) => a - b)[0];
    return resolved === undefined ? [] : [(resolved - incident.until) / 1000];
  });
  return { latencies, falsePages, missed: pagesOf.filter((pages) => pages.length === 0).length, resolveDelays };
}
