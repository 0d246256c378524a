import * as fs from 'fs';
import { RUN_TMPDIR_VARIABLE } from './synth';

/** Removes the run's temporary directory (global setup), the one synth and every scratch directory in it. */
export default function globalTeardown(): void {
  const runTmpdir = process.env[RUN_TMPDIR_VARIABLE];
  if (runTmpdir) fs.rmSync(runTmpdir, { recursive: true, force: true });
}
