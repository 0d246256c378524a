/* eslint-disable @typescript-eslint/no-require-imports -- each file is required inside loadEnvironmentFile, so one that throws is reported, not fatal */
import { loadEnvironmentFile } from './load';

/**
 * Every environment, in apply order: the one list that synth, the workflows (their matrices are printed from it by
 * scripts/environment-matrix.ts) and the tests read. Adding one is a new data file and a line here.
 * The data files are plain objects, not typed as EnvironmentConfig: the runtime schema checks them (validate.ts) and
 * reports every mistake, typos included, as `environment: field.path: problem (allowed: ...)` before anything is
 * synthesized; a file that throws while it loads is reported as `environment: environments/<env>.ts: what failed`.
 */
export const ENVIRONMENTS: Readonly<Record<string, unknown>> = {
  dev: loadEnvironmentFile('dev', () => require('./dev')),
  staging: loadEnvironmentFile('staging', () => require('./staging')),
  prod: loadEnvironmentFile('prod', () => require('./prod')),
};

export { delivery } from './delivery';
export type { DeliveryConfig } from './delivery';
export type { EnvironmentConfig, NodeGroupConfig } from './schema';
export { EnvironmentConfigError, validateEnvironments } from './validate';
