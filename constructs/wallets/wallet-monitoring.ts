import { Construct } from 'constructs';
import type { ITerraformDependable } from '../core/cdktf';
import type { RenderedRules } from '../alerting/rules/render-rules';
import { dashboardConfigMap } from '../dashboards/dashboard-config-map';
import { KubernetesObjects } from '../kubernetes/kubernetes-objects';
import { resolveWallets, type ResolvedWallets, type SpendMeasurement } from './resolve';
import type { WalletsConfig } from './schema';
import { renderWalletExporters } from './wallet-manifests';
import { renderWalletRules } from './wallet-rules';
import { walletsDashboard } from './wallets-dashboard';

export interface WalletMonitoringProps {
  /** The environment name: the `environment` label and the Secrets Manager prefix of keyed RPC URLs. */
  readonly environment: string;
  /** Namespace of the exporters, the PrometheusRule and the dashboard ConfigMap (Pod Security "restricted"). */
  readonly namespace: string;
  /** Runbook pages live at `<runbookBaseUrl>/<AlertName>.md`. */
  readonly runbookBaseUrl: string;
  /** The environment's `wallets` field, already validated by walletsSchema. */
  readonly wallets: WalletsConfig;
  /** @default DEFAULT_SPEND_MEASUREMENT (6h window, 1m steps, 1h of history before a runway exists) */
  readonly spend?: SpendMeasurement;
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The wallet monitor pack placed in a cluster: exporters for the networks feedops reads itself, the
 * `feedops-wallets` PrometheusRule (balance contract, spend, runway, alerts) and the Wallets dashboard, all
 * from one resolved model.
 */
export class WalletMonitoring extends Construct {
  public readonly resolved: ResolvedWallets;
  public readonly rules: RenderedRules;
  public readonly manifests: readonly Record<string, any>[];

  constructor(scope: Construct, id: string, props: WalletMonitoringProps) {
    super(scope, id);
    this.resolved = resolveWallets(props.wallets, {
      environment: props.environment,
      namespace: props.namespace,
      runbookBaseUrl: props.runbookBaseUrl,
      ...(props.spend ? { spend: props.spend } : {}),
    });
    this.rules = renderWalletRules(this.resolved);
    this.manifests = [
      ...renderWalletExporters(this.resolved),
      this.rules.prometheusRule,
      dashboardConfigMap(walletsDashboard(this.resolved), { namespace: props.namespace }),
    ];
    new KubernetesObjects(this, 'objects', { manifests: this.manifests, dependsOn: props.dependsOn });
  }
}
