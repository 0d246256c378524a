export { endpointSchema, endpointsSchema, urlProblem, type EndpointConfig, type EndpointsConfig } from './schema';
export { resolveEndpoints, DEFAULT_PROBE_INTERVAL, type ResolvedEndpoint } from './resolve-endpoints';
export { renderBlackboxModules, probeCredentialSecrets, type BlackboxModule } from './blackbox-modules';
export { renderProbes, ENDPOINT_LABELS, ENDPOINT_PROBE_JOB, type ProbeManifest, type RenderProbesOptions } from './probes';
export {
  CERTIFICATE_EXPIRY_CRITICAL_DAYS,
  CERTIFICATE_EXPIRY_WARNING_DAYS,
  ENDPOINT_ALERTS,
  endpointRuleGroups,
  renderEndpointRules,
  type EndpointRuleOptions,
} from './endpoint-rules';
export { EndpointMonitoring, type EndpointMonitoringProps } from './endpoint-monitoring';
export { endpointAvailabilitySlos } from './endpoint-slos';
