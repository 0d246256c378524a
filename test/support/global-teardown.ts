import * as fs from 'fs';
import { SYNTH_DIR_VARIABLE } from './synth';

export default function globalTeardown(): void {
  const outdir = process.env[SYNTH_DIR_VARIABLE];
  if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
}
