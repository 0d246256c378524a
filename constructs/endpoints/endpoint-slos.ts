import { Runbook } from '../alerting/rules/runbook';
import type { ServiceLevelObjectiveSpec } from '../slo/slo-spec';
import { endpointSelector } from './endpoint-rules';
import type { ResolvedEndpoint } from './resolve-endpoints';

/** The runbook page of every endpoint availability SLO. */
export const ENDPOINT_AVAILABILITY_RUNBOOK = 'EndpointAvailabilitySlo';

/** An availability SLO from the probes of each endpoint that sets `availabilityObjectivePercent`. */
export function endpointAvailabilitySlos(
  endpoints: readonly ResolvedEndpoint[],
  options: { namespace: string; runbookBaseUrl: string },
): ServiceLevelObjectiveSpec[] {
  return endpoints
    .filter((endpoint) => endpoint.availabilityObjectivePercent !== undefined)
    .map((endpoint) => ({
      namespace: options.namespace,
      service: endpoint.name,
      name: 'availability',
      description: `Probes of ${endpoint.name} (${endpoint.kind}) succeed.`,
      objectivePercent: endpoint.availabilityObjectivePercent!,
      // probe_success is 1 or 0 per probe: each probe is an event.
      sli: { kind: 'bool-gauge', selector: `probe_success{${endpointSelector(endpoint)}}` },
      alertName: 'EndpointAvailability',
      team: endpoint.team,
      runbook: Runbook.at(options.runbookBaseUrl, ENDPOINT_AVAILABILITY_RUNBOOK),
      // EndpointProbeAbsent already reports a missing probe series.
      noData: 'ignore',
    }));
}
