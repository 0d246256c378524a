import * as fs from 'fs';
import * as path from 'path';
import { delivery, ENVIRONMENTS } from './environments';
import { EnvironmentConfigError, validateEnvironments } from './environments/validate';
import { synthSummary } from './scripts/synth-summary/summary';
import { removeStaleStacks } from './stacks/stale-stacks';

// The synth, which main.ts loads: every environment's stacks, in apply order. Invalid configuration writes nothing.
// `--summary` (npm run synth): then prints a line per stack written (scripts/synth-summary/summary.ts).
// synthWithSavings skips cdktf work the output does not depend on (FEEDOPS_CDKTF_SAVINGS=off: cdktf's own synth).
try {
  // Validated before cdktf and the providers load (the required modules below): a broken environment file fails in
  // 0.19 s instead of 0.35 s.
  const config = validateEnvironments(ENVIRONMENTS, delivery);
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only once the configuration is valid */
  const { synthWithSavings } = require('./constructs/core/cdktf-savings') as typeof import('./constructs/core/cdktf-savings');
  const { buildApp } = require('./stacks/app') as typeof import('./stacks/app');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { app } = synthWithSavings(() => buildApp({ config }).app);
  // Stacks of environments no longer registered must not linger next to the new output. Under `npx cdktf synth`,
  // cdktf's CLI removes them itself once the app exits (and fails if they are already gone), so it is left to it.
  if (!launchedByCdktfCli()) removeStale(app.outdir);
  // `npm run synth` asks for the summary here rather than from a second node process (0.1-0.35 s less).
  if (process.argv.includes('--summary')) process.stdout.write(synthSummary(app.outdir) ?? '');
} catch (error) {
  if (error instanceof EnvironmentConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

/** cdktf-cli 0.21.0 sets this for the app it runs (@cdktf/cli-core synth-stack.js). */
function launchedByCdktfCli(): boolean {
  return process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === 'true';
}

function removeStale(outdir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
  const { kept } = removeStaleStacks(outdir, Object.keys(manifest.stacks));
  for (const stack of kept) {
    process.stderr.write(`kept ${outdir}/stacks/${stack}: no longer synthesized, but it holds local Terraform state; move or delete it by hand\n`);
  }
}
