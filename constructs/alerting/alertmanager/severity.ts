/** The `severity` label values feedops alerts carry, most urgent first. */
export const SEVERITIES = ['critical', 'warning', 'info'] as const;

export type Severity = (typeof SEVERITIES)[number];
