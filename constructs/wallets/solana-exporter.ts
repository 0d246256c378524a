import { renderExternalSecret } from '../secrets/external-secret';
import { SOLANA_EXPORTER_IMAGE } from './exporter-images';
import { renderExporterWorkload } from './exporter-workload';
import type { ResolvedNetwork, ResolvedWallets } from './resolve';

export const SOLANA_EXPORTER_PORT = 8080;
const RPC_URL_VARIABLE = 'RPC_URL';
const RPC_URL_KEY = 'rpc-url';

/**
 * solana-exporter for one Solana or Pythnet network: balances only (`-balance-address` per wallet; no
 * `-light-mode`, which drops balances). It takes its RPC URL only as a flag, so a keyed URL comes from a Secret
 * into an environment variable that Kubernetes expands into the argument.
 */
export function renderSolanaExporter(network: ResolvedNetwork, pack: ResolvedWallets): Record<string, any>[] {
  const [endpoint] = network.rpc;
  const keyed = 'secretProperty' in endpoint;
  const name = network.job;
  const args = [
    `-rpc-url=${keyed ? `$(${RPC_URL_VARIABLE})` : endpoint.url}`,
    `-listen-address=:${SOLANA_EXPORTER_PORT}`,
    ...network.exporterWallets.map((wallet) => `-balance-address=${wallet.address}`),
  ];
  const secret = keyed
    ? [
        renderExternalSecret({
          name: `${name}-rpc`,
          namespace: pack.namespace,
          remoteName: pack.rpcSecretName,
          keys: { [RPC_URL_KEY]: endpoint.secretProperty },
          labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'feedops' },
        }),
      ]
    : [];
  return [
    ...secret,
    ...renderExporterWorkload({
      network,
      namespace: pack.namespace,
      component: 'solana-wallet-exporter',
      image: SOLANA_EXPORTER_IMAGE,
      port: SOLANA_EXPORTER_PORT,
      args,
      ...(keyed ? { env: [{ name: RPC_URL_VARIABLE, valueFrom: { secretKeyRef: { name: `${name}-rpc`, key: RPC_URL_KEY } } }] } : {}),
    }),
  ];
}
