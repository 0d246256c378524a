import { Duration } from '../../constructs/core/duration';
import type { AlertRuleCase, InputSeries } from '../alerting/promtool/rule-test-case';

/*
 * promtool unit tests of the endpoint alerts rendered for FIXTURE_ENDPOINTS. Each alert has a firing and a
 * non-firing case; eval times sit between evaluations (…m30s).
 */
const at = (minutes: number, seconds = 30) => Duration.seconds(minutes * 60 + seconds);
const DAY = 86_400;

/** Target labels of a probe as the Probe renders them (job from jobName, instance = target). */
const API = { job: 'feedops-endpoints', instance: 'https://api.example.com/ready', endpoint: 'api', endpoint_kind: 'http', endpoint_team: 'platform' };
const RPC_A = { job: 'feedops-endpoints', instance: 'https://rpc-a.example.com', endpoint: 'rpc-a', endpoint_kind: 'jsonrpc', endpoint_team: 'platform', endpoint_group: 'rpc' };
const RPC_B = { ...RPC_A, instance: 'http://rpc-b.example.com:8545', endpoint: 'rpc-b' };
const WS = { job: 'feedops-endpoints', instance: 'ws.example.com:443', endpoint: 'ws', endpoint_kind: 'tcp', endpoint_team: 'feeds' };

function series(metric: string, labels: Readonly<Record<string, string>>, values: string): InputSeries {
  return { series: `${metric}{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}`, values };
}

export const ENDPOINT_RULE_CASES: readonly AlertRuleCase[] = [
  {
    name: 'an ungrouped endpoint failing every probe for 2m pages',
    alert: 'EndpointDown',
    group: 'endpoint-api',
    at: at(3),
    series: [series('probe_success', API, '0x10')],
    firing: [{ labels: API }],
  },
  {
    name: 'one failed minute of probes pages nobody',
    alert: 'EndpointDown',
    group: 'endpoint-api',
    at: at(3),
    series: [series('probe_success', API, '1 1 0 1 1 1')],
    firing: [],
  },
  {
    name: 'one provider of a group failing warns (the group alert decides whether to page)',
    alert: 'EndpointDown',
    group: 'endpoint-rpc-a',
    at: at(3),
    series: [series('probe_success', RPC_A, '0x10'), series('probe_success', RPC_B, '1x10')],
    firing: [{ labels: RPC_A }],
  },
  {
    name: 'every provider of a group failing pages once for the group',
    alert: 'EndpointGroupDown',
    at: at(3),
    series: [series('probe_success', RPC_A, '0x10'), series('probe_success', RPC_B, '0x10')],
    firing: [{ labels: { endpoint_group: 'rpc' }, value: 2 }],
  },
  {
    name: 'one provider of a group failing does not page the group',
    alert: 'EndpointGroupDown',
    at: at(3),
    series: [series('probe_success', RPC_A, '0x10'), series('probe_success', RPC_B, '1x10')],
    firing: [],
  },
  {
    name: 'answers slower than the objective for 5m warn',
    alert: 'EndpointSlow',
    group: 'endpoint-api',
    at: at(6),
    series: [series('probe_success', API, '1x10'), series('probe_duration_seconds', API, '0.8x10')],
    firing: [{ labels: API, value: 0.8 }],
  },
  {
    name: 'a failing probe is down, not slow',
    alert: 'EndpointSlow',
    group: 'endpoint-api',
    at: at(6),
    series: [series('probe_success', API, '0x10'), series('probe_duration_seconds', API, '5x10')],
    firing: [],
  },
  {
    name: 'answers within the objective do not warn',
    alert: 'EndpointSlow',
    group: 'endpoint-api',
    at: at(6),
    series: [series('probe_success', API, '1x10'), series('probe_duration_seconds', API, '0.3x10')],
    firing: [],
  },
  {
    name: 'a certificate with 10 days left warns',
    alert: 'EndpointCertificateExpiringSoon',
    group: 'endpoint-api',
    at: at(6),
    series: [series('probe_ssl_earliest_cert_expiry', API, `${10 * DAY}x10`)],
    firing: [{ labels: API, value: (10 * DAY - 390) / DAY }],
  },
  {
    name: 'a certificate with 30 days left does not warn',
    alert: 'EndpointCertificateExpiringSoon',
    group: 'endpoint-api',
    at: at(6),
    series: [series('probe_ssl_earliest_cert_expiry', API, `${30 * DAY}x10`)],
    firing: [],
  },
  {
    name: 'a certificate with 2 days left pages and no longer only warns',
    alert: 'EndpointCertificateExpiringSoon',
    group: 'endpoint-api',
    at: at(6),
    series: [series('probe_ssl_earliest_cert_expiry', API, `${2 * DAY}x10`)],
    firing: [],
  },
  {
    name: 'a certificate with 2 days left pages',
    alert: 'EndpointCertificateExpiringCritical',
    group: 'endpoint-api',
    at: at(6),
    series: [series('probe_ssl_earliest_cert_expiry', API, `${2 * DAY}x10`)],
    firing: [{ labels: API, value: (2 * DAY - 390) / DAY }],
  },
  {
    name: 'a certificate with 10 days left does not page',
    alert: 'EndpointCertificateExpiringCritical',
    group: 'endpoint-api',
    at: at(6),
    series: [series('probe_ssl_earliest_cert_expiry', API, `${10 * DAY}x10`)],
    firing: [],
  },
  {
    name: 'a TCP/TLS endpoint certificate expiring pages too',
    alert: 'EndpointCertificateExpiringCritical',
    group: 'endpoint-ws',
    at: at(6),
    series: [series('probe_ssl_earliest_cert_expiry', WS, `${1 * DAY}x10`)],
    firing: [{ labels: WS, value: (DAY - 390) / DAY }],
  },
  {
    name: 'an endpoint without probe series for 10m warns',
    alert: 'EndpointProbeAbsent',
    group: 'endpoint-api',
    at: at(11),
    series: [RPC_A, RPC_B, WS].map((target) => series('probe_success', target, '1x15')),
    firing: [{ labels: { job: 'feedops-endpoints', endpoint: 'api' }, value: 1 }],
  },
  {
    name: 'a probed endpoint is not absent',
    alert: 'EndpointProbeAbsent',
    group: 'endpoint-api',
    at: at(11),
    series: [API, RPC_A, RPC_B, WS].map((target) => series('probe_success', target, '1x15')),
    firing: [],
  },
];
