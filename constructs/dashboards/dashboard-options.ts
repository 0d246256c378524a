import { describeValue, ValidationError } from '../core/validation-error';

/** Throws the standard message for a bad dashboard option: the dashboard, the option, the value, what is allowed. */
export function optionFailure(dashboard: string) {
  return (option: string, value: unknown, allowed: string): never => {
    throw new ValidationError([{ scope: `${dashboard} dashboard`, path: option, message: `${describeValue(value)} (allowed: ${allowed})` }], 'dashboard options');
  };
}

/** Checks an optional numeric option and returns it or its default. */
export function numberOption(
  fail: ReturnType<typeof optionFailure>,
  option: string,
  value: number | undefined,
  defaultValue: number,
  rule: { readonly wholeNumber?: boolean; readonly atLeast: number },
): number {
  const resolved = value ?? defaultValue;
  const whole = rule.wholeNumber ?? false;
  if (!Number.isFinite(resolved) || resolved < rule.atLeast || (whole && !Number.isInteger(resolved))) {
    fail(option, resolved, `${whole ? 'a whole number' : 'a number'} of at least ${rule.atLeast}`);
  }
  return resolved;
}

const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,62}$/;

export function environmentOption(fail: ReturnType<typeof optionFailure>, environment: string): string {
  if (!ENVIRONMENT_NAME.test(environment)) fail('environment', environment, 'lower-case letters, digits and "-", starting with a letter');
  return environment;
}
