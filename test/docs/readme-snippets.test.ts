import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
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

const program = ts.createProgram(
  snippets.map((_, index) => fileOf(index)),
  {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [path.join(PROJECT_ROOT, 'node_modules/@types')],
    baseUrl: PROJECT_ROOT,
    // The package's entry points as a consumer gets them (the built declarations the tarball ships; checking the
    // sources instead type-checked the whole library again); cdktf and constructs from this project's node_modules.
    paths: { feedops: ['dist/constructs/index.d.ts'], 'feedops/platform': ['dist/constructs/platform.d.ts'], '*': ['node_modules/*', 'node_modules/@types/*'] },
  },
);

function diagnosticsOf(index: number): string[] {
  const source = program.getSourceFile(fileOf(index));
  return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
    const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const where = position ? `line ${snippets[index].line + position.line + 1}` : 'snippet';
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
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
    const javascript = ts
      .transpileModule(snippet.code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } })
      .outputText.replace(/require\("feedops(\/platform)?"\)/g, (_match, platform: string | undefined) =>
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
