import { ALERT_ROUTING, HERMES_URL, opsgenieHeartbeat, PUBLISHERS, PYTH_PRICE_IDS, PYTHNET, RUNBOOK_BASE_URL, sharedEndpoints, slackReceivers, TESTNET_WALLET_NETWORKS, WALLET_RUNWAY } from './shared';

/** Development: two zones, one NAT gateway, small nodes, public API endpoint for the office and VPN only. */
export const dev = {
  name: 'dev',
  tier: 'non-production',
  account: { id: '111122223333', region: 'eu-west-1' },
  tags: { 'cost-center': 'platform-dev' },
  network: {
    vpcCidr: '10.10.0.0/16',
    availabilityZones: {
      'eu-west-1a': { privateSubnetCidr: '10.10.0.0/19', publicSubnetCidr: '10.10.128.0/22' },
      'eu-west-1b': { privateSubnetCidr: '10.10.32.0/19', publicSubnetCidr: '10.10.132.0/22' },
    },
    natGateways: 'single',
    flowLogRetentionDays: 30,
  },
  cluster: {
    name: 'feedops-dev',
    kubernetesVersion: '1.36',
    // Office egress and the VPN (documentation ranges as placeholders).
    publicEndpointCidrs: ['198.51.100.0/24', '203.0.113.10/32'],
    controlPlaneLogRetentionDays: 90,
    adminRoleArns: ['arn:aws:iam::111122223333:role/platform-admin'],
    deletionProtection: false,
    nodeGroups: {
      system: {
        instanceTypes: ['t3.large'],
        architecture: 'x86_64',
        capacityType: 'ON_DEMAND',
        minSize: 2,
        maxSize: 3,
        desiredSize: 2,
        diskSizeGiB: 50,
        labels: { 'feedops.io/pool': 'system' },
      },
      monitors: {
        instanceTypes: ['m7i.large', 'm6i.large'],
        architecture: 'x86_64',
        capacityType: 'SPOT',
        minSize: 1,
        maxSize: 4,
        desiredSize: 1,
        diskSizeGiB: 50,
        labels: { 'feedops.io/pool': 'monitors' },
      },
    },
  },
  monitoring: {
    prometheus: { replicas: 1, retention: '7d', storageGiB: 20 },
    alertmanager: { replicas: 1, storageGiB: 5 },
    blackboxExporter: { replicas: 1 },
  },
  alerting: {
    runbookBaseUrl: RUNBOOK_BASE_URL,
    slackReceivers: slackReceivers('dev-'),
    routing: ALERT_ROUTING,
    heartbeat: opsgenieHeartbeat('dev'),
  },
  priceFeeds: {
    network: PYTHNET,
    feeds: {
      'Crypto.BTC/USD': { coingeckoId: 'bitcoin', minPublishers: 5, priceId: PYTH_PRICE_IDS['Crypto.BTC/USD'] },
      'Crypto.ETH/USD': { coingeckoId: 'ethereum', minPublishers: 5, priceId: PYTH_PRICE_IDS['Crypto.ETH/USD'] },
      'Crypto.SOL/USD': { coingeckoId: 'solana', minPublishers: 5, maxConfidenceIntervalWidening: 20, priceId: PYTH_PRICE_IDS['Crypto.SOL/USD'] },
    },
    publishers: PUBLISHERS,
    observer: { replicas: 1 },
    hermes: { url: HERMES_URL },
  },

  // ---- wallets (constructs/wallets) ----
  wallets: {
    networks: TESTNET_WALLET_NETWORKS,
    runway: WALLET_RUNWAY,
    exporterTeam: 'platform',
    wallets: {
      'sepolia-pusher': {
        network: 'ethereum-sepolia',
        address: '0x1938a3242b0E4ADDCF7206fCAC8f168214E52E58',
        team: 'feeds',
        purpose: 'Pays gas for price updates pushed to Sepolia',
        floors: { warning: '0.5', critical: '0.1' },
      },
      'devnet-pusher': {
        network: 'solana-devnet',
        address: '2erMx8x1MbEY12dVNxDFbPfprkbkEVAoD89Kqn2JWJGS',
        team: 'feeds',
        purpose: 'Pays fees for price updates posted to Solana devnet',
        floors: { warning: '2', critical: '0.5' },
      },
    },
  },

  // ---- endpoint probes (issue 10) ----
  endpoints: {
    ...sharedEndpoints(99.5),
  },
};
