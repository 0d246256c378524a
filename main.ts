import * as fs from 'fs';
import * as path from 'path';
import { synthWithSavings } from './constructs/core/cdktf-savings';
import { EnvironmentConfigError } from './environments/validate';
import { buildApp } from './stacks/app';
import { removeStaleStacks } from './stacks/stale-stacks';

// The cdktf app: every environment's stacks, in apply order. Invalid configuration writes nothing.
// synthWithSavings skips cdktf work the output does not depend on (FEEDOPS_CDKTF_SAVINGS=off: cdktf's own synth).
try {
  const { app } = synthWithSavings(() => buildApp().app);
  // Stacks of environments no longer registered must not linger next to the new output.
  const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
  const stacks = Object.keys(manifest.stacks);
  const { kept } = removeStaleStacks(app.outdir, stacks);
  for (const stack of kept) {
    process.stderr.write(`kept ${app.outdir}/stacks/${stack}: no longer synthesized, but it holds local Terraform state; move or delete it by hand\n`);
  }
} catch (error) {
  if (error instanceof EnvironmentConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
