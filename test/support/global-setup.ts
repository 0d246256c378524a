import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthWithSavings } from '../../constructs/core/cdktf-savings';
import { buildApp } from '../../stacks/app';
import { SYNTH_DIR_VARIABLE } from './synth';

/**
 * Synthesizes the app once for the whole run, as main.ts does; every test file reads the same output (see
 * synthesizedStacks), and the snapshot suite proves the savings leave it byte-identical.
 */
export default function globalSetup(): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-synth-'));
  synthWithSavings(() => buildApp({ outdir }).app);
  process.env[SYNTH_DIR_VARIABLE] = outdir;
}
