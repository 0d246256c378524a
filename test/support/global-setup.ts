import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../../stacks/app';
import { SYNTH_DIR_VARIABLE } from './synth';

/** Synthesizes the app once for the whole run; every test file reads the same output (see synthesizedStacks). */
export default function globalSetup(): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-synth-'));
  buildApp({ outdir }).app.synth();
  process.env[SYNTH_DIR_VARIABLE] = outdir;
}
