/** Tags every feedops dashboard carries (plus the environment name). */
export const FEEDOPS_DASHBOARD_TAGS = ['feedops', 'pyth'] as const;
