import { SEVERITY_VALUES, SeverityValue } from '../rules/severity';

/** The `severity` label values feedops alerts carry, most urgent first (one list, owned by the rule model). */
export const SEVERITIES = SEVERITY_VALUES;

export type Severity = SeverityValue;
