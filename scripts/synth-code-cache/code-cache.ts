// V8's code cache for the synth: a good part of a synth's time is V8 compiling JavaScript (cdktf, the providers'
// large files, the app bundle), the same functions on every run. While `withCodeCache` runs, every CommonJS module
// is compiled with the bytecode a previous run left for that file, and at exit the modules that had none get it
// (from the second run in a checkout on), taken after the synth so it holds the functions compiled while it ran,
// not only those compiled at load.
// (Node 22's module.enableCompileCache keeps only the latter, and Node 20, the engines floor, does not have it.)
//
// The cache lives in node_modules/.cache (where cdktf is installed: it goes with the modules it was made from), one
// directory per Node build, one file per module named after its path. Each entry holds the identity of the file it
// was made from (inode, size, modification and change times, as git's index does), since V8 itself only checks the
// source's length: an edit, a reinstall or a copy changes the change time at least. Hashing the 9 MB of sources
// instead would cost about a fifth of what the cache saves. `FEEDOPS_SYNTH_CODE_CACHE=off` turns it off. Modules
// with a shebang, and every module when source maps are on (Node maps only what it compiles), are left to Node;
// an `import()` in a module loads through Node's own loader (vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER).
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

export const CODE_CACHE_VARIABLE = 'FEEDOPS_SYNTH_CODE_CACHE';
export const CODE_CACHE_DIRECTORY_VARIABLE = 'FEEDOPS_SYNTH_CODE_CACHE_DIR';

/** Whether the cache is on: unset or `on` (the default), `off`; anything else is a mistake worth naming. */
export function codeCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[CODE_CACHE_VARIABLE];
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`${CODE_CACHE_VARIABLE}: "${value}" is not a setting (allowed: on, off)`);
}

/** The cache of this Node build (version, architecture, V8) in the node_modules that holds cdktf. */
export function codeCacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  // Another place, for the benchmark's and the tests' runs that must not share the project's cache.
  const elsewhere = env[CODE_CACHE_DIRECTORY_VARIABLE];
  if (elsewhere) return elsewhere;
  const nodeModules = path.dirname(path.dirname(require.resolve('cdktf/package.json')));
  return path.join(nodeModules, '.cache', 'feedops-synth-code', `${process.version}-${process.arch}-v8-${process.versions.v8}`);
}

/** What one run did, for the tests and the benchmark. */
export interface CodeCacheUse {
  /** Modules compiled from the cache. */
  readonly used: number;
  /** Modules compiled without it (none yet, a changed source, or V8 refused it); they are written at exit. */
  readonly compiled: number;
}

interface Compiled {
  readonly file: string;
  readonly identity: Buffer;
  readonly script: vm.Script;
}

type ModuleCompile = (this: NodeJS.Module, content: string, filename: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: ModuleCompile };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: NodeJS.Module, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: NodeJS.Module): string[] | null;
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Dict<NodeJS.Module>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's CommonJS loader, whose compile step this wraps
const NodeModule = require('module') as ModuleInternals;
/** inode, size, mtime and ctime in nanoseconds: four 64-bit integers at the start of an entry. */
const IDENTITY_BYTES = 32;

/** Runs `load` (which requires the app) with the code cache, unless it is off or source maps are on. Returns what `load` returns. */
export function withCodeCache<T>(load: () => T, env: NodeJS.ProcessEnv = process.env): T {
  if (!codeCacheEnabled(env) || process.sourceMapsEnabled) return load();
  installCodeCache(codeCacheDirectory(env));
  return load();
}

/** Compiles every CommonJS module loaded from now on through `directory`'s cache; writes what was missing at exit. */
export function installCodeCache(directory: string): () => CodeCacheUse {
  const compileAsNode = NodeModule.prototype._compile;
  const missing: Compiled[] = [];
  let used = 0;
  NodeModule.prototype._compile = function compileWithCodeCache(this: NodeJS.Module, content: string, filename: string): unknown {
    if (content.startsWith('#!')) return compileAsNode.call(this, content, filename);
    const file = path.join(directory, `${crypto.createHash('sha1').update(filename).digest('hex')}.v8`);
    const identity = identityOf(filename);
    const cachedData = cachedFor(file, identity);
    const script = new vm.Script(NodeModule.wrap(content), { filename, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    if (cachedData && !script.cachedDataRejected) used++;
    else missing.push({ file, identity, script });
    const moduleFunction = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return moduleFunction.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  process.once('exit', () => writeMissing(directory, missing));
  return () => ({ used, compiled: missing.length });
}

function identityOf(filename: string): Buffer {
  const stat = fs.statSync(filename, { bigint: true });
  const identity = Buffer.alloc(IDENTITY_BYTES);
  [stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].forEach((value, index) => identity.writeBigUInt64LE(value, index * 8));
  return identity;
}

/** The cached bytecode in `file` when it was made from this very file. */
function cachedFor(file: string, identity: Buffer): Buffer | undefined {
  let entry: Buffer;
  try {
    entry = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  return entry.subarray(0, IDENTITY_BYTES).equals(identity) ? entry.subarray(IDENTITY_BYTES) : undefined;
}

/**
 * Writes each missing module's bytecode (the file's identity first), each through a temporary file and a rename so a
 * concurrent synth never reads half a file. Only once a run has found the cache's directory: the first run in a
 * checkout only creates it, so a one-off synth (a CI job in a fresh clone) does not pay for writing a cache it
 * never reads (about a fifth of a synth). A cache that cannot be written only makes the next run compile again.
 */
function writeMissing(directory: string, missing: readonly Compiled[]): void {
  if (missing.length === 0) return;
  try {
    if (!fs.existsSync(directory)) {
      fs.mkdirSync(directory, { recursive: true });
      return;
    }
    for (const { file, identity, script } of missing) {
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, Buffer.concat([identity, script.createCachedData()]));
      fs.renameSync(temporary, file);
    }
  } catch {
    // Read-only or full disk: the synth's output is already written; the cache is only a speed-up.
  }
}

/** The `require` Node gives a module (makeRequireFunction in lib/internal/modules/helpers.js). */
function requireFor(module: NodeJS.Module): NodeJS.Require {
  const moduleRequire = ((request: string) => module.require(request)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) => NodeModule._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => NodeModule._resolveLookupPaths(request, module);
  moduleRequire.resolve = resolve;
  moduleRequire.main = require.main;
  moduleRequire.extensions = NodeModule._extensions;
  moduleRequire.cache = NodeModule._cache;
  return moduleRequire;
}
