import { resolveWallets, type ResolvedWallets } from '../../constructs/wallets/resolve';
import { walletsSchema } from '../../constructs/wallets/schema';

/** A small, realistic pack: one wallet per kind of source, with round floors so traces are easy to reason about. */
export const TEST_WALLETS_CONFIG = {
  networks: {
    ethereum: { family: 'evm', chainId: 1, rpc: [{ name: 'alchemy', secretProperty: 'ethereum-alchemy' }, { name: 'publicnode', url: 'https://ethereum-rpc.publicnode.com' }] },
    arbitrum: { family: 'evm', chainId: 42161, rpc: [{ name: 'arbitrum-foundation', url: 'https://arb1.arbitrum.io/rpc' }] },
    solana: { family: 'solana', rpc: [{ name: 'solana-labs', url: 'https://api.mainnet-beta.solana.com' }] },
  },
  runway: { ticketBelow: '6d', pageBelow: '2d' },
  exporterReplicas: 2,
  exporterTeam: 'platform',
  wallets: {
    'eth-pusher': {
      network: 'ethereum',
      address: '0x68fc5207dd28339551292b8E94133abd2878936C',
      team: 'feeds',
      purpose: 'Pays gas for price updates',
      floors: { warning: '1.5', critical: '0.5' },
    },
    'sol-pusher': {
      network: 'solana',
      address: '54bdPj85i7qR5C3aRGQTDTrgmCYSjypvak5xXZGDp2Lt',
      team: 'feeds',
      purpose: 'Pays fees for price updates',
      floors: { warning: '5', critical: '1' },
    },
    'arb-pusher': {
      network: 'arbitrum',
      address: '0x1DF7915C2591cd4F3516eaf7ac134815832a4477',
      team: 'feeds',
      purpose: 'Pays gas for price updates',
      source: 'price-pusher',
      floors: { warning: '0.05', critical: '0.01' },
    },
  },
};

export const TEST_PACK: ResolvedWallets = resolveWallets(walletsSchema.parse(TEST_WALLETS_CONFIG), {
  environment: 'prod',
  namespace: 'monitors',
  runbookBaseUrl: 'https://github.com/example-org/feedops/blob/main/docs/runbooks',
});

export const wallet = (name: string) => TEST_PACK.wallets.find((w) => w.name === name)!;
