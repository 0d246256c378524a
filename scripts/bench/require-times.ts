// Preload (`node --require dist/scripts/bench/require-times.js dist/main.js`): on exit, prints the time spent
// loading modules (require, including compiling and running each module's top level), self time grouped by
// package, and the number of modules per package. For docs/performance.md; not part of the synth path.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself, to wrap its loader
import Module = require('module');

const moduleInternals = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const originalLoad = moduleInternals._load;
const selfMs = new Map<string, number>();
const modules = new Map<string, Set<string>>();
let childMs = 0;
const started = process.hrtime.bigint();

function packageOf(file: string): string {
  const inModules = file.lastIndexOf('node_modules/');
  if (inModules === -1) return file.includes('/dist/') ? 'feedops (own code)' : 'node core';
  const rest = file.slice(inModules + 'node_modules/'.length).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

moduleInternals._load = function timedLoad(request: string, parent: unknown, isMain: boolean) {
  let file = request;
  try {
    file = (Module as unknown as { _resolveFilename(r: string, p: unknown): string })._resolveFilename(request, parent);
  } catch {
    // core module or unresolvable: timed under its request
  }
  const outerChild = childMs;
  childMs = 0;
  const begun = process.hrtime.bigint();
  try {
    return originalLoad.call(this, request, parent, isMain);
  } finally {
    const total = Number(process.hrtime.bigint() - begun) / 1e6;
    const key = packageOf(file);
    selfMs.set(key, (selfMs.get(key) ?? 0) + total - childMs);
    if (!modules.has(key)) modules.set(key, new Set());
    modules.get(key)!.add(file);
    childMs = outerChild + total;
  }
};

process.on('exit', () => {
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const rows = [...selfMs].sort((a, b) => b[1] - a[1]);
  const loading = rows.reduce((sum, [, ms]) => sum + ms, 0);
  process.stderr.write(`module loading ${loading.toFixed(0)} ms of ${wall.toFixed(0)} ms after the preload\n`);
  for (const [name, ms] of rows.slice(0, 15)) process.stderr.write(`  ${ms.toFixed(0).padStart(6)} ms  ${String(modules.get(name)!.size).padStart(5)} modules  ${name}\n`);
});
