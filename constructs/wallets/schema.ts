import { z } from 'zod';
import { base58PublicKeyProblem, evmAddressProblem } from './addresses';
import { BALANCE_SOURCES, CHAIN_FAMILIES, hasChainId, SOLANA_LIKE_FAMILIES } from './chain-families';
import { compareAmounts, DECIMAL_AMOUNT_PATTERN, MAX_DECIMALS } from './decimal-amount';

/**
 * The `wallets` field of an environment: which networks are read through which RPC endpoints, and which wallets
 * are watched with which floors and runway objectives. Cross-field rules (address per family, floor order,
 * declared networks) are refinements here, so they reach the environment validator as `wallets.<path>` problems.
 */

const walletName = z.string().regex(/^[a-z][a-z0-9-]{0,40}[a-z0-9]$/);
const amount = z
  .string()
  .regex(DECIMAL_AMOUNT_PATTERN, { message: `is not a decimal amount in the native unit (allowed: a string such as "0.25", at most ${MAX_DECIMALS} decimals)` });
/** Runway objectives in whole hours or days: "48h", "6d". */
export const RUNWAY_PATTERN = /^[1-9]\d{0,3}(h|d)$/;
const runwayDuration = z.string().regex(RUNWAY_PATTERN, { message: 'is not a runway duration (allowed: whole hours or days, e.g. "48h", "6d")' });

/** A plain URL must not carry a credential: no user info, no query, no long token-like path segment. */
const KEY_LIKE_SEGMENT = /\/[A-Za-z0-9_-]{20,}(\/|$)/;
const plainRpcUrl = z
  .string()
  .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/, {
    message: 'is not a plain https RPC URL (allowed: https://host/path without user info or query; a URL with an API key goes in Secrets Manager: use secretProperty)',
  })
  .refine((url) => !KEY_LIKE_SEGMENT.test(url), {
    message: 'looks like it carries an API key in its path (allowed: a URL without credentials; put keyed URLs in Secrets Manager and name them with secretProperty)',
  });

const rpcEndpointSchema = z.union([
  z.strictObject({ name: walletName, url: plainRpcUrl }),
  z.strictObject({
    name: walletName,
    /** JSON property of the `<env>/feedops/wallet-rpc` secret in Secrets Manager that holds the full URL. */
    secretProperty: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'is not a secret property name (allowed: letters, digits, "-", "_", ".")' }),
  }),
]);

export const walletNetworkSchema = z.strictObject({
  family: z.enum(CHAIN_FAMILIES),
  /** EIP-155 chain id (EVM only); the price pusher labels its balances with it. */
  chainId: z.number().int().min(1).optional(),
  /** RPC endpoints the exporter reads; the EVM exporter reads every address from every endpoint. */
  rpc: z.array(rpcEndpointSchema).min(1),
  /** Name of the native unit in alerts and on the dashboard. @default 'ETH' on evm, 'SOL' on solana and pythnet */
  unit: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, { message: 'is not a unit symbol (allowed: e.g. "ETH", "POL", "SOL")' }).optional(),
  /** Exporter replicas for this network. @default wallets.exporterReplicas */
  exporterReplicas: z.number().int().min(1).optional(),
});

export const runwayObjectiveSchema = z.strictObject({
  /** Warn (ticket) when the balance at the recent spend rate lasts less than this. */
  ticketBelow: runwayDuration,
  /** Page when it lasts less than this. */
  pageBelow: runwayDuration,
});

export const walletSchema = z.strictObject({
  /** A key of wallets.networks. */
  network: z.string(),
  /** EIP-55 checksum address (EVM) or base58 32-byte public key (Solana, Pythnet). */
  address: z.string(),
  /** Owner team: the `team` label alerts are routed by. */
  team: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, { message: 'is not a team name (allowed: lower-case letters, digits and "-", e.g. "feeds")' }),
  /** What the wallet pays for, shown in alerts and on the dashboard. */
  purpose: z.string().min(3).max(120),
  /** `price-pusher`: the pusher's pyth_wallet_balance already reports it; no feedops exporter reads it. @default 'exporter' */
  source: z.enum(BALANCE_SOURCES).optional(),
  /** Floors in the chain's native unit (ETH, SOL), as decimal strings; warning above critical. */
  floors: z.strictObject({ warning: amount, critical: amount }),
  /** @default wallets.runway */
  runway: runwayObjectiveSchema.optional(),
});

export const walletsSchema = z
  .strictObject({
    /** Networks keyed by name (the `network` label), e.g. "ethereum", "arbitrum", "solana", "pythnet". */
    networks: z.record(walletName, walletNetworkSchema),
    /** Runway objective of every wallet without its own. */
    runway: runwayObjectiveSchema,
    /** Replicas of each exporter Deployment. @default 1 */
    exporterReplicas: z.number().int().min(1).optional(),
    /** Team that owns the exporters (exporter down, RPC errors). */
    exporterTeam: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/),
    /** Wallets keyed by name (the `wallet` label). */
    wallets: z.record(walletName, walletSchema),
  })
  .superRefine((config, ctx) => {
    const problem = (path: PropertyKey[], input: unknown, message: string) => ctx.addIssue({ code: 'custom', path, input, message });
    for (const [name, network] of Object.entries(config.networks)) {
      if (hasChainId(network.family) && network.chainId === undefined) problem(['networks', name, 'chainId'], undefined, 'for an evm network (allowed: its EIP-155 chain id, e.g. 1)');
      if (!hasChainId(network.family) && network.chainId !== undefined) problem(['networks', name, 'chainId'], network.chainId, `is set on a ${network.family} network (allowed: only evm networks have a chain id)`);
      if (network.family !== 'evm' && network.rpc.length !== 1) {
        problem(['networks', name, 'rpc'], network.rpc, `has ${network.rpc.length} endpoints (allowed: exactly one; solana-exporter reads one -rpc-url)`);
      }
      const endpointNames = network.rpc.map((endpoint) => endpoint.name);
      endpointNames.forEach((endpoint, index) => {
        if (endpointNames.indexOf(endpoint) !== index) problem(['networks', name, 'rpc', index, 'name'], endpoint, 'is used by another endpoint of this network (allowed: unique names)');
      });
    }
    checkRunway(config.runway, ['runway'], problem);
    const declared = Object.keys(config.networks);
    const seenAddresses = new Map<string, string>();
    for (const [name, wallet] of Object.entries(config.wallets)) {
      const network = config.networks[wallet.network];
      if (!network) {
        problem(['wallets', name, 'network'], wallet.network, `is not declared in wallets.networks (allowed: ${declared.join(', ') || 'none declared'})`);
      } else {
        const addressProblem = network.family === 'evm' ? evmAddressProblem(wallet.address) : SOLANA_LIKE_FAMILIES.includes(network.family) ? base58PublicKeyProblem(wallet.address) : undefined;
        if (addressProblem) problem(['wallets', name, 'address'], wallet.address, addressProblem);
        const key = `${wallet.network}/${wallet.address.toLowerCase()}`;
        const owner = seenAddresses.get(key);
        if (owner) problem(['wallets', name, 'address'], wallet.address, `is also wallet "${owner}" on ${wallet.network} (allowed: one entry per address and network)`);
        seenAddresses.set(key, name);
      }
      if (compareAmounts(wallet.floors.warning, wallet.floors.critical) <= 0) {
        problem(['wallets', name, 'floors', 'warning'], wallet.floors.warning, `is not above the critical floor "${wallet.floors.critical}" (allowed: warning > critical)`);
      }
      if (wallet.runway) checkRunway(wallet.runway, ['wallets', name, 'runway'], problem);
    }
  });

function checkRunway(runway: { ticketBelow: string; pageBelow: string }, path: PropertyKey[], problem: (path: PropertyKey[], input: unknown, message: string) => void): void {
  if (runwayHours(runway.ticketBelow) <= runwayHours(runway.pageBelow)) {
    problem([...path, 'ticketBelow'], runway.ticketBelow, `is not longer than pageBelow "${runway.pageBelow}" (allowed: ticketBelow > pageBelow)`);
  }
}

/** Hours of a runway duration ("6d" -> 144). */
export function runwayHours(duration: string): number {
  const match = RUNWAY_PATTERN.exec(duration);
  if (!match) throw new Error(`"${duration}" is not a runway duration (allowed: e.g. "48h", "6d")`);
  return Number(duration.slice(0, -1)) * (match[1] === 'd' ? 24 : 1);
}

export type WalletsConfig = z.infer<typeof walletsSchema>;
export type WalletConfig = z.infer<typeof walletSchema>;
export type WalletNetworkConfig = z.infer<typeof walletNetworkSchema>;
export type RpcEndpointConfig = z.infer<typeof rpcEndpointSchema>;
