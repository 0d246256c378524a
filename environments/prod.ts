import { ALERT_ROUTING, HERMES_URL, opsgenieHeartbeat, PUBLISHERS, PYTH_PRICE_IDS, PYTHNET, RUNBOOK_BASE_URL, sharedEndpoints, slackReceivers, WALLET_RUNWAY } from './shared';

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
      'Crypto.BTC/USD': { coingeckoId: 'bitcoin', minPublishers: 5, priceId: PYTH_PRICE_IDS['Crypto.BTC/USD'] },
      'Crypto.ETH/USD': { coingeckoId: 'ethereum', minPublishers: 5, priceId: PYTH_PRICE_IDS['Crypto.ETH/USD'] },
      'Crypto.SOL/USD': { coingeckoId: 'solana', minPublishers: 5, maxConfidenceIntervalWidening: 20, priceId: PYTH_PRICE_IDS['Crypto.SOL/USD'] },
      'Crypto.USDC/USD': { coingeckoId: 'usd-coin', minPublishers: 5, maxCoinGeckoDeviationPercent: 1, priceId: PYTH_PRICE_IDS['Crypto.USDC/USD'] },
      'Equity.US.AAPL/USD': { minPublishers: 3, priceId: PYTH_PRICE_IDS['Equity.US.AAPL/USD'] },
      'Equity.US.SPY/USD': { minPublishers: 3, priceId: PYTH_PRICE_IDS['Equity.US.SPY/USD'] },
      'FX.EUR/USD': { minPublishers: 3, priceId: PYTH_PRICE_IDS['FX.EUR/USD'] },
      'FX.USD/JPY': { minPublishers: 3, priceId: PYTH_PRICE_IDS['FX.USD/JPY'] },
    },
    publishers: PUBLISHERS,
    observer: { replicas: 2 },
    hermes: { url: HERMES_URL },
  },

  // ---- wallets (constructs/wallets) ----
  wallets: {
    networks: {
      ethereum: {
        family: 'evm',
        chainId: 1,
        // The keyed provider URL lives in Secrets Manager (prod/feedops/wallet-rpc, property ethereum-alchemy).
        rpc: [
          { name: 'alchemy', secretProperty: 'ethereum-alchemy' },
          { name: 'publicnode', url: 'https://ethereum-rpc.publicnode.com' },
        ],
      },
      arbitrum: { family: 'evm', chainId: 42161, rpc: [{ name: 'arbitrum-foundation', url: 'https://arb1.arbitrum.io/rpc' }] },
      solana: { family: 'solana', rpc: [{ name: 'solana-labs', url: 'https://api.mainnet-beta.solana.com' }] },
      pythnet: { family: 'pythnet', rpc: [{ name: 'pyth', url: 'https://api2.pythnet.pyth.network' }] },
    },
    runway: WALLET_RUNWAY,
    exporterReplicas: 2,
    exporterTeam: 'platform',
    wallets: {
      'ethereum-pusher': {
        network: 'ethereum',
        address: '0x68fc5207dd28339551292b8E94133abd2878936C',
        team: 'feeds',
        purpose: 'Pays gas for price updates pushed to Ethereum mainnet',
        floors: { warning: '1.5', critical: '0.5' },
      },
      'ethereum-entropy-keeper': {
        network: 'ethereum',
        address: '0x877bf0CdF4455b8a59Cd697F12095f1255468ca6',
        team: 'platform',
        purpose: 'Pays gas for Entropy reveals on Ethereum mainnet',
        floors: { warning: '0.5', critical: '0.1' },
        runway: { ticketBelow: '4d', pageBelow: '36h' },
      },
      'arbitrum-pusher': {
        network: 'arbitrum',
        address: '0x1DF7915C2591cd4F3516eaf7ac134815832a4477',
        team: 'feeds',
        purpose: 'Pays gas for price updates pushed to Arbitrum One',
        // The pusher exports pyth_wallet_balance for this wallet itself.
        source: 'price-pusher',
        floors: { warning: '0.05', critical: '0.01' },
      },
      'solana-pusher': {
        network: 'solana',
        address: '54bdPj85i7qR5C3aRGQTDTrgmCYSjypvak5xXZGDp2Lt',
        team: 'feeds',
        purpose: 'Pays fees for price updates posted to Solana mainnet',
        floors: { warning: '5', critical: '1' },
      },
      'pythnet-publisher': {
        network: 'pythnet',
        address: '8fQ1hrigo3D3WjRQoSnx2rAWa42Z2tcXYCvAPG2ChwiK',
        team: 'feeds',
        purpose: 'Publisher key; pyth-agent needs at least 1 SOL to load it',
        floors: { warning: '2', critical: '1' },
      },
    },
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
