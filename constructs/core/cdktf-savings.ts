// Six pieces of work cdktf 0.21.0 does on every synth that feedops' output never depends on, skipped here and
// only here. `FEEDOPS_CDKTF_SAVINGS=off` restores cdktf's own behaviour (e.g. to get token creation stacks back in
// an error message). The snapshots prove the output is byte-identical either way; docs/performance.md has figures.
//
// 1. File-asset modules: cdktf/lib/private/fs.js requires `archiver` (and through it glob and ~200 modules) when
//    cdktf loads, for TerraformAsset zips that feedops never makes. `archiver` is loaded on its first call instead.
// 2. Token creation stacks: every Lazy/Intrinsic token captures a full stack trace (Error.stackTraceLimit =
//    MAX_SAFE_INTEGER), used only in the text of a token-resolution error. Skipped while synthWithSavings builds.
// 3. The prepare pass: App.synth() resolves every element of every stack once with `preparing: true` only to find
//    cross-stack references (a token of one stack used in another), then resolves it all again to write it. The
//    pass is skipped; a guard watches the real pass, and the first cross-stack reference it meets makes the whole
//    app be built and synthesized again with cdktf's own passes (a fresh app: nothing half-prepared is written).
// 4. The second resolve of every stack: the guardrails' validation resolves the whole stack (`toTerraform()`) and
//    the synthesizer resolves it again moments later to write cdk.tf.json, with nothing in between that changes it.
//    During `app.synth()` the write reuses the validation's result, unless the stack's constructs changed since or
//    a construct in it has custom synthesis (cdktf's file assets), which runs between the two.
// 5. The token machinery on plain data: cdktf's resolve builds contexts, joins paths and runs its token regular
//    expressions on every value. Plain data is walked by resolveSkippingPlainValues (plain-value-resolve.ts), which
//    hands every value that could hold a token to cdktf's resolve.
// 6. Writing the JSON: cdktf's json-stable-stringify builds every indent character by character and calls every
//    array method through a bound wrapper. Its `{ space }` form is stableJson (stable-json.ts), the same text.
//
// This module must load before cdktf does (for 1. and 6.), so cdktf is required inside the functions, not imported above.
import * as fs from 'fs';
import * as path from 'path';
import type { App, TerraformStack } from 'cdktf';
import { type CdktfResolve, resolveSkippingPlainValues } from './plain-value-resolve';
import { STABLE_STRINGIFY_VERSION, stableJson } from './stable-json';

export const CDKTF_SAVINGS_VARIABLE = 'FEEDOPS_CDKTF_SAVINGS';

/** Whether the savings are on: unset or `on` (the default), `off`; anything else is a mistake worth naming. */
export function cdktfSavingsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[CDKTF_SAVINGS_VARIABLE];
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`${CDKTF_SAVINGS_VARIABLE}: "${value}" is not a setting (allowed: on, off)`);
}

/** Thrown by the guard when a stack uses another stack's token while the prepare pass was skipped. */
export class CrossStackReferenceFound extends Error {}

/** What synthWithSavings did, for tests and the benchmark. */
export interface SavingsSynthResult {
  readonly app: App;
  /** `skipped`: no stack references another; `ran`: savings off, or a cross-stack reference forced cdktf's passes. */
  readonly preparePass: 'skipped' | 'ran';
}

/**
 * Builds the app with `build` and synthesizes it, with the savings above unless FEEDOPS_CDKTF_SAVINGS=off.
 * `build` must be repeatable (it is called again, without savings, when a cross-stack reference is found).
 */
export function synthWithSavings(build: () => App, env: NodeJS.ProcessEnv = process.env): SavingsSynthResult {
  if (!cdktfSavingsEnabled(env)) return synthAsCdktfDoes(build);
  const { cdktf, stackTraceModule, referencePrototype, resolveModule } = cdktfInternals();
  const restoreStackTraces = replaceProperty(stackTraceModule, 'captureStackTrace', () => []);
  const restoreResolve = replaceProperty(resolveModule, 'resolve', resolveSkippingPlainValues(resolveModule.resolve));
  const restoreGuard = replaceProperty(referencePrototype, 'resolve', guardReference(cdktf, referencePrototype.resolve));
  try {
    const app = build();
    const stacks = app.node.findAll().filter(cdktf.TerraformStack.isStack);
    for (const stack of stacks) {
      // What prepareStack does besides the cross-stack search (it adds a LocalBackend to a stack without one).
      stack.prepareStack = () => void stack.ensureBackendExists();
    }
    const restoreResolves = stacks.filter((stack) => !hasCustomSynthesis(stack)).map(reuseLastResolve);
    try {
      app.synth();
    } finally {
      restoreResolves.forEach((restore) => restore());
    }
    return { app, preparePass: 'skipped' };
  } catch (error) {
    if (!(error instanceof CrossStackReferenceFound)) throw error;
  } finally {
    restoreGuard();
    restoreResolve();
    restoreStackTraces();
  }
  return synthAsCdktfDoes(build);
}

function synthAsCdktfDoes(build: () => App): SavingsSynthResult {
  const app = build();
  app.synth();
  return { app, preparePass: 'ran' };
}

type Cdktf = typeof import('cdktf');
interface ResolveContext {
  readonly scope: any;
  readonly preparing: boolean;
}
/** The fields of cdktf's (unexported) Reference token that the guard reads: tfExpression.js, cdktf 0.21.0. */
interface ReferenceInternals {
  readonly identifier: string;
  readonly originStack?: TerraformStack;
  readonly crossStackIdentifier: Record<string, string>;
  resolve(context: ResolveContext): unknown;
}

/** The hooks, from cdktf's own files (deep paths of cdktf 0.21.0; the package has no `exports` map). */
function cdktfInternals() {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded here, after deferFileAssetModules has run */
  const cdktf = require('cdktf') as Cdktf;
  const stackTraceModule = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: () => string[] };
  const tfExpression = require('cdktf/lib/tfExpression') as { ref(identifier: string): unknown };
  // The resolve every Tokenization.resolve calls (token.js reads the export on each call).
  const resolveModule = require('cdktf/lib/tokens/private/resolve') as { resolve: CdktfResolve };
  /* eslint-enable @typescript-eslint/no-require-imports */
  // Reference is not exported; its prototype is reached through an instance.
  const referencePrototype = Object.getPrototypeOf(tfExpression.ref('feedops-probe')) as ReferenceInternals;
  return { cdktf, stackTraceModule, referencePrototype, resolveModule };
}

/** Reference.resolve, failing on the real pass when a stack uses another stack's token the prepare pass did not see. */
function guardReference(cdktf: Cdktf, resolveReference: ReferenceInternals['resolve']): ReferenceInternals['resolve'] {
  return function guardedResolve(this: ReferenceInternals, context: ResolveContext): unknown {
    if (!context.preparing && this.originStack) {
      const stack = cdktf.TerraformStack.of(context.scope);
      if (stack !== this.originStack && this.crossStackIdentifier[stack.toString()] === undefined) {
        throw new CrossStackReferenceFound(`${stack.node.id} references ${this.identifier} of ${this.originStack.node.id}`);
      }
    }
    return resolveReference.call(this, context);
  };
}

/**
 * Makes the next `stack.toTerraform()` return the result of the previous one, once, when the stack has the same
 * constructs as then: the synthesizer's write reuses the guardrails' resolve (saving 4). Returns the undo.
 */
function reuseLastResolve(stack: TerraformStack): () => void {
  const resolve = stack.toTerraform.bind(stack);
  let last: { config: ReturnType<TerraformStack['toTerraform']>; constructs: number } | undefined;
  stack.toTerraform = () => {
    const constructs = stack.node.findAll().length;
    if (last?.constructs === constructs) {
      const { config } = last;
      last = undefined;
      return config;
    }
    last = { config: resolve(), constructs };
    return last.config;
  };
  // Back to the prototype's method (deleting the own property, so a later spy on the prototype sees every call).
  return () => void delete (stack as Partial<Pick<TerraformStack, 'toTerraform'>>).toTerraform;
}

/** cdktf's custom synthesis (synthesizer.js, cdktf 0.21.0: file assets) runs between validation and the write. */
function hasCustomSynthesis(stack: TerraformStack): boolean {
  const customSynthesis = Symbol.for('cdktf/customSynthesis');
  return stack.node.findAll().some((construct) => (construct as unknown as Record<symbol, unknown>)[customSynthesis] !== undefined);
}

function replaceProperty<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): () => void {
  const original = target[key];
  target[key] = value;
  return () => {
    target[key] = original;
  };
}

/**
 * Registers `archiver` (as cdktf/lib/private/fs.js resolves it) as a function that loads the real module on its
 * first call; cdktf only ever calls it (`archiver("zip", ...)`). Runs when this module loads, which the import
 * boundary modules (cdktf.ts, aws.ts, kubernetes.ts, helm.ts) arrange before anything loads cdktf.
 */
function deferFileAssetModules(): void {
  const cdktfFs = require.resolve('cdktf/lib/private/fs');
  if (require.cache[cdktfFs]) return; // cdktf already loaded: nothing left to save
  const archiverPath = require.resolve('archiver', { paths: [path.dirname(cdktfFs)] });
  registerPlaceholderModule(archiverPath, function archiverOnFirstUse(this: unknown, ...args: unknown[]) {
    delete require.cache[archiverPath];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real archiver, on its first use
    return (require(archiverPath) as (...a: unknown[]) => unknown).apply(this, args);
  });
}

type StableStringify = (value: unknown, options?: unknown) => string | undefined;

/** The json-stable-stringify file cdktf's synthesizer and manifest load (cdktf 0.21.0 depends on it directly). */
export function cdktfJsonWriterPath(): string {
  return require.resolve('json-stable-stringify', { paths: [path.dirname(require.resolve('cdktf/lib/manifest'))] });
}

/**
 * Registers json-stable-stringify (as cdktf's synthesizer and manifest resolve it) as stableJson for the options
 * cdktf passes (`{ space: 2 }`), and as the real module, loaded on first use, for any other. Only for the version
 * stableJson reproduces; another one is left to cdktf.
 */
function writeJsonWithStableJson(): void {
  const modulePath = cdktfJsonWriterPath();
  if (require.cache[modulePath]) return; // cdktf already loaded: nothing left to save
  const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(modulePath), 'package.json'), 'utf8')) as { version: string };
  if (version !== STABLE_STRINGIFY_VERSION) return;
  let real: StableStringify | undefined;
  const loadReal = (): StableStringify => {
    if (real) return real;
    delete require.cache[modulePath];
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real module, for options cdktf never passes
      real = require(modulePath) as StableStringify;
    } finally {
      require.cache[modulePath] = placeholder;
    }
    return real;
  };
  const placeholder = registerPlaceholderModule(modulePath, function stableStringify(value: unknown, options?: unknown): string | undefined {
    const unit = indentUnitOf(options);
    return unit === undefined ? loadReal()(value, options) : stableJson(value, unit);
  });
}

/** The indent of options that are only `{ space }` (a text, or a whole number of spaces); undefined for any other. */
function indentUnitOf(options: unknown): string | undefined {
  if (options === undefined) return '';
  if (typeof options !== 'object' || options === null || Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  if (Object.keys(options).some((key) => key !== 'space')) return undefined;
  const { space } = options as { space?: unknown };
  if (space === undefined || space === 0 || space === '') return '';
  if (typeof space === 'string') return space;
  if (typeof space === 'number' && Number.isInteger(space) && space > 0) return ' '.repeat(space);
  return undefined;
}

/** Registers `exports` as the loaded module at `modulePath`: what every later `require` of that file gets. */
function registerPlaceholderModule(modulePath: string, exports: unknown): NodeJS.Module {
  const placeholder = new NodeModule(modulePath);
  placeholder.filename = modulePath;
  placeholder.loaded = true;
  placeholder.exports = exports;
  require.cache[modulePath] = placeholder;
  return placeholder;
}

// The Module constructor of node:module, typed loosely (@types/node does not declare it as a constructor).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NodeModule = require('module') as new (id: string) => NodeJS.Module;

// Under jest, require.cache is a read-only view of jest's registry: these are then no-ops.
if (cdktfSavingsEnabled()) {
  deferFileAssetModules();
  writeJsonWithStableJson();
}
