/**
 * Every metric name and unit the wallet pack reads or records, owned here. Units were checked at each exporter's
 * source: ethpandaops sets the `eth_getBalance` result as a float of raw wei (jobs/account.go), solana-exporter
 * divides lamports by 1e9 (SOL), and price_pusher's pyth_wallet_balance is already in native units.
 */
export const EVM_EXPORTER_METRICS = {
  /** `{name, address, execution}` plus per-address labels; raw wei. */
  balance: 'eth_address_account_balance',
  /** `{name, address, execution}`: failed eth_getBalance calls, per address and execution node. */
  errors: 'eth_address_account_errors_total',
} as const;
/** Wei per ether: the EVM exporter's balance divided by this is in native units. */
export const WEI_PER_ETHER = '1e18';

export const SOLANA_EXPORTER_METRICS = {
  /** `{address}`; SOL (lamports / 1e9). A failed RPC read fails the whole scrape, so it shows as `up == 0`. */
  balance: 'solana_account_balance',
  /** 1 while the RPC node answers getHealth "ok". */
  nodeHealthy: 'solana_node_is_healthy',
} as const;

export const PRICE_PUSHER_METRICS = {
  /** `{wallet_address, network}` in native units (network = chain id on EVM). */
  balance: 'pyth_wallet_balance',
} as const;

/** The pack's own series: one balance contract whichever exporter produced the value. */
export const WALLET_SERIES = {
  /** `{environment, wallet, chain, network, address, team}` in the chain's native unit. */
  balance: 'feedops:wallet_balance:native',
  /** Native units spent per hour, from decreases only (refills are ignored). */
  spendRate: 'feedops:wallet_spend_rate:native_per_hour',
  /** Hours until empty at the current spend rate; absent while nothing is spent. */
  runway: 'feedops:wallet_runway:hours',
} as const;

/** Labels of the balance contract, in this order. */
export const WALLET_LABELS = ['environment', 'wallet', 'chain', 'network', 'address', 'team'] as const;
