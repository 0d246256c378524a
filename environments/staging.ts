import { ALERT_ROUTING, HERMES_URL, opsgenieHeartbeat, PUBLISHERS, PYTH_PRICE_IDS, PYTHNET, RUNBOOK_BASE_URL, sharedEndpoints, slackReceivers, TESTNET_WALLET_NETWORKS, WALLET_RUNWAY } from './shared';

/** Staging: production's shape at smaller size, so changes are rehearsed on the same topology. */
export const staging = {
  name: 'staging',
  tier: 'non-production',
  account: { id: '111122223333', region: 'eu-west-1' },
  tags: { 'cost-center': 'platform-staging' },
  network: {
    vpcCidr: '10.20.0.0/16',
    availabilityZones: {
      'eu-west-1a': { privateSubnetCidr: '10.20.0.0/19', publicSubnetCidr: '10.20.128.0/22' },
      'eu-west-1b': { privateSubnetCidr: '10.20.32.0/19', publicSubnetCidr: '10.20.132.0/22' },
      'eu-west-1c': { privateSubnetCidr: '10.20.64.0/19', publicSubnetCidr: '10.20.136.0/22' },
    },
    natGateways: 'one-per-az',
    flowLogRetentionDays: 90,
  },
  cluster: {
    name: 'feedops-staging',
    kubernetesVersion: '1.35',
    publicEndpointCidrs: ['203.0.113.10/32'],
    controlPlaneLogRetentionDays: 180,
    adminRoleArns: ['arn:aws:iam::111122223333:role/platform-admin'],
    deletionProtection: false,
    nodeGroups: {
      system: {
        instanceTypes: ['m7i.large'],
        architecture: 'x86_64',
        capacityType: 'ON_DEMAND',
        minSize: 2,
        maxSize: 4,
        desiredSize: 2,
        diskSizeGiB: 50,
        labels: { 'feedops.io/pool': 'system' },
      },
      monitors: {
        instanceTypes: ['m7i.large'],
        architecture: 'x86_64',
        capacityType: 'ON_DEMAND',
        minSize: 2,
        maxSize: 6,
        desiredSize: 2,
        diskSizeGiB: 80,
        labels: { 'feedops.io/pool': 'monitors' },
      },
    },
  },
  monitoring: {
    prometheus: { replicas: 2, retention: '15d', storageGiB: 50 },
    alertmanager: { replicas: 2, storageGiB: 5 },
    blackboxExporter: { replicas: 1 },
  },
  alerting: {
    runbookBaseUrl: RUNBOOK_BASE_URL,
    slackReceivers: slackReceivers('staging-'),
    routing: ALERT_ROUTING,
    heartbeat: opsgenieHeartbeat('staging'),
  },
  priceFeeds: {
    network: PYTHNET,
    feeds: {
      'Crypto.BTC/USD': { coingeckoId: 'bitcoin', minPublishers: 5, priceId: PYTH_PRICE_IDS['Crypto.BTC/USD'] },
      'Crypto.ETH/USD': { coingeckoId: 'ethereum', minPublishers: 5, priceId: PYTH_PRICE_IDS['Crypto.ETH/USD'] },
      'Crypto.SOL/USD': { coingeckoId: 'solana', minPublishers: 5, maxConfidenceIntervalWidening: 20, priceId: PYTH_PRICE_IDS['Crypto.SOL/USD'] },
      'Equity.US.AAPL/USD': { minPublishers: 3, priceId: PYTH_PRICE_IDS['Equity.US.AAPL/USD'] },
      'FX.EUR/USD': { minPublishers: 3, priceId: PYTH_PRICE_IDS['FX.EUR/USD'] },
    },
    publishers: PUBLISHERS,
    observer: { replicas: 2 },
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
        address: '0x204f843bc580D4E5990ca0fD08aFdB4B600A0567',
        team: 'feeds',
        purpose: 'Pays gas for price updates pushed to Sepolia',
        floors: { warning: '0.5', critical: '0.1' },
      },
      'sepolia-entropy-keeper': {
        network: 'ethereum-sepolia',
        address: '0x81Da2B4216b545bfb4f58a91bB3830295E55031b',
        team: 'platform',
        purpose: 'Pays gas for Entropy reveals on Sepolia',
        floors: { warning: '0.2', critical: '0.05' },
        runway: { ticketBelow: '4d', pageBelow: '36h' },
      },
      'devnet-pusher': {
        network: 'solana-devnet',
        address: '2YDrSnFVa6voWUCAmCybjQ2nQ35NXK6PKEnk8wGUoogR',
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
