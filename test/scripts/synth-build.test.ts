// `npm run synth` runs an esbuild bundle (scripts/build/synth-build.mjs), not tsc's output: it must write exactly
// what the type-checked build writes (the output the snapshots and every other suite check).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SYNTH_DIR_VARIABLE } from '../support/synth';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const created: string[] = [];
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => fs.statSync(path.join(dir, file)).isFile())
      .sort()
      .map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]),
  );
}

test('the transpile-only synth build writes byte-identical files to the type-checked build', () => {
  const typeChecked = process.env[SYNTH_DIR_VARIABLE];
  if (!typeChecked) throw new Error(`${SYNTH_DIR_VARIABLE} is not set: run through jest (global setup synthesizes the tsc build)`);
  // Inside the project, so the bundle resolves node_modules as dist/main.js does.
  const bundleDir = fs.mkdtempSync(path.join(PROJECT_ROOT, 'dist', 'synth-build-'));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-synth-build-'));
  created.push(bundleDir, outdir);

  run(process.execPath, ['scripts/build/synth-build.mjs', '--outdir', bundleDir]);
  run(process.execPath, [path.join(bundleDir, 'main.js')], { CDKTF_OUTDIR: outdir });
  expect(filesOf(outdir)).toEqual(filesOf(typeChecked));
  expect(run(process.execPath, [path.join(bundleDir, 'scripts', 'synth-summary.js')], { CDKTF_OUTDIR: outdir })).toContain('wrote 10 stacks');
});
