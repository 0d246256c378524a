import type { EnvironmentConfig } from './schema';

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
    runbookBaseUrl: 'https://github.com/example-org/feedops/blob/main/docs/runbooks',
    slackReceivers: {
      'feeds-critical': { channel: '#dev-feeds-critical' },
      'feeds-alerts': { channel: '#dev-feeds-alerts' },
      'platform-critical': { channel: '#dev-platform-critical' },
      'platform-alerts': { channel: '#dev-platform-alerts' },
      'monitoring-info': { channel: '#dev-monitoring-info' },
    },
    routing: {
      bySeverity: { critical: 'platform-critical', warning: 'platform-alerts', info: 'monitoring-info' },
      byTeam: {
        feeds: { critical: 'feeds-critical', warning: 'feeds-alerts' },
        platform: { critical: 'platform-critical', warning: 'platform-alerts' },
      },
      defaultReceiver: 'platform-alerts',
    },
    // Opsgenie heartbeat: the URL names the heartbeat; the API key (GenieKey) comes from Secrets Manager.
    heartbeat: { url: 'https://api.eu.opsgenie.com/v2/heartbeats/feedops-dev/ping', authorizationType: 'GenieKey' },
  },
  priceFeeds: {
    network: {
      name: 'pythnet',
      httpEndpoint: 'https://api2.pythnet.pyth.network',
      wsEndpoint: 'wss://api2.pythnet.pyth.network',
      firstMapping: 'AHtgzX45WTKfkPG53L6WYhGEXwQkN1BVknET3sVsLL8J',
    },
    feeds: {
      'Crypto.BTC/USD': { coingeckoId: 'bitcoin', minPublishers: 5 },
      'Crypto.ETH/USD': { coingeckoId: 'ethereum', minPublishers: 5 },
      'Crypto.SOL/USD': { coingeckoId: 'solana', minPublishers: 5, maxConfidenceIntervalWidening: 20 },
    },
    publishers: {
      publisher1: 'FR19oB2ePko2haah8yP4fhTycxitxkVQTxk3tssxX1Ce',
      publisher2: 'DgAK7fPveidN72LCwCF4QjFcYHchBZbtZnjEAtgU1bMX',
    },
    observer: { replicas: 1 },
  },
} satisfies EnvironmentConfig;
