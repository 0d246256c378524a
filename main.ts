import { EnvironmentConfigError } from './environments/validate';
import { buildApp } from './stacks/app';

// The cdktf app: every environment's stacks, in apply order. Invalid configuration writes nothing.
try {
  buildApp().app.synth();
} catch (error) {
  if (error instanceof EnvironmentConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
