// Issue 17, point 1: README's "Add an environment" is one data file and a line in the registry. In a copy of the
// project, `qa` is added from staging exactly as README says; then `npx cdktf synth` (no build first: cdktf.json's
// app builds), the workflow invariants and the environment tests run there, over four environments. The tests run
// first, on the tsc build with the two new files transpiled in, since the synth build replaces dist/main.js.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const projectRoot = path.resolve(__dirname, '../../..');
/** Not copied: dependencies (linked), outputs, history. */
const NOT_COPIED = new Set(['node_modules', 'cdktf.out', '.git', 'coverage']);
/**
 * The compiled suites that read the registry: workflow invariants, environment validation, names, plan summary. The
 * synth CLI suite is not run again here: its valid-configuration case is step 3 below with the real cdktf CLI, and its
 * other cases break prod's file, which adding qa does not change (it ran 12 full apps a second time). Of the workflow
 * suites only the two that read the registry run again (job order and runners per environment): the others (actionlint,
 * pinning, permissions, credentials, apply safety, step scripts) read only .github/, which adding qa leaves as it is.
 */
const SUITES = ['dist/test/workflows/order.test.js', 'dist/test/workflows/runners.test.js', 'dist/test/environments/validate.test.js', 'dist/test/stacks/resource-names.test.js', 'dist/test/scripts/plan-summary/cli.test.js'];

/** staging.ts turned into qa.ts: README step 1, every value that names the environment or its network changed. */
const QA_EDITS: Array<[RegExp, string]> = [
  [/export const staging =/, 'export const qa ='],
  [/name: 'staging'/, "name: 'qa'"],
  [/10\.20\./g, '10.40.'],
  [/feedops-staging/g, 'feedops-qa'],
  [/'platform-staging'/, "'platform-qa'"],
  [/slackReceivers\('staging-'\)/, "slackReceivers('qa-')"],
  [/opsgenieHeartbeat\('staging'\)/, "opsgenieHeartbeat('qa')"],
];

function edit(source: string, edits: Array<[RegExp, string]>, file: string): string {
  return edits.reduce((text, [pattern, replacement]) => {
    if (!pattern.test(text)) throw new Error(`${file}: ${pattern} not found; the test's copy of README's procedure needs updating`);
    return text.replace(pattern, replacement);
  }, source);
}

/** Transpiles one changed TypeScript file into the copied dist/, as tsc (same compiler options) emits it. */
function transpileInto(work: string, file: string): void {
  const compilerOptions = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(work, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, work).options;
  const output = ts.transpileModule(fs.readFileSync(path.join(work, file), 'utf8'), { compilerOptions, fileName: file });
  fs.writeFileSync(path.join(work, 'dist', file.replace(/\.ts$/, '.js')), output.outputText);
}

/** The last lines of a CLI's output with text, without terminal escapes and spinner frames. */
function lastLines(output: string): string {
  const ESCAPE = String.fromCharCode(27);
  return output.split(ESCAPE).map((part) => part.replace(/^\[[0-9;]*[A-Za-z]/, '')).join('').split('\n').filter((line) => /\w/.test(line) && !/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/.test(line)).slice(-20).join('\n');
}

describe('adding an environment (README "Add an environment") in a copy of the project', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-add-env-'));
  // The copy's own output folder and its own synth for the tests, not the ones of the calling run.
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
  delete env.CDKTF_OUTDIR;
  delete env.FEEDOPS_TEST_SYNTH_DIR;
  const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: work, encoding: 'utf8', timeout: 240_000, env });

  beforeAll(() => {
    for (const entry of fs.readdirSync(projectRoot)) {
      if (!NOT_COPIED.has(entry)) fs.cpSync(path.join(projectRoot, entry), path.join(work, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(work, 'node_modules'), 'dir');
    // 1. The data file, copied from staging with its own names, CIDRs and identity.
    fs.writeFileSync(path.join(work, 'environments/qa.ts'), edit(fs.readFileSync(path.join(work, 'environments/staging.ts'), 'utf8'), QA_EDITS, 'environments/staging.ts'));
    // 2. Registered last: applied after prod.
    const index = path.join(work, 'environments/index.ts');
    fs.writeFileSync(index, edit(fs.readFileSync(index, 'utf8'), [[/( {2}prod: loadEnvironmentFile\('prod', \(\) => require\('\.\/prod'\)\),\n)/, "$1  qa: loadEnvironmentFile('qa', () => require('./qa')),\n"]], 'environments/index.ts'));
    // A stack folder of an environment that no longer exists, as a removed environment leaves behind.
    fs.mkdirSync(path.join(work, 'cdktf.out/stacks/gone-cluster'), { recursive: true });
    fs.writeFileSync(path.join(work, 'cdktf.out/stacks/gone-cluster/cdk.tf.json'), '{}');
  }, 60_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('the workflow invariants, environment tests, resource names and plan summary pass with qa', () => {
    transpileInto(work, 'environments/qa.ts');
    transpileInto(work, 'environments/index.ts');
    const report = path.join(work, 'jest-report.json');
    const jest = run(process.execPath, [path.join(work, 'node_modules/jest/bin/jest.js'), '--runInBand', '--json', `--outputFile=${report}`, ...SUITES]);
    const results = JSON.parse(fs.readFileSync(report, 'utf8')) as { numFailedTests: number; numPassedTests: number; testResults: Array<{ assertionResults: Array<{ fullName: string; status: string }> }> };
    const failed = results.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status !== 'passed').map((test) => test.fullName));
    expect({ status: jest.status, failed }).toEqual({ status: 0, failed: [] });
    // qa itself was checked, not only the three environments from before.
    const aboutQa = results.testResults.flatMap((file) => file.assertionResults.map((test) => test.fullName)).filter((name) => /\bqa\b/.test(name));
    expect(aboutQa).toEqual(expect.arrayContaining([expect.stringMatching(/^qa runner /), expect.stringMatching(/^qa the inventory lists/)]));
  }, 240_000);

  test('3. npx cdktf synth builds first, validates qa and writes its stacks, and removes the stale ones', () => {
    // dist/ holds the build from before qa existed: the app command must rebuild, not run it.
    const synth = run(path.join(work, 'node_modules/.bin/cdktf'), ['synth']);
    // On failure, the end of what the CLI printed (its spinner frames dropped) says why.
    expect({ status: synth.status, output: synth.status === 0 ? '' : lastLines(`${synth.stdout}${synth.stderr}`) }).toEqual({ status: 0, output: '' });
    const stacks = fs.readdirSync(path.join(work, 'cdktf.out/stacks')).sort();
    expect(stacks).toEqual(expect.arrayContaining(['qa-cluster', 'qa-platform', 'qa-monitors', 'bootstrap']));
    expect(stacks).not.toContain('gone-cluster');
    const bootstrap = fs.readFileSync(path.join(work, 'cdktf.out/stacks/bootstrap/cdk.tf.json'), 'utf8');
    expect(bootstrap).toContain('"feedops-qa-apply"');
    const cluster = JSON.parse(fs.readFileSync(path.join(work, 'cdktf.out/stacks/qa-cluster/cdk.tf.json'), 'utf8'));
    expect(Object.values<any>(cluster.resource.aws_eks_cluster).map((c) => c.name)).toEqual(['feedops-qa']);
  }, 240_000);

  test('npm run synth removes the stack folders it no longer writes, keeping one that holds local state', () => {
    for (const [stack, file] of [['old-cluster', 'cdk.tf.json'], ['old-platform', 'terraform.tfstate']]) {
      fs.mkdirSync(path.join(work, 'cdktf.out/stacks', stack), { recursive: true });
      fs.writeFileSync(path.join(work, 'cdktf.out/stacks', stack, file), '{}');
    }
    const synth = run('npm', ['run', '--silent', 'synth']);
    expect(synth.status).toBe(0);
    expect(synth.stdout).toContain('qa-monitors');
    expect(synth.stderr).toContain('kept cdktf.out/stacks/old-platform: no longer synthesized, but it holds local Terraform state');
    const stacks = fs.readdirSync(path.join(work, 'cdktf.out/stacks'));
    expect(stacks).not.toContain('old-cluster');
    expect(stacks).toContain('old-platform');
  }, 240_000);
});
