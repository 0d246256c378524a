import { MONITORS_NAMESPACE } from '../constructs/kubernetes/restricted-namespace';
import { resolveParsed } from '../constructs/price-feeds/resolve';
import { resolveWallets, type ResolvedWallets } from '../constructs/wallets/resolve';
import { renderWalletExporters } from '../constructs/wallets/wallet-manifests';
import type { EnvironmentConfig } from '../environments/schema';

// An environment's monitored concerns resolved from its configuration: the models the monitors stack builds from and
// the platform stack, the alert routing, the SLOs and the tests read. Plain data, without cdktf or a provider.

/** The environment's price feeds, resolved once for every output of the monitors stack. */
export function environmentPriceFeeds(env: EnvironmentConfig) {
  return resolveParsed(env.priceFeeds, { environment: env.name, runbookBaseUrl: env.alerting.runbookBaseUrl, namespace: MONITORS_NAMESPACE, pathPrefix: 'priceFeeds' });
}

/** The environment's wallets, resolved once (the construct and the platform's secret store read the same). */
export function environmentWallets(env: EnvironmentConfig): ResolvedWallets | undefined {
  return env.wallets ? resolveWallets(env.wallets, { environment: env.name, namespace: MONITORS_NAMESPACE, runbookBaseUrl: env.alerting.runbookBaseUrl }) : undefined;
}

/** Namespaces of the monitors stack that sync secrets from Secrets Manager: the secret store must admit exactly these. */
export function monitorsSecretNamespaces(env: EnvironmentConfig): string[] {
  const wallets = environmentWallets(env);
  const manifests = wallets ? renderWalletExporters(wallets) : [];
  return [...new Set(manifests.filter((manifest) => manifest.kind === 'ExternalSecret').map((manifest) => String(manifest.metadata.namespace)))];
}
