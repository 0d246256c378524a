// The synth's code cache (scripts/synth-code-cache/code-cache.ts): what a run compiled is what the next one uses,
// for the same file only, and the output does not depend on it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeCacheEnabled, CODE_CACHE_DIRECTORY_VARIABLE, CODE_CACHE_VARIABLE } from '../../scripts/synth-code-cache/code-cache';
import { SYNTH_DIR_VARIABLE } from '../support/synth';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const CODE_CACHE_MODULE = path.join(PROJECT_ROOT, 'dist/scripts/synth-code-cache/code-cache.js');
const created: string[] = [];
afterAll(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function temporaryDirectory(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

function node(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Loads `module` in a fresh node process through the cache in `cacheDir`; prints what the module exports and the cache's use. */
function loadThroughCache(cacheDir: string, module: string): { exported: unknown; used: number; compiled: number } {
  const script = `const { installCodeCache } = require(${JSON.stringify(CODE_CACHE_MODULE)});
    const use = installCodeCache(${JSON.stringify(cacheDir)});
    const exported = require(${JSON.stringify(module)});
    process.stdout.write(JSON.stringify({ exported: exported(), ...use() }));`;
  const result = node(['-e', script]);
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as { exported: unknown; used: number; compiled: number };
}

function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => fs.statSync(path.join(dir, file)).isFile())
      .sort()
      .map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]),
  );
}

describe('the synth code cache', () => {
  test('the first run only creates the cache; the second writes what it compiled; the third compiles from it', () => {
    const cacheDir = path.join(temporaryDirectory('feedops-code-cache-'), 'cache');
    const module = path.join(temporaryDirectory('feedops-code-cache-module-'), 'price.js');
    fs.writeFileSync(module, 'module.exports = () => [1, 2, 3].map((slot) => slot * 2);\n');
    expect(loadThroughCache(cacheDir, module)).toEqual({ exported: [2, 4, 6], used: 0, compiled: 1 });
    expect(fs.readdirSync(cacheDir)).toEqual([]);
    expect(loadThroughCache(cacheDir, module)).toEqual({ exported: [2, 4, 6], used: 0, compiled: 1 });
    expect(fs.readdirSync(cacheDir)).toHaveLength(1);
    expect(loadThroughCache(cacheDir, module)).toEqual({ exported: [2, 4, 6], used: 1, compiled: 0 });
  });

  test('an edit of the same length is compiled again, not run from the old bytecode (V8 checks only the length)', () => {
    const cacheDir = path.join(temporaryDirectory('feedops-code-cache-'), 'cache');
    const module = path.join(temporaryDirectory('feedops-code-cache-module-'), 'threshold.js');
    fs.writeFileSync(module, 'module.exports = () => 120;\n');
    fs.mkdirSync(cacheDir);
    expect(loadThroughCache(cacheDir, module).exported).toBe(120);
    expect(loadThroughCache(cacheDir, module)).toEqual({ exported: 120, used: 1, compiled: 0 });
    fs.writeFileSync(module, 'module.exports = () => 180;\n');
    expect(loadThroughCache(cacheDir, module)).toEqual({ exported: 180, used: 0, compiled: 1 });
  });

  // The cache folder exists already, as after a first run (the first test shows a first run only creates it): the
  // first of these runs writes the entries, the second compiles from them.
  test('the app run twice through a cache of its own writes the same files as the type-checked build each time, the second from the cache', () => {
    const typeChecked = process.env[SYNTH_DIR_VARIABLE];
    if (!typeChecked) throw new Error(`${SYNTH_DIR_VARIABLE} is not set: run through jest (global setup synthesizes the tsc build)`);
    const cacheDir = path.join(temporaryDirectory('feedops-code-cache-'), 'cache');
    fs.mkdirSync(cacheDir);
    // Each entry: when it was written, and the identity of the file it was made from (its first 32 bytes).
    const entries = () =>
      Object.fromEntries(
        fs.readdirSync(cacheDir).map((entry) => {
          const file = path.join(cacheDir, entry);
          return [entry, { writtenMs: fs.statSync(file).mtimeMs, identity: fs.readFileSync(file).subarray(0, 32).toString('hex') }];
        }),
      );
    const written: Array<Record<string, { writtenMs: number; identity: string }>> = [];
    for (const run of ['first', 'second']) {
      const outdir = temporaryDirectory(`feedops-code-cache-${run}-`);
      const synth = node([path.join(PROJECT_ROOT, 'dist/main.js')], { CDKTF_OUTDIR: outdir, [CODE_CACHE_DIRECTORY_VARIABLE]: cacheDir });
      expect(synth).toMatchObject({ status: 0, stderr: '' });
      expect(filesOf(outdir)).toEqual(filesOf(typeChecked));
      written.push(entries());
    }
    // Every module the app loads (cdktf, the providers, feedops' own) has an entry, and the second run rewrote none
    // whose file is unchanged: it compiled them from the cache. (Other test files hard-link node_modules, which
    // changes those files' ctime: their entries are rightly made again.)
    expect(Object.keys(written[0]).length).toBeGreaterThan(100);
    const unchanged = Object.keys(written[0]).filter((entry) => written[1][entry]?.identity === written[0][entry].identity);
    expect(unchanged.length).toBeGreaterThan(50);
    expect(unchanged.filter((entry) => written[1][entry].writtenMs !== written[0][entry].writtenMs)).toEqual([]);
  });

  test.each([['off', false], ['on', true]])('with FEEDOPS_SYNTH_CODE_CACHE=%s, what main.ts calls creates the cache: %p', (setting, created) => {
    const cacheDir = path.join(temporaryDirectory('feedops-code-cache-'), 'cache');
    const module = path.join(temporaryDirectory('feedops-code-cache-module-'), 'app.js');
    fs.writeFileSync(module, "module.exports = 'synthesized';\n");
    const script = `const { withCodeCache } = require(${JSON.stringify(CODE_CACHE_MODULE)});
      process.stdout.write(withCodeCache(() => require(${JSON.stringify(module)})));`;
    expect(node(['-e', script], { [CODE_CACHE_DIRECTORY_VARIABLE]: cacheDir, [CODE_CACHE_VARIABLE]: setting })).toEqual({ status: 0, stdout: 'synthesized', stderr: '' });
    expect(fs.existsSync(cacheDir)).toBe(created);
  });

  test('a cache that cannot be written leaves the synth as it is', () => {
    const blocked = path.join(temporaryDirectory('feedops-code-cache-'), 'a-file');
    fs.writeFileSync(blocked, 'not a directory');
    const module = path.join(temporaryDirectory('feedops-code-cache-module-'), 'feed.js');
    fs.writeFileSync(module, "module.exports = () => 'BTC/USD';\n");
    expect(loadThroughCache(path.join(blocked, 'cache'), module)).toEqual({ exported: 'BTC/USD', used: 0, compiled: 1 });
  });

  test.each([[undefined], [''], ['on']])('is on when FEEDOPS_SYNTH_CODE_CACHE is %p', (value) => {
    expect(codeCacheEnabled({ [CODE_CACHE_VARIABLE]: value })).toBe(true);
  });

  test('names a setting it does not know', () => {
    expect(() => codeCacheEnabled({ [CODE_CACHE_VARIABLE]: 'yes' })).toThrow(`${CODE_CACHE_VARIABLE}: "yes" is not a setting (allowed: on, off)`);
  });
});
