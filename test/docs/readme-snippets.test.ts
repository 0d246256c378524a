import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { documentedReadmes, PROJECT_ROOT, snippetsOf } from './doc-snippets';

/*
 * Docs that cannot drift: every TypeScript block in README.md and the construct READMEs is a complete program that
 * imports the library as another team does (`from 'feedops'`). All of them are type-checked in strict mode against
 * the package's public entry point; those that synthesize (`app.synth()`) are run and must write stacks.
 */
const snippets = documentedReadmes().flatMap(snippetsOf);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-doc-snippets-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const fileOf = (index: number) => path.join(workDir, `snippet-${index}.ts`);
snippets.forEach((snippet, index) => fs.writeFileSync(fileOf(index), `${snippet.code}\nexport {};\n`));

/*
 * One run of the native compiler (the one `npm run build` uses; 0.7 s of CPU where the 5.x JavaScript API took 4 s in
 * the worker) type-checks every snippet and emits the JavaScript the synthesizing ones run. `feedops` resolves to the
 * package's entry points as a consumer gets them (the built declarations the tarball ships); cdktf and constructs
 * to this project's node_modules.
 */
fs.writeFileSync(
  path.join(workDir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'es2022',
      // Node's types and the ES2022 library, without the DOM's declarations (no snippet runs in a browser).
      lib: ['es2022'],
      module: 'nodenext',
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(PROJECT_ROOT, 'node_modules/@types')],
      outDir: 'js',
      paths: {
        feedops: [path.join(PROJECT_ROOT, 'dist/constructs/index.d.ts')],
        'feedops/platform': [path.join(PROJECT_ROOT, 'dist/constructs/platform.d.ts')],
        '*': [path.join(PROJECT_ROOT, 'node_modules/*'), path.join(PROJECT_ROOT, 'node_modules/@types/*')],
      },
    },
    include: ['snippet-*.ts'],
  }),
);
const compile = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/typescript-native/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], {
  cwd: workDir,
  encoding: 'utf8',
  timeout: 120_000,
});

/**
 * tsc's diagnostics by snippet: `snippet-<n>.ts(<line>,<column>): error TS<code>: <message>` and the message's indented
 * continuation lines. One that names no snippet file (the configuration, a global) belongs to every snippet.
 */
function compilerDiagnostics(): { bySnippet: Map<number, string[]>; global: string[] } {
  const bySnippet = new Map<number, string[]>();
  const global: string[] = [];
  let current: string[] | undefined;
  for (const line of `${compile.stdout}${compile.stderr}`.split('\n')) {
    const located = /^snippet-(\d+)\.ts\((\d+),\d+\): (error TS\d+: .*)$/.exec(line);
    if (located) {
      const index = Number(located[1]);
      current = bySnippet.get(index) ?? [];
      bySnippet.set(index, current);
      current.push(`line ${snippets[index].line + Number(located[2])}: ${located[3]}`);
    } else if (/^\s/.test(line) && current) {
      current[current.length - 1] += `\n${line.trim()}`;
    } else if (line.trim() !== '') {
      current = global;
      global.push(line);
    }
  }
  if (compile.status !== 0 && bySnippet.size === 0 && global.length === 0) global.push(`tsc exited with ${compile.status} ${compile.signal ?? ''} and printed nothing`);
  return { bySnippet, global };
}
const diagnostics = compilerDiagnostics();

function diagnosticsOf(index: number): string[] {
  return [...diagnostics.global, ...(diagnostics.bySnippet.get(index) ?? [])];
}

function synthesizes(code: string): boolean {
  return /\bapp\.synth\(\)/.test(code);
}

interface SynthRun {
  /** The snippet's stacks folder. */
  readonly outdir: string;
  /** What it wrote to stderr. */
  readonly stderr: string;
  /** What it threw, if anything. */
  readonly error?: string;
}

/*
 * The snippets that synthesize run one after another in one node process (a process each cost more than the synths:
 * every one loaded cdktf and the providers again). Each gets its own App output folder (CDKTF_OUTDIR, read when its
 * App is made) and its own stderr; `feedops` resolves to the compiled package entry points.
 */
let runs: Map<number, SynthRun> | undefined;
function synthRuns(): Map<number, SynthRun> {
  if (runs) return runs;
  const entries = snippets.flatMap((snippet, index) => {
    if (!synthesizes(snippet.code)) return [];
    const javascript = fs
      .readFileSync(path.join(workDir, 'js', `snippet-${index}.js`), 'utf8')
      .replace(/require\("feedops(\/platform)?"\)/g, (_match, platform: string | undefined) =>
        `require(${JSON.stringify(path.join(PROJECT_ROOT, platform ? 'dist/constructs/platform.js' : 'dist/constructs/index.js'))})`,
      );
    const script = path.join(workDir, `snippet-${index}.js`);
    fs.writeFileSync(script, javascript);
    return [{ index, script, outdir: path.join(workDir, `out-${index}`) }];
  });
  const runner = path.join(workDir, 'run-snippets.js');
  const resultsFile = path.join(workDir, 'run-snippets.json');
  fs.writeFileSync(
    runner,
    `(async () => {
const results = [];
const write = process.stderr.write.bind(process.stderr);
for (const { index, script, outdir } of ${JSON.stringify(entries)}) {
  let stderr = '';
  process.stderr.write = (chunk) => { stderr += String(chunk); return true; };
  process.env.CDKTF_OUTDIR = outdir;
  let error;
  try { require(script); } catch (thrown) { error = String(thrown && thrown.stack || thrown); }
  // Node prints its warnings (deprecations and the like) on a later tick: they belong to this snippet too.
  await new Promise((resolve) => setImmediate(resolve));
  process.stderr.write = write;
  results.push({ index, outdir, stderr, error });
}
require('fs').writeFileSync(${JSON.stringify(resultsFile)}, JSON.stringify(results));
})();
`,
  );
  const result = spawnSync(process.execPath, [runner], {
    cwd: workDir,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: path.join(PROJECT_ROOT, 'node_modules') },
    timeout: 120_000,
  });
  // Anything on the runner's own stderr came from no snippet in particular (a late warning): it fails them all.
  if (result.status !== 0 || result.stderr !== '') throw new Error(`the snippet runner failed (${result.status}) or wrote to stderr:\n${result.stderr}`);
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Array<{ index: number; outdir: string; stderr: string; error?: string }>;
  runs = new Map(results.map(({ index, outdir, stderr, error }) => [index, { outdir: path.join(outdir, 'stacks'), stderr, ...(error === undefined ? {} : { error }) }]));
  return runs;
}

test('the READMEs have TypeScript examples to check', () => {
  expect(snippets.length).toBeGreaterThanOrEqual(8);
});

describe.each(snippets.map((snippet, index) => [snippet.name, index] as const))('%s', (_name, index) => {
  const snippet = snippets[index];

  test('imports the library only from the package root or feedops/platform, as another team does', () => {
    const internal = [...snippet.code.matchAll(/from '([^']+)'/g)].map((match) => match[1]).filter((source) => source.startsWith('.') || (source.startsWith('feedops/') && source !== 'feedops/platform'));
    expect(internal).toEqual([]);
  });

  test('compiles in strict mode against the public API', () => {
    expect(diagnosticsOf(index)).toEqual([]);
  });

  if (synthesizes(snippet.code)) {
    test('synthesizes', () => {
      const run = synthRuns().get(index)!;
      expect({ error: run.error, stderr: run.stderr }).toEqual({ error: undefined, stderr: '' });
      expect(fs.readdirSync(run.outdir).length).toBeGreaterThan(0);
    });
  }
});
