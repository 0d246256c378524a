import { resolveEndpoints } from '../../constructs/endpoints/resolve-endpoints';
import { endpointsSchema } from '../../constructs/endpoints/schema';

export const RUNBOOK_BASE_URL = 'https://github.com/example-org/feedops/blob/main/docs/runbooks';

/** An ungrouped https API, a redundant pair of JSON-RPC providers and a TCP check, through the environment schema. */
export const FIXTURE_ENDPOINTS = endpointsSchema.parse({
  api: { kind: 'http', url: 'https://api.example.com/ready', team: 'platform', latencyObjectiveSeconds: 0.5, availabilityObjectivePercent: 99.9 },
  'rpc-a': { kind: 'jsonrpc', url: 'https://rpc-a.example.com', method: 'eth_blockNumber', expectedResult: '"0x[0-9a-f]+"', team: 'platform', latencyObjectiveSeconds: 2, group: 'rpc' },
  'rpc-b': { kind: 'jsonrpc', url: 'http://rpc-b.example.com:8545', method: 'eth_blockNumber', expectedResult: '"0x[0-9a-f]+"', team: 'platform', latencyObjectiveSeconds: 2, group: 'rpc', interval: '1m' },
  ws: { kind: 'tcp', address: 'ws.example.com:443', tls: true, team: 'feeds', latencyObjectiveSeconds: 1 },
});

export const RESOLVED = resolveEndpoints(FIXTURE_ENDPOINTS);
export const RULE_OPTIONS = { environment: 'prod', namespace: 'monitors', runbookBaseUrl: RUNBOOK_BASE_URL } as const;
