import { yamlText } from '../core/yaml-text';
import { renderExternalSecret } from '../secrets/external-secret';
import { EVM_EXPORTER_IMAGE } from './exporter-images';
import { renderExporterWorkload } from './exporter-workload';
import type { ResolvedNetwork, ResolvedWallets } from './resolve';

export const EVM_EXPORTER_PORT = 9090;
/** The exporter's own default; it reads every address from every node once per interval. */
export const EVM_EXPORTER_CHECK_INTERVAL = '15s';
export const EVM_EXPORTER_RPC_TIMEOUT = '10s';
const CONFIG_DIRECTORY = '/etc/ethereum-address-metrics-exporter';
const CONFIG_FILE = 'config.yaml';

/** The ESO template key a keyed endpoint's URL is read into (Go template field names allow no "-"). */
function secretKeyOf(index: number): string {
  return `rpc_${index}`;
}

/**
 * ethereum-address-metrics-exporter's v1 config: `execution` is a list of nodes, each address is read from each.
 * Keyed URLs are `{{ .rpc_<n> }}` placeholders that External Secrets fills in from Secrets Manager, so the
 * rendered file (and the Terraform JSON) never holds them.
 */
export function renderEvmExporterConfig(network: ResolvedNetwork): Record<string, unknown> {
  return {
    global: { logging: 'warn', metricsAddr: `:${EVM_EXPORTER_PORT}`, namespace: 'eth_address', checkInterval: EVM_EXPORTER_CHECK_INTERVAL },
    execution: network.rpc.map((endpoint, index) => ({
      name: endpoint.name,
      url: 'url' in endpoint ? endpoint.url : `{{ .${secretKeyOf(index)} }}`,
      timeout: EVM_EXPORTER_RPC_TIMEOUT,
    })),
    addresses: { account: network.exporterWallets.map((wallet) => ({ name: wallet.name, address: wallet.address })) },
  };
}

/** The EVM exporter of one network: its config (ConfigMap, or an ExternalSecret template when a URL is keyed) and workload. */
export function renderEvmExporter(network: ResolvedNetwork, pack: ResolvedWallets): Record<string, any>[] {
  const name = network.job;
  const configText = yamlText(renderEvmExporterConfig(network));
  const keyed = network.rpc.map((endpoint, index) => ({ endpoint, index })).filter(({ endpoint }) => 'secretProperty' in endpoint);
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'feedops' };
  const configObject =
    keyed.length === 0
      ? { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config`, namespace: pack.namespace, labels }, data: { [CONFIG_FILE]: configText } }
      : withTemplate(
          renderExternalSecret({
            name: `${name}-config`,
            namespace: pack.namespace,
            remoteName: pack.rpcSecretName,
            keys: Object.fromEntries(keyed.map(({ endpoint, index }) => [secretKeyOf(index), (endpoint as { secretProperty: string }).secretProperty])),
            labels,
          }),
          { [CONFIG_FILE]: configText },
        );
  return [
    configObject,
    ...renderExporterWorkload({
      network,
      namespace: pack.namespace,
      component: 'evm-wallet-exporter',
      image: EVM_EXPORTER_IMAGE,
      port: EVM_EXPORTER_PORT,
      args: [`--config=${CONFIG_DIRECTORY}/${CONFIG_FILE}`],
      config: {
        volume: keyed.length === 0 ? { configMap: { name: `${name}-config` } } : { secret: { secretName: `${name}-config` } },
        directory: CONFIG_DIRECTORY,
        digestOf: configText,
      },
    }),
  ];
}

/** An ExternalSecret whose target Secret is rendered from `data` (ESO template engine v2). */
function withTemplate(externalSecret: Record<string, any>, data: Record<string, string>): Record<string, any> {
  return {
    ...externalSecret,
    spec: { ...externalSecret.spec, target: { ...externalSecret.spec.target, template: { engineVersion: 'v2', data } } },
  };
}
