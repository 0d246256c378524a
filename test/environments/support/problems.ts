import { delivery, ENVIRONMENTS } from '../../../environments';
import { EnvironmentConfigError, validateEnvironments } from '../../../environments/validate';

/** A deep copy of the registered environments with one change applied. */
export function withChange(change: (envs: Record<string, any>) => void): Record<string, any> {
  const copy = structuredClone(ENVIRONMENTS) as Record<string, any>;
  change(copy);
  return copy;
}

/** The problem lines ("<env>: <path>: <message>") validation reports, or [] when it accepts the configuration. */
export function problemsOf(environments: Record<string, unknown>, deliveryConfig: unknown = delivery): string[] {
  try {
    validateEnvironments(environments, deliveryConfig);
  } catch (error) {
    if (error instanceof EnvironmentConfigError) return error.message.split('\n').slice(1);
    throw error;
  }
  return [];
}
