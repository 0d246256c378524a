import { App } from '../constructs/core/cdktf';
import { ENVIRONMENTS, delivery } from '../environments';
import { ValidatedConfig, validateEnvironments } from '../environments/validate';
import { BootstrapStack } from './bootstrap-stack';
import { ClusterStack } from './cluster-stack';
import { MonitorsStack } from './monitors-stack';
import { PlatformStack } from './platform-stack';

export interface BuildAppOptions {
  /** @default - cdktf's default (CDKTF_OUTDIR or ./cdktf.out) */
  readonly outdir?: string;
  /** Raw environments to validate instead of the registered ones (tests). @default ENVIRONMENTS */
  readonly environments?: Readonly<Record<string, unknown>>;
}

/**
 * Validates every environment first (throwing EnvironmentConfigError before any stack exists, so nothing is
 * written), then builds each environment's stacks in apply order.
 */
export function buildApp(options: BuildAppOptions = {}): { app: App; config: ValidatedConfig } {
  const config = validateEnvironments(options.environments ?? ENVIRONMENTS, delivery);
  const app = new App({ outdir: options.outdir, skipValidation: false });
  new BootstrapStack(app, config.environments, config.delivery);
  for (const env of config.environments) {
    new ClusterStack(app, env, config.delivery);
    new PlatformStack(app, env, config.delivery);
    new MonitorsStack(app, env, config.delivery);
  }
  return { app, config };
}
