/**
 * The chain families feedops can watch wallets on. One entry per family says how its addresses look and which
 * exporter reads them; a new family (Sui, Aptos) is a new entry plus an exporter renderer.
 */
export const CHAIN_FAMILIES = ['evm', 'solana', 'pythnet'] as const;
export type ChainFamily = (typeof CHAIN_FAMILIES)[number];

/** Families whose addresses are base58 32-byte public keys and that solana-exporter reads. */
export const SOLANA_LIKE_FAMILIES: readonly ChainFamily[] = ['solana', 'pythnet'];

/** Whether a family's networks carry an EIP-155 chain id. */
export function hasChainId(family: ChainFamily): boolean {
  return family === 'evm';
}

/** Where a wallet's balance comes from: a feedops exporter, or a price pusher that already exports it. */
export const BALANCE_SOURCES = ['exporter', 'price-pusher'] as const;
export type BalanceSource = (typeof BALANCE_SOURCES)[number];
