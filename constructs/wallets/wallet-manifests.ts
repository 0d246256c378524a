import { renderEvmExporter } from './evm-exporter';
import type { ResolvedWallets } from './resolve';
import { watchedNetworks } from './resolve';
import { renderSolanaExporter } from './solana-exporter';

/** Every exporter object of the pack: one exporter per network that has a wallet feedops reads itself. */
export function renderWalletExporters(pack: ResolvedWallets): Record<string, any>[] {
  return watchedNetworks(pack).flatMap((network) => (network.family === 'evm' ? renderEvmExporter(network, pack) : renderSolanaExporter(network, pack)));
}
