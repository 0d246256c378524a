import { Duration } from '../core/duration';
import type { BalanceSource, ChainFamily } from './chain-families';
import { runwayHours, type RpcEndpointConfig, type WalletsConfig } from './schema';

/** Native unit names per family, unless the network names its own. */
export const DEFAULT_UNITS: Readonly<Record<ChainFamily, string>> = { evm: 'ETH', solana: 'SOL', pythnet: 'SOL' };
/** Exporter replicas when neither the network nor the pack sets them. */
export const DEFAULT_EXPORTER_REPLICAS = 1;
/** Secrets Manager name (under the environment's prefix) holding keyed RPC URLs, one JSON property per endpoint. */
export const WALLET_RPC_SECRET_SUFFIX = 'feedops/wallet-rpc';

/**
 * How spend is measured: the mean of per-step decreases over `window`, sampled every `resolution`, once at least
 * `minimumHistory` of samples exist (a fresh Prometheus must not extrapolate one transaction into a runway page).
 */
export interface SpendMeasurement {
  readonly window: Duration;
  readonly resolution: Duration;
  readonly minimumHistory: Duration;
}
export const DEFAULT_SPEND_MEASUREMENT: SpendMeasurement = {
  window: Duration.hours(6),
  resolution: Duration.minutes(1),
  minimumHistory: Duration.hours(1),
};

export interface ResolvedWallet {
  readonly name: string;
  readonly network: string;
  readonly family: ChainFamily;
  readonly chainId?: number;
  readonly address: string;
  /** Native unit symbol, e.g. "ETH". */
  readonly unit: string;
  readonly team: string;
  readonly purpose: string;
  readonly source: BalanceSource;
  /** Decimal strings, rendered verbatim into PromQL. */
  readonly floors: { readonly warning: string; readonly critical: string };
  readonly runwayHours: { readonly ticket: number; readonly page: number };
  /** The `job` of the feedops exporter that reads it; undefined for price-pusher wallets. */
  readonly exporterJob?: string;
}

export interface ResolvedNetwork {
  readonly name: string;
  readonly family: ChainFamily;
  readonly chainId?: number;
  readonly rpc: readonly RpcEndpointConfig[];
  readonly replicas: number;
  /** Deployment, Service and scrape `job` name. */
  readonly job: string;
  /** Wallets this network's exporter reads (source `exporter`); no exporter is deployed when empty. */
  readonly exporterWallets: readonly ResolvedWallet[];
}

export interface ResolvedWallets {
  readonly environment: string;
  readonly namespace: string;
  readonly runbookBaseUrl: string;
  readonly exporterTeam: string;
  /** Secrets Manager name of the keyed RPC URLs: `<environment>/feedops/wallet-rpc`. */
  readonly rpcSecretName: string;
  readonly spend: SpendMeasurement;
  readonly networks: readonly ResolvedNetwork[];
  readonly wallets: readonly ResolvedWallet[];
}

export interface ResolveWalletsOptions {
  readonly environment: string;
  readonly namespace: string;
  readonly runbookBaseUrl: string;
  /** @default DEFAULT_SPEND_MEASUREMENT */
  readonly spend?: SpendMeasurement;
}

/** The exporter Deployment and job of a network. */
export function exporterJobName(network: string): string {
  return `wallet-exporter-${network}`;
}

/** Applies every default once; renderers read only the result. `config` has passed walletsSchema. */
export function resolveWallets(config: WalletsConfig, options: ResolveWalletsOptions): ResolvedWallets {
  const wallets: ResolvedWallet[] = Object.entries(config.wallets).map(([name, wallet]) => {
    const network = config.networks[wallet.network];
    const runway = wallet.runway ?? config.runway;
    const source = wallet.source ?? 'exporter';
    return {
      name,
      network: wallet.network,
      family: network.family,
      ...(network.chainId !== undefined ? { chainId: network.chainId } : {}),
      address: wallet.address,
      unit: network.unit ?? DEFAULT_UNITS[network.family],
      team: wallet.team,
      purpose: wallet.purpose,
      source,
      floors: { warning: wallet.floors.warning, critical: wallet.floors.critical },
      runwayHours: { ticket: runwayHours(runway.ticketBelow), page: runwayHours(runway.pageBelow) },
      ...(source === 'exporter' ? { exporterJob: exporterJobName(wallet.network) } : {}),
    };
  });
  const networks: ResolvedNetwork[] = Object.entries(config.networks).map(([name, network]) => ({
    name,
    family: network.family,
    ...(network.chainId !== undefined ? { chainId: network.chainId } : {}),
    rpc: network.rpc,
    replicas: network.exporterReplicas ?? config.exporterReplicas ?? DEFAULT_EXPORTER_REPLICAS,
    job: exporterJobName(name),
    exporterWallets: wallets.filter((wallet) => wallet.network === name && wallet.source === 'exporter'),
  }));
  return {
    environment: options.environment,
    namespace: options.namespace,
    runbookBaseUrl: options.runbookBaseUrl,
    exporterTeam: config.exporterTeam,
    rpcSecretName: `${options.environment}/${WALLET_RPC_SECRET_SUFFIX}`,
    spend: options.spend ?? DEFAULT_SPEND_MEASUREMENT,
    networks,
    wallets,
  };
}

/** Networks that get an exporter Deployment: at least one wallet read by feedops. */
export function watchedNetworks(resolved: ResolvedWallets): ResolvedNetwork[] {
  return resolved.networks.filter((network) => network.exporterWallets.length > 0);
}
