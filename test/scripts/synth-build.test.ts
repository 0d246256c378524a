// `npm run synth` runs an esbuild bundle (scripts/build/synth-build.mjs), not tsc's output: it must write exactly
// what the type-checked build writes (the output the snapshots and every other suite check).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readLoadedPackages, writeLoadedPackagesRecorder } from '../support/loaded-packages';
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

interface BundleRun {
  readonly bundleDir: string;
  readonly outdir: string;
  /** What `main.js --summary` printed. */
  readonly summary: string;
  /** The packages the run loaded from node_modules. */
  readonly packages: string[];
}

/** One build of the bundle and one synth with it for the file, the packages it loads recorded on the way. */
let bundleRun: BundleRun | undefined;
function runBundle(): BundleRun {
  if (bundleRun) return bundleRun;
  const { bundleDir, outdir } = buildBundle();
  const loadedFile = path.join(bundleDir, 'loaded-packages.json');
  const recorder = writeLoadedPackagesRecorder(bundleDir, loadedFile);
  const summary = run(process.execPath, ['--require', recorder, path.join(bundleDir, 'main.js'), '--summary'], { CDKTF_OUTDIR: outdir });
  bundleRun = { bundleDir, outdir, summary, packages: readLoadedPackages(loadedFile) };
  return bundleRun;
}

test('the transpile-only synth build writes byte-identical files to the type-checked build', () => {
  const typeChecked = process.env[SYNTH_DIR_VARIABLE];
  if (!typeChecked) throw new Error(`${SYNTH_DIR_VARIABLE} is not set: run through jest (global setup synthesizes the tsc build)`);
  const { bundleDir, outdir, summary } = runBundle();
  expect(filesOf(outdir)).toEqual(filesOf(typeChecked));
  // npm run synth prints the summary from the app's process; the script prints the same for an existing output.
  expect(summary.split('\n').slice(0, 3)).toEqual([expect.stringMatching(/^stack +resources +outputs$/), expect.stringMatching(/^-+ +-+ +-+$/), expect.stringMatching(/^bootstrap +\d+ /)]);
  expect(summary).toContain(`wrote 10 stacks to ${path.join(outdir, 'stacks')}/<stack>/cdk.tf.json`);
  expect(run(process.execPath, [path.join(bundleDir, 'scripts', 'synth-summary.js')], { CDKTF_OUTDIR: outdir })).toBe(summary);
});

test("bundles feedops' own dependencies (zod, yaml); cdktf, constructs and the providers load from node_modules", () => {
  const { packages } = runBundle();
  expect(packages).toEqual(expect.arrayContaining(['@cdktf/provider-aws', 'cdktf', 'constructs']));
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(packages.filter((name) => name in dependencies)).toEqual([]);
});

/**
 * Runs the synth build into a fresh directory outside the project (other files copy dist/ while this runs) with the
 * project's node_modules linked in, so the bundle resolves its packages as dist/main.js does.
 */
function buildBundle(): { bundleDir: string; outdir: string } {
  const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-synth-bundle-'));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(bundleDir, 'node_modules'), 'dir');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-synth-build-'));
  created.push(bundleDir, outdir);
  run(process.execPath, ['scripts/build/synth-build.mjs', '--outdir', bundleDir]);
  return { bundleDir, outdir };
}
