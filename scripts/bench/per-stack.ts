import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from '../../constructs/core/cdktf';
import { synthWithSavings } from '../../constructs/core/cdktf-savings';
import { buildApp } from '../../stacks/app';

/**
 * One in-process synth of the app (modules already loaded), timed by phase: building the construct tree, then
 * per stack the synth pass (resolving and writing its cdk.tf.json), so growth shows per stack when packs are added.
 */
export function timeSynthPerStack(): { buildSeconds: number; stackSeconds: Record<string, number> } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-bench-stacks-'));
  const stackSeconds: Record<string, number> = {};
  let buildSeconds = 0;
  try {
    synthWithSavings(() => {
      const started = process.hrtime.bigint();
      const { app } = buildApp({ outdir });
      buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      for (const stack of app.node.findAll().filter(TerraformStack.isStack)) {
        const synthesize = stack.synthesizer.synthesize.bind(stack.synthesizer);
        stack.synthesizer.synthesize = (session) => {
          const begun = process.hrtime.bigint();
          synthesize(session);
          stackSeconds[stack.node.id] = Number(process.hrtime.bigint() - begun) / 1e9;
        };
      }
      return app;
    });
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  return { buildSeconds, stackSeconds };
}
