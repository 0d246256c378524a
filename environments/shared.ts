/**
 * Values every environment uses unchanged: the Pyth network they observe, the publishers of interest, where runbooks
 * live and who is paged for what. An environment spreads or overrides them; they are data, like the rest.
 */

/** Pythnet, as pyth-observer's sample config names it (public endpoints; set a private RPC per environment if needed). */
export const PYTHNET = {
  name: 'pythnet',
  httpEndpoint: 'https://api2.pythnet.pyth.network',
  wsEndpoint: 'wss://api2.pythnet.pyth.network',
  firstMapping: 'AHtgzX45WTKfkPG53L6WYhGEXwQkN1BVknET3sVsLL8J',
};

/**
 * Pyth price feed ids of the feeds the environments watch (public identifiers, as Pyth's Price Feed IDs list at
 * docs.pyth.network gives them; each checked against two independent published lists). Hermes is asked by id.
 */
export const PYTH_PRICE_IDS = {
  'Crypto.BTC/USD': 'e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43',
  'Crypto.ETH/USD': 'ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace',
  'Crypto.SOL/USD': 'ef0d8b6fda2ceba41da15d4095d1da392a0d2f8ed0c6c7bc0f4cfac8c280b56d',
  'Crypto.USDC/USD': 'eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a',
  'Equity.US.AAPL/USD': '49f6b65cb1de6b10eaf75e7c03ca029c306d0357e91b5311b175084a5ad55688',
  'Equity.US.SPY/USD': '19e09bb805456ada3979a7d1cbb4b6d63babc3a0f8e8a9509f68afa5c4c11cd5',
  'FX.EUR/USD': 'a995d00bb36a63cef7fd2c287dc105fc8f3d93779f062f09551b0af3e81ec30b',
  'FX.USD/JPY': 'ef2c98c804ba503c6a707e38be4dfbb16683775f195b091252bf24693042fd52',
} as const;

/** Publisher public keys (public data; placeholders from pyth-observer's sample.publishers.yaml). */
export const PUBLISHERS = {
  publisher1: 'FR19oB2ePko2haah8yP4fhTycxitxkVQTxk3tssxX1Ce',
  publisher2: 'DgAK7fPveidN72LCwCF4QjFcYHchBZbtZnjEAtgU1bMX',
};

export const RUNBOOK_BASE_URL = 'https://github.com/example-org/feedops/blob/main/docs/runbooks';

/** Slack receivers every environment has; `channelPrefix` keeps non-production noise out of production channels. */
export function slackReceivers(channelPrefix: string) {
  const receivers = ['feeds-critical', 'feeds-alerts', 'platform-critical', 'platform-alerts', 'monitoring-info'] as const;
  return Object.fromEntries(receivers.map((receiver) => [receiver, { channel: `#${channelPrefix}${receiver}` }]));
}

/** Who gets what: the feeds team for price-feed alerts, the platform team for the rest. */
export const ALERT_ROUTING = {
  bySeverity: { critical: 'platform-critical', warning: 'platform-alerts', info: 'monitoring-info' },
  byTeam: {
    feeds: { critical: 'feeds-critical', warning: 'feeds-alerts' },
    platform: { critical: 'platform-critical', warning: 'platform-alerts' },
  },
  defaultReceiver: 'platform-alerts',
};

/** Opsgenie heartbeat of an environment: the URL names the heartbeat; its API key (GenieKey) is in Secrets Manager. */
export function opsgenieHeartbeat(environment: string) {
  return { url: `https://api.eu.opsgenie.com/v2/heartbeats/feedops-${environment}/ping`, authorizationType: 'GenieKey' };
}

// ---- wallets (constructs/wallets) ----
// Example addresses were generated at random for these files (nobody holds their keys); replace them with the real ones.

/** Runway objective of every wallet unless it sets its own: ticket below 6 days, page below 2 days. */
export const WALLET_RUNWAY = { ticketBelow: '6d', pageBelow: '2d' };

/** Public test-network endpoints without credentials. */
export const TESTNET_WALLET_NETWORKS = {
  'ethereum-sepolia': { family: 'evm', chainId: 11155111, rpc: [{ name: 'publicnode', url: 'https://ethereum-sepolia-rpc.publicnode.com' }] },
  'solana-devnet': { family: 'solana', rpc: [{ name: 'solana-labs', url: 'https://api.devnet.solana.com' }] },
};
// ---- endpoint probes (issue 10) ----

/** Hermes, Pyth's public price service (consumers pull prices from it). */
export const HERMES_URL = 'https://hermes.pyth.network';

/**
 * Endpoints every environment probes: Hermes readiness and its price-feed API, Pythnet RPC (the observer's own
 * endpoint, so one owner for the URL), and a group of public Ethereum RPC providers (public URLs, no API keys).
 * `availabilityObjectivePercent` is per environment: production promises more than dev.
 */
export function sharedEndpoints(hermesAvailabilityObjectivePercent: number) {
  const ethereumRpc = { kind: 'jsonrpc', method: 'eth_blockNumber', expectedResult: '"0x[0-9a-fA-F]+"', team: 'platform', latencyObjectiveSeconds: 2, group: 'ethereum-rpc' } as const;
  return {
    'hermes-ready': {
      kind: 'http',
      url: `${HERMES_URL}/ready`,
      expectedStatus: [200],
      team: 'feeds',
      latencyObjectiveSeconds: 1,
      availabilityObjectivePercent: hermesAvailabilityObjectivePercent,
    },
    'hermes-price-feeds': {
      kind: 'http',
      // The feed catalogue answers from Hermes' price store; a query by symbol needs no price id.
      url: `${HERMES_URL}/v2/price_feeds?query=BTC&asset_type=crypto`,
      bodyMatches: '"id"\\s*:\\s*"[0-9a-f]+"',
      team: 'feeds',
      latencyObjectiveSeconds: 1.5,
    },
    'pythnet-rpc': {
      kind: 'jsonrpc',
      url: PYTHNET.httpEndpoint,
      method: 'getHealth',
      expectedResult: '"ok"',
      team: 'feeds',
      latencyObjectiveSeconds: 2,
    },
    'ethereum-rpc-publicnode': { ...ethereumRpc, url: 'https://ethereum-rpc.publicnode.com' },
    'ethereum-rpc-llamarpc': { ...ethereumRpc, url: 'https://eth.llamarpc.com' },
  } as const;
}
