import { synthWithSavings } from './constructs/core/cdktf-savings';
import { EnvironmentConfigError } from './environments/validate';
import { buildApp } from './stacks/app';

// The cdktf app: every environment's stacks, in apply order. Invalid configuration writes nothing.
// synthWithSavings skips cdktf work the output does not depend on (FEEDOPS_CDKTF_SAVINGS=off: cdktf's own synth).
try {
  synthWithSavings(() => buildApp().app);
} catch (error) {
  if (error instanceof EnvironmentConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
