// Defaults shared by feedops' dashboards.

/** The `job` label of the observer's scrape target, for its `up` series. */
export const DEFAULT_OBSERVER_JOB = 'pyth-observer';
/**
 * Publishers a feed should have at least: the red/green line of the publisher panels. feedops' own floor; the
 * observer does not export each feed's on-chain min_pub.
 */
export const DEFAULT_MINIMUM_PUBLISHERS = 3;
/** Tags every feedops dashboard carries (plus the environment name). */
export const FEEDOPS_DASHBOARD_TAGS = ['feedops', 'pyth'] as const;
