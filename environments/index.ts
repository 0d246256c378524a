import { dev } from './dev';
import { prod } from './prod';
import { staging } from './staging';

/** Every environment, in apply order. Adding one is a new data file and a line here. */
export const ENVIRONMENTS: Readonly<Record<string, unknown>> = { dev, staging, prod };

export { delivery } from './delivery';
export type { DeliveryConfig } from './delivery';
export type { EnvironmentConfig, NodeGroupConfig } from './schema';
export { EnvironmentConfigError, validateEnvironments } from './validate';
