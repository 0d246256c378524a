import { ALERT_ROUTING, opsgenieHeartbeat, PUBLISHERS, PYTHNET, RUNBOOK_BASE_URL, sharedEndpoints, slackReceivers } from './shared';

/** Production: three zones, NAT per zone, private API endpoint only, on-demand nodes, deletion protection. */
export const prod = {
  name: 'prod',
  tier: 'production',
  account: { id: '111122223333', region: 'eu-west-1' },
  tags: { 'cost-center': 'platform-prod' },
  network: {
    vpcCidr: '10.30.0.0/16',
    availabilityZones: {
      'eu-west-1a': { privateSubnetCidr: '10.30.0.0/19', publicSubnetCidr: '10.30.128.0/22' },
      'eu-west-1b': { privateSubnetCidr: '10.30.32.0/19', publicSubnetCidr: '10.30.132.0/22' },
      'eu-west-1c': { privateSubnetCidr: '10.30.64.0/19', publicSubnetCidr: '10.30.136.0/22' },
    },
    natGateways: 'one-per-az',
    flowLogRetentionDays: 365,
  },
  cluster: {
    name: 'feedops-prod',
    kubernetesVersion: '1.35',
    publicEndpointCidrs: [],
    controlPlaneLogRetentionDays: 365,
    adminRoleArns: ['arn:aws:iam::111122223333:role/platform-admin', 'arn:aws:iam::111122223333:role/platform-breakglass'],
    deletionProtection: true,
    nodeGroups: {
      system: {
        instanceTypes: ['m7i.large'],
        architecture: 'x86_64',
        capacityType: 'ON_DEMAND',
        minSize: 3,
        maxSize: 6,
        desiredSize: 3,
        diskSizeGiB: 50,
        labels: { 'feedops.io/pool': 'system' },
      },
      monitors: {
        instanceTypes: ['m7i.xlarge'],
        architecture: 'x86_64',
        capacityType: 'ON_DEMAND',
        minSize: 3,
        maxSize: 9,
        desiredSize: 3,
        diskSizeGiB: 100,
        labels: { 'feedops.io/pool': 'monitors' },
      },
    },
  },
  monitoring: {
    prometheus: { replicas: 2, retention: '30d', storageGiB: 200 },
    alertmanager: { replicas: 3, storageGiB: 5 },
    blackboxExporter: { replicas: 2 },
  },
  alerting: {
    runbookBaseUrl: RUNBOOK_BASE_URL,
    slackReceivers: slackReceivers(''),
    routing: ALERT_ROUTING,
    heartbeat: opsgenieHeartbeat('prod'),
  },
  priceFeeds: {
    network: PYTHNET,
    feeds: {
      'Crypto.BTC/USD': { coingeckoId: 'bitcoin', minPublishers: 5 },
      'Crypto.ETH/USD': { coingeckoId: 'ethereum', minPublishers: 5 },
      'Crypto.SOL/USD': { coingeckoId: 'solana', minPublishers: 5, maxConfidenceIntervalWidening: 20 },
      'Crypto.USDC/USD': { coingeckoId: 'usd-coin', minPublishers: 5, thresholds: { coingeckoMaxDeviationPercent: 1 } },
      'Equity.US.AAPL/USD': { minPublishers: 3 },
      'Equity.US.SPY/USD': { minPublishers: 3 },
      'FX.EUR/USD': { minPublishers: 3 },
      'FX.USD/JPY': { minPublishers: 3 },
    },
    publishers: PUBLISHERS,
    observer: { replicas: 2 },
  },
  // ---- endpoint probes (issue 10) ----
  endpoints: {
    ...sharedEndpoints(99.9),
    // A keyed provider: the API key is sent as a Bearer token from Secrets Manager (prod/feedops/rpc-providers), never in the URL
    // (Alchemy accepts it in the Authorization header: alchemy.com/docs/how-to-use-api-keys-in-http-headers).
    'ethereum-rpc-alchemy': {
      kind: 'jsonrpc',
      url: 'https://eth-mainnet.g.alchemy.com/v2',
      method: 'eth_blockNumber',
      expectedResult: '"0x[0-9a-fA-F]+"',
      credentials: { secret: 'rpc-providers', property: 'alchemy-api-key', type: 'Bearer' },
      team: 'platform',
      latencyObjectiveSeconds: 2,
      group: 'ethereum-rpc',
    },
    // The Pythnet websocket's TLS listener: its certificate expiry is watched too.
    'pythnet-tls': { kind: 'tcp', address: 'api2.pythnet.pyth.network:443', tls: true, team: 'feeds', latencyObjectiveSeconds: 1 },
  },
};
