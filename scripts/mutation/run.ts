import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { Mutant, MUTANTS } from './mutants';

/**
 * `npm run mutation`: applies each mutant of mutants.ts, one at a time, to a temporary copy of the project (the
 * compiled dist/ plus the source tree the tests read), runs only that mutant's targeted test files, and restores the
 * compiled file. The working tree is never modified. Prints killed/survived per category and the surviving mutants.
 *
 *   npm run mutation                 every mutant
 *   npm run mutation -- R1 V3        only these
 *   npm run mutation -- --json out.json
 */

// Compiled to dist/scripts/mutation/.
const PROJECT_ROOT = path.resolve(__dirname, '../../..');
/** One mutant's targeted tests; a loaded 2-core machine runs the slowest target set in about a minute. */
const MUTANT_TIMEOUT_MS = 600_000;
const SNAPSHOT_TEST = 'test/snapshots.test.ts';

/** `rejected`: the app refused to synthesize the mutant (its own validation), so no test had to catch it. */
type Outcome = 'killed' | 'rejected' | 'survived' | 'timeout';
interface Result {
  readonly mutant: Mutant;
  readonly outcome: Outcome;
  readonly seconds: number;
  /** The first failing test's name, for a killed mutant. */
  readonly killedBy?: string;
}

function main(argv: readonly string[]): number {
  const jsonAt = argv.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
  const only = argv.filter((arg, index) => !arg.startsWith('--') && (jsonAt < 0 || index !== jsonAt + 1));
  const mutants = only.length > 0 ? MUTANTS.filter((mutant) => only.includes(mutant.id)) : MUTANTS;
  const unknown = only.filter((id) => !MUTANTS.some((mutant) => mutant.id === id));
  if (unknown.length > 0) throw new Error(`unknown mutant ids: ${unknown.join(', ')} (known: ${MUTANTS.map((m) => m.id).join(', ')})`);
  checkMutants(mutants);
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run mutation does)');

  const work = copyProject();
  try {
    const targets = [...new Set(mutants.flatMap((mutant) => mutant.tests))];
    // Control: every file a mutant touches, re-emitted unmutated by the same transpiler, must pass the targeted tests,
    // so a kill is the mutant's doing and not the transpiler's.
    const files = [...new Set(mutants.map((mutant) => mutant.file))];
    process.stdout.write(`baseline: ${targets.length} targeted test files, ${files.length} files re-emitted unmutated ... `);
    const baseline = withCompiled(work, files.map((file) => [file, fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8')]), () => runJest(work, targets));
    if (baseline.status !== 0) {
      throw new Error(`the targeted tests fail without any mutant; fix them first:\n${baseline.output.slice(-4000)}`);
    }
    process.stdout.write(`pass (${baseline.seconds.toFixed(0)} s)\n`);

    const results: Result[] = [];
    for (const mutant of mutants) {
      const result = runMutant(work, mutant);
      results.push(result);
      process.stdout.write(`${mutant.id.padEnd(4)} ${result.outcome.padEnd(8)} ${result.seconds.toFixed(0).padStart(4)} s  ${mutant.description}${result.killedBy ? `\n       by: ${result.killedBy}` : ''}\n`);
    }
    process.stdout.write(`\n${report(results)}\n`);
    if (jsonFile) {
      fs.writeFileSync(jsonFile, JSON.stringify(results.map(({ mutant, outcome, seconds, killedBy }) => ({ id: mutant.id, category: mutant.category, description: mutant.description, outcome, seconds, killedBy })), null, 2));
    }
    return results.every((result) => result.outcome === 'killed' || result.outcome === 'rejected') ? 0 : 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Every mutant names an existing source file with its `from` exactly once, targets real tests and never the snapshots. */
function checkMutants(mutants: readonly Mutant[]): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const mutant of mutants) {
    if (ids.has(mutant.id)) problems.push(`${mutant.id}: duplicate id`);
    ids.add(mutant.id);
    const file = path.join(PROJECT_ROOT, mutant.file);
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    const count = text === undefined ? -1 : text.split(mutant.from).length - 1;
    if (count !== 1) problems.push(`${mutant.id}: "${mutant.from}" occurs ${count < 0 ? 'nowhere (no such file)' : `${count} times`} in ${mutant.file} (allowed: exactly once)`);
    if (mutant.from === mutant.to) problems.push(`${mutant.id}: from and to are equal`);
    if (mutant.tests.length === 0) problems.push(`${mutant.id}: no targeted tests`);
    for (const test of mutant.tests) {
      if (test === SNAPSHOT_TEST) problems.push(`${mutant.id}: targets the snapshot suite (allowed: tests that state intent)`);
      if (!fs.existsSync(path.join(PROJECT_ROOT, test))) problems.push(`${mutant.id}: no test file ${test}`);
    }
  }
  if (problems.length > 0) throw new Error(`stale or invalid mutants (update scripts/mutation/mutants.ts):\n${problems.join('\n')}`);
}

/** A throw-away copy: sources and compiled dist/ copied, node_modules linked. */
function copyProject(): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-mutation-'));
  const skip = new Set(['node_modules', '.git', 'cdktf.out']);
  for (const entry of fs.readdirSync(PROJECT_ROOT)) {
    if (skip.has(entry)) continue;
    fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(work, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  return work;
}

function compiledPath(root: string, source: string): string {
  return path.join(root, 'dist', source.replace(/\.ts$/, '.js'));
}

function runMutant(work: string, mutant: Mutant): Result {
  const source = fs.readFileSync(path.join(PROJECT_ROOT, mutant.file), 'utf8');
  const mutated = source.replace(mutant.from, () => mutant.to);
  const run = withCompiled(work, [[mutant.file, mutated]], () => runJest(work, mutant.tests));
  const rejected = run.output.includes('Got error running globalSetup');
  const outcome: Outcome = run.timedOut ? 'timeout' : run.status === 0 ? 'survived' : rejected ? 'rejected' : 'killed';
  return { mutant, outcome, seconds: run.seconds, killedBy: run.status !== 0 ? firstFailure(run.output) : undefined };
}

/** Runs `action` with these sources compiled into the copy's dist/, then puts the original compiled files back. */
function withCompiled<T>(work: string, sources: ReadonlyArray<readonly [string, string]>, action: () => T): T {
  const originals = sources.map(([file]) => [compiledPath(work, file), fs.readFileSync(compiledPath(work, file))] as const);
  try {
    for (const [file, text] of sources) fs.writeFileSync(compiledPath(work, file), transpile(text, file));
    return action();
  } finally {
    for (const [target, original] of originals) fs.writeFileSync(target, original);
  }
}

/** The mutated source as tsc would emit it (no type-check: each mutant is a type-correct edit). */
function transpile(source: string, fileName: string): string {
  return ts.transpileModule(source, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
  }).outputText;
}

function runJest(work: string, tests: readonly string[]) {
  const started = process.hrtime.bigint();
  const jest = path.join(work, 'node_modules', 'jest', 'bin', 'jest.js');
  const files = tests.map((test) => compiledPath(work, test));
  const result = spawnSync(process.execPath, [jest, '--config', path.join(work, 'jest.config.js'), '--runTestsByPath', ...files], {
    cwd: work,
    encoding: 'utf8',
    timeout: MUTANT_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: { ...process.env, CI: '', UPDATE_SNAPSHOTS: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { status: result.status, timedOut, seconds, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** The first failing test, or (when the suite could not even start, e.g. synth rejected the mutant) the first error. */
function firstFailure(output: string): string | undefined {
  const test = /^\s*● (?!Console)(.+)$/m.exec(output)?.[1]?.trim();
  return test ?? /^.*(?:Error|error):.*$/m.exec(output)?.[0]?.trim().slice(0, 300);
}

function report(results: readonly Result[]): string {
  const categories = [...new Set(results.map((result) => result.mutant.category))];
  const rows = categories.map((category) => {
    const inCategory = results.filter((result) => result.mutant.category === category);
    const byTest = inCategory.filter((result) => result.outcome === 'killed').length;
    const byValidation = inCategory.filter((result) => result.outcome === 'rejected').length;
    return `| ${category} | ${inCategory.length} | ${byTest} | ${byValidation} | ${inCategory.length - byTest - byValidation} |`;
  });
  const dead = (result: Result) => result.outcome === 'killed' || result.outcome === 'rejected';
  const killed = results.filter(dead).length;
  const byTest = results.filter((result) => result.outcome === 'killed').length;
  const survivors = results.filter((result) => !dead(result));
  const unseen = results.filter((result) => result.mutant.unseen);
  const unseenKilled = unseen.filter(dead).length;
  return [
    '| category | mutants | killed by a targeted test | rejected at synth by the code\'s own validation | survived |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    `| **all** | ${results.length} | ${byTest} | ${killed - byTest} | ${results.length - killed} |`,
    '',
    `mutation score: ${killed}/${results.length} = ${((100 * killed) / Math.max(results.length, 1)).toFixed(1)} % (targeted tests only, snapshot suite excluded)`,
    ...(unseen.length > 0 ? [`of which unseen (written after the tests): ${unseenKilled}/${unseen.length} killed`] : []),
    survivors.length > 0 ? `surviving mutants:\n${survivors.map((result) => `  ${result.mutant.id} (${result.outcome}) ${result.mutant.file}: ${result.mutant.description}`).join('\n')}` : 'surviving mutants: none',
  ].join('\n');
}

process.exitCode = main(process.argv.slice(2));
