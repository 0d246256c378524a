// `npm run synth`'s build: esbuild transpiles and bundles feedops' own TypeScript for the synth path (the app and
// the summary) without type-checking: about 0.1 s instead of tsc's 6-11 s. Type-checking stays in `npm run lint`,
// `npm test` (tsc) and CI. cdktf, constructs and the providers stay external, so they load exactly as with tsc (one
// copy of each, the cdktf-savings hooks reach cdktf's own files); every other package (zod, yaml) is bundled: one
// file instead of about 170 small module loads. zod (MIT) and yaml (ISC) allow it; the bundle is built, not committed.
// The output lands where tsc puts it (dist/main.js, dist/scripts/synth-summary.js, dist/scripts/environment-matrix.js): `npx cdktf synth` (cdktf.json)
// runs dist/main.js after either build.
// `--outdir <dir>` writes elsewhere (the test that compares this build's synth with tsc's).
import { build } from 'esbuild';
import { fileURLToPath, URL } from 'url';

// Bare imports of these packages (and their subpaths: `cdktf/lib/...`, `@cdktf/provider-aws/lib/...`) stay require()s.
const EXTERNAL_PACKAGES = /^(cdktf|constructs|@cdktf\/[^/]+)(\/|$)/;
const keepCdktfExternal = {
  name: 'keep-cdktf-external',
  setup(build) {
    build.onResolve({ filter: EXTERNAL_PACKAGES }, (args) => ({ path: args.path, external: true }));
  },
};
// main.ts requires the synth only once the code cache is in place: it stays a require() of the synth's own bundle.
const keepSynthSeparate = {
  name: 'keep-synth-separate',
  setup(build) {
    build.onResolve({ filter: /^\.\/synth$/ }, (args) => (args.importer.endsWith('main.ts') ? { path: './synth.js', external: true } : undefined));
  },
};

const outdirFlag = process.argv.indexOf('--outdir');
await build({
  absWorkingDir: fileURLToPath(new URL('../..', import.meta.url)),
  entryPoints: { main: 'main.ts', synth: 'synth.ts', 'scripts/synth-summary': 'scripts/synth-summary.ts', 'scripts/environment-matrix': 'scripts/environment-matrix.ts' },
  outdir: outdirFlag === -1 ? 'dist' : process.argv[outdirFlag + 1],
  bundle: true,
  plugins: [keepCdktfExternal, keepSynthSeparate],
  platform: 'node',
  format: 'cjs',
  // tsconfig.json's target, so class fields and the like compile as tsc compiles them.
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  sourcemap: true,
  logLevel: 'warning',
});
