import { Runbook } from '../../constructs/alerting/rules/runbook';
import type { ServiceLevelObjectiveSpec } from '../../constructs/slo/slo-spec';

export const RUNBOOKS = 'https://github.com/example-org/payments/blob/main/runbooks';

/** Another team's request-based SLO, as the README shows it. */
export const API_SLO: ServiceLevelObjectiveSpec = {
  namespace: 'payments',
  service: 'api',
  name: 'availability',
  description: 'Requests to the payments API succeed.',
  objectivePercent: 99.9,
  sli: {
    kind: 'events',
    goodQuery: 'sum(rate(http_requests_total{job="payments-api",code!~"5.."}[{{window}}]))',
    totalQuery: 'sum(rate(http_requests_total{job="payments-api"}[{{window}}]))',
  },
  alertName: 'PaymentsApiAvailability',
  team: 'payments',
  runbook: Runbook.at(RUNBOOKS, 'PaymentsApiAvailability'),
};
