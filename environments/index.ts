import { dev } from './dev';
import { prod } from './prod';
import { staging } from './staging';

/**
 * Every environment, in apply order. Adding one is a new data file and a line here. The data files are plain
 * objects, not typed as EnvironmentConfig: the runtime schema checks them (validate.ts) and reports every mistake,
 * typos included, as `environment: field.path: problem (allowed: ...)` before anything is synthesized.
 */
export const ENVIRONMENTS: Readonly<Record<string, unknown>> = { dev, staging, prod };

export { delivery } from './delivery';
export type { DeliveryConfig } from './delivery';
export type { EnvironmentConfig, NodeGroupConfig } from './schema';
export { EnvironmentConfigError, validateEnvironments } from './validate';
