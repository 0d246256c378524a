// cdktf/lib/private/fs.js requires `archiver` (and through it glob, about 200 modules) when cdktf loads, for file-asset
// zips; under jest every test file that loads cdktf paid for it. jest.config.js maps `archiver` here: a function that
// loads the real module on its first call, as constructs/core/cdktf-savings.ts defers it on the synth path (that hook
// goes through Node's require cache, which jest's module registry does not use).
import * as path from 'path';

const realArchiver = require.resolve('archiver', { paths: [path.dirname(require.resolve('cdktf/lib/private/fs'))] });

export = function archiverOnFirstUse(this: unknown, ...args: unknown[]): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real archiver, on its first use
  return (require(realArchiver) as (...a: unknown[]) => unknown).apply(this, args);
};
