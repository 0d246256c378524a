import { App } from '../constructs/core/cdktf';
import { ENVIRONMENTS, delivery } from '../environments';
import { ValidatedConfig, validateEnvironments } from '../environments/validate';
import { deliveryForAccount } from '../environments/delivery';
import { BootstrapStack } from './bootstrap-stack';
import { bootstrapStackName } from './naming';
import { ClusterStack } from './cluster-stack';
import { MonitorsStack } from './monitors-stack';
import { PlatformStack } from './platform-stack';

export interface BuildAppOptions {
  /** @default - cdktf's default (CDKTF_OUTDIR or ./cdktf.out) */
  readonly outdir?: string;
  /** Raw environments to validate instead of the registered ones (tests). @default ENVIRONMENTS */
  readonly environments?: Readonly<Record<string, unknown>>;
  /** Raw delivery settings to validate instead of the registered ones (tests). @default delivery */
  readonly delivery?: unknown;
  /**
   * Environments and delivery settings validated already (the synth validates before cdktf loads); `environments`
   * and `delivery` are then not read.
   * @default - validates `environments` and `delivery`
   */
  readonly config?: ValidatedConfig;
}

/**
 * Validates every environment first (throwing EnvironmentConfigError before any stack exists, so nothing is
 * written), then builds each environment's stacks in apply order.
 */
export function buildApp(options: BuildAppOptions = {}): { app: App; config: ValidatedConfig } {
  const config = options.config ?? validateEnvironments(options.environments ?? ENVIRONMENTS, options.delivery ?? delivery);
  const app = new App({ outdir: options.outdir, skipValidation: false });
  // One bootstrap per account (the delivery account's is `bootstrap`, always there), each with its environments' roles.
  const accounts = [config.delivery.accountId, ...new Set(config.environments.map((env) => env.account.id))];
  for (const account of [...new Set(accounts)]) {
    const inAccount = config.environments.filter((env) => env.account.id === account);
    new BootstrapStack(app, inAccount, deliveryForAccount(config.delivery, account), bootstrapStackName(config.delivery.accountId, account));
  }
  for (const env of config.environments) {
    new ClusterStack(app, env, config.delivery);
    new PlatformStack(app, env, config.delivery);
    new MonitorsStack(app, env, config.delivery);
  }
  return { app, config };
}
