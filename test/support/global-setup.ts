import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthWithSavings } from '../../constructs/core/cdktf-savings';
import { CODE_CACHE_DIRECTORY_VARIABLE } from '../../scripts/synth-code-cache/code-cache';
import { buildApp } from '../../stacks/app';
import { RUN_TMPDIR_VARIABLE, SYNTH_DIR_VARIABLE } from './synth';

/**
 * Synthesizes the app once for the whole run, as main.ts does; every test file reads the same output (see
 * synthesizedStacks), and the snapshot suite proves the savings leave it byte-identical.
 *
 * The run gets a temporary directory of its own (TMPDIR, which the jest workers and every tool they start inherit):
 * cdktf's Testing.app() and the promtool files leave their scratch directories behind, hundreds a run; global
 * teardown removes them all with it. So does the synth code cache of every app a test runs (copies of dist/ in
 * temporary directories would otherwise leave entries in node_modules/.cache on every run).
 */
export default function globalSetup(): void {
  const runTmpdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-test-run-'));
  process.env[RUN_TMPDIR_VARIABLE] = runTmpdir;
  process.env.TMPDIR = runTmpdir;
  process.env[CODE_CACHE_DIRECTORY_VARIABLE] = path.join(runTmpdir, 'synth-code-cache');
  const outdir = fs.mkdtempSync(path.join(runTmpdir, 'feedops-synth-'));
  synthWithSavings(() => buildApp({ outdir }).app);
  process.env[SYNTH_DIR_VARIABLE] = outdir;
}
