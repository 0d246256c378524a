import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Construct } from 'constructs';
import type { App } from '../../constructs/core/cdktf';

// cdktf and the app load only where a test synthesizes here (synthConstruct, a run without the global setup): most
// files that read the run's synth need neither, and loading the whole app was most of their CPU.
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
const cdktf = () => require('../../constructs/core/cdktf') as typeof import('../../constructs/core/cdktf');
const app = () => require('../../stacks/app') as typeof import('../../stacks/app');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The parts of a synthesized cdk.tf.json the tests read. */
export interface TerraformJson {
  terraform: { backend?: Record<string, Record<string, unknown>>; required_providers?: Record<string, unknown> };
  provider?: Record<string, Array<Record<string, unknown>>>;
  resource?: Record<string, Record<string, Record<string, any>>>;
  data?: Record<string, Record<string, Record<string, any>>>;
  output?: Record<string, { value: unknown }>;
}

export interface Resource {
  readonly type: string;
  readonly name: string;
  /** `type.name`, as Terraform addresses it. */
  readonly address: string;
  readonly config: Record<string, any>;
}

let appStacks: Record<string, TerraformJson> | undefined;

/** Where jest's global setup synthesized the app for the whole run. */
export const SYNTH_DIR_VARIABLE = 'FEEDOPS_TEST_SYNTH_DIR';
/** The run's own temporary directory (jest global setup), removed with everything in it when the run ends. */
export const RUN_TMPDIR_VARIABLE = 'FEEDOPS_TEST_RUN_TMPDIR';

/**
 * Every stack of the real app (all environments). Read from the one synth of the run (jest global setup); a test
 * file run without it (e.g. through another runner) synthesizes on its own.
 */
export function synthesizedStacks(): Record<string, TerraformJson> {
  if (appStacks) return appStacks;
  const shared = process.env[SYNTH_DIR_VARIABLE];
  if (shared && fs.existsSync(path.join(shared, 'stacks'))) {
    appStacks = readStacks(shared);
    return appStacks;
  }
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-synth-'));
  try {
    app().buildApp({ outdir }).app.synth();
    appStacks = readStacks(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  return appStacks;
}

export function readStacks(outdir: string): Record<string, TerraformJson> {
  const stacks: Record<string, TerraformJson> = {};
  for (const name of fs.readdirSync(path.join(outdir, 'stacks'))) {
    stacks[name] = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
  }
  return stacks;
}

export function resources(tf: TerraformJson, type?: string): Resource[] {
  return Object.entries(tf.resource ?? {})
    .filter(([resourceType]) => type === undefined || resourceType === type)
    .flatMap(([resourceType, byName]) =>
      Object.entries(byName).map(([name, config]) => ({ type: resourceType, name, address: `${resourceType}.${name}`, config })),
    );
}

/** Synthesizes one construct tree in a throw-away stack: `build` adds constructs to the stack. */
export function synthConstruct(build: (scope: Construct) => void): TerraformJson {
  const { Testing, TerraformStack } = cdktf();
  const stack = new TerraformStack(Testing.app() as App, 'test');
  build(stack);
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

/** Parses a JSON policy string, failing with the resource address when it is not JSON. */
export function parsePolicy(resource: Resource, field: string): { Statement: Array<Record<string, any>> } {
  const text = resource.config[field];
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${resource.address}.${field} is not a JSON policy built with JSON.stringify: ${String(text).slice(0, 80)}`);
  }
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
