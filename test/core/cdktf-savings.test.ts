import { spawnSync } from 'child_process';
// eslint-disable-next-line no-restricted-imports -- a file asset, which feedops never makes: custom synthesis to test against
import { TerraformAsset } from 'cdktf';
import type { IConstruct } from 'constructs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsProvider, IamRole } from '../../constructs/core/aws';
import { App, Lazy, TerraformOutput, TerraformStack } from '../../constructs/core/cdktf';
import { cdktfSavingsEnabled, CDKTF_SAVINGS_VARIABLE, synthWithSavings } from '../../constructs/core/cdktf-savings';
import { Guardrails } from '../../constructs/guardrails/guardrails';
import { Aspects } from '../../constructs/core/cdktf';
import { buildApp } from '../../stacks/app';
import { SYNTH_DIR_VARIABLE } from '../support/synth';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const SAVINGS_ON = { [CDKTF_SAVINGS_VARIABLE]: 'on' };
const SAVINGS_OFF = { [CDKTF_SAVINGS_VARIABLE]: 'off' };
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function freshOutdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-savings-'));
  outdirs.push(dir);
  return dir;
}

/** Every file under `dir`, relative path -> content. */
function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => fs.statSync(path.join(dir, file)).isFile())
      .sort()
      .map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]),
  );
}

/** Two stacks with a role each; with `crossStack`, the second outputs the first one's role ARN. */
function twoStacks(outdir: string, crossStack: boolean): App {
  const app = new App({ outdir });
  const first = new TerraformStack(app, 'first');
  new AwsProvider(first, 'aws', { region: 'eu-west-1' });
  const role = new IamRole(first, 'role', { name: 'first', assumeRolePolicy: '{}' });
  const second = new TerraformStack(app, 'second');
  new AwsProvider(second, 'aws', { region: 'eu-west-1' });
  new IamRole(second, 'role', { name: 'second', assumeRolePolicy: '{}' });
  if (crossStack) new TerraformOutput(second, 'first-role', { value: role.arn });
  return app;
}

describe(`${CDKTF_SAVINGS_VARIABLE}`, () => {
  test.each([[undefined], [''], ['on']])('savings are on when it is %p', (value) => {
    expect(cdktfSavingsEnabled({ [CDKTF_SAVINGS_VARIABLE]: value })).toBe(true);
  });

  test('off turns them off', () => {
    expect(cdktfSavingsEnabled(SAVINGS_OFF)).toBe(false);
  });

  test('fails when it is neither on nor off, naming the variable, the value and what is allowed', () => {
    expect(() => cdktfSavingsEnabled({ [CDKTF_SAVINGS_VARIABLE]: 'yes' })).toThrow(`${CDKTF_SAVINGS_VARIABLE}: "yes" is not a setting (allowed: on, off)`);
  });
});

describe('the prepare pass', () => {
  test('is skipped when no stack references another, with the same files written', () => {
    const prepare = jest.spyOn(TerraformStack.prototype, 'prepareStack');
    const savedDir = freshOutdir();
    const saved = synthWithSavings(() => twoStacks(savedDir, false), SAVINGS_ON);
    expect(saved.preparePass).toBe('skipped');
    expect(prepare).not.toHaveBeenCalled();

    const plainDir = freshOutdir();
    twoStacks(plainDir, false).synth();
    expect(prepare).toHaveBeenCalledTimes(2);
    prepare.mockRestore();
    expect(filesOf(savedDir)).toEqual(filesOf(plainDir));
  });

  test('still gives a stack without a backend the local backend, as prepareStack does', () => {
    const dir = freshOutdir();
    synthWithSavings(() => twoStacks(dir, false), SAVINGS_ON);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'stacks/first/cdk.tf.json'), 'utf8')).terraform.backend).toEqual({
      local: { path: path.join(PROJECT_ROOT, 'terraform.first.tfstate') },
    });
  });

  test('runs as cdktf runs it when a stack references another, on a freshly built app', () => {
    const savedDir = freshOutdir();
    let builds = 0;
    const saved = synthWithSavings(() => {
      builds++;
      return twoStacks(savedDir, true);
    }, SAVINGS_ON);
    expect(saved.preparePass).toBe('ran');
    expect(builds).toBe(2);

    const plainDir = freshOutdir();
    twoStacks(plainDir, true).synth();
    const second = JSON.parse(fs.readFileSync(path.join(savedDir, 'stacks/second/cdk.tf.json'), 'utf8'));
    expect(Object.keys(second.data.terraform_remote_state)).toHaveLength(1);
    expect(filesOf(savedDir)).toEqual(filesOf(plainDir));
  });

  test('runs as cdktf runs it when the savings are off', () => {
    const prepare = jest.spyOn(TerraformStack.prototype, 'prepareStack');
    expect(synthWithSavings(() => twoStacks(freshOutdir(), false), SAVINGS_OFF).preparePass).toBe('ran');
    expect(prepare).toHaveBeenCalledTimes(2);
    prepare.mockRestore();
  });
});

describe('the second resolve of a stack', () => {
  /** Synthesizes `build`'s app; returns how often each stack was resolved (TerraformStack.toTerraform) and the files. */
  const synthCountingResolves = (build: (outdir: string) => App, env: NodeJS.ProcessEnv) => {
    const toTerraform = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    const outdir = freshOutdir();
    try {
      synthWithSavings(() => build(outdir), env);
      const resolves: Record<string, number> = {};
      for (const stack of toTerraform.mock.contexts as TerraformStack[]) resolves[stack.node.id] = (resolves[stack.node.id] ?? 0) + 1;
      return { resolves, files: filesOf(outdir) };
    } finally {
      toTerraform.mockRestore();
    }
  };
  const guarded = (outdir: string) => {
    const app = twoStacks(outdir, false);
    app.node.children.filter(TerraformStack.isStack).forEach((stack) => Guardrails.of(stack));
    return app;
  };

  test("is skipped: the write reuses the guardrails' resolve, with the same files written", () => {
    const saved = synthCountingResolves(guarded, SAVINGS_ON);
    expect(saved.resolves).toEqual({ first: 1, second: 1 });
    const plain = synthCountingResolves(guarded, SAVINGS_OFF);
    expect(plain.resolves).toEqual({ first: 2, second: 2 });
    expect(saved.files).toEqual(plain.files);
  });

  test('runs when a construct was added after the guardrails resolved the stack, which is then written too', () => {
    const addsOutputLate = (outdir: string) => {
      const app = guarded(outdir);
      const second = app.node.findChild('second') as TerraformStack;
      // Aspects run in order: this one's validation runs after the guardrails' and adds an output.
      Aspects.of(second).add({
        visit: (node: IConstruct) => {
          if (node !== second) return;
          second.node.addValidation({ validate: () => (new TerraformOutput(second, 'late', { value: 'added in validation' }), []) });
        },
      });
      return app;
    };
    const saved = synthCountingResolves(addsOutputLate, SAVINGS_ON);
    expect(saved.resolves).toEqual({ first: 1, second: 2 });
    expect(JSON.parse(saved.files['stacks/second/cdk.tf.json']).output.late.value).toBe('added in validation');
    expect(saved.files).toEqual(synthCountingResolves(addsOutputLate, SAVINGS_OFF).files);
  });

  test('runs for a stack with custom synthesis (a file asset), which cdktf runs between the two', () => {
    const withAsset = (outdir: string) => {
      const app = guarded(outdir);
      const file = path.join(outdir, '..', `${path.basename(outdir)}-asset.txt`);
      fs.writeFileSync(file, 'asset');
      outdirs.push(file);
      new TerraformAsset(app.node.findChild('first') as TerraformStack, 'asset', { path: file });
      return app;
    };
    expect(synthCountingResolves(withAsset, SAVINGS_ON).resolves).toEqual({ first: 2, second: 1 });
  });

  test("is cdktf's own method again after the synth", () => {
    const app = guarded(freshOutdir());
    synthWithSavings(() => app, SAVINGS_ON);
    for (const stack of app.node.children.filter(TerraformStack.isStack)) {
      expect(Object.prototype.hasOwnProperty.call(stack, 'toTerraform')).toBe(false);
    }
  });
});

describe('token creation stacks', () => {
  const tokenCreationStack = (env: NodeJS.ProcessEnv): string[] => {
    let stack: string[] = [];
    synthWithSavings(() => {
      const app = twoStacks(freshOutdir(), false);
      stack = (Lazy.anyValue({ produce: () => 'x' }) as unknown as { creationStack: string[] }).creationStack;
      return app;
    }, env);
    return stack;
  };

  test('are not captured while building with the savings', () => {
    expect(tokenCreationStack(SAVINGS_ON)).toEqual([]);
  });

  test('are captured with the savings off', () => {
    expect(tokenCreationStack(SAVINGS_OFF).length).toBeGreaterThan(0);
  });

  test('are captured again after a synth with the savings', () => {
    tokenCreationStack(SAVINGS_ON);
    expect((Lazy.anyValue({ produce: () => 'x' }) as unknown as { creationStack: string[] }).creationStack.length).toBeGreaterThan(0);
  });
});

describe('file-asset modules', () => {
  // In a node process of its own: jest keeps its own module registry.
  const loadedAfterImport = (env: NodeJS.ProcessEnv, extra = ''): string => {
    const script = `require('./dist/constructs/core/cdktf'); ${extra}
      const loaded = Object.keys(require.cache).filter((file) => /node_modules\\/(archiver|glob)\\//.test(file)).length;
      process.stdout.write(String(loaded));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout;
  };

  test('archiver and glob are not loaded with cdktf (only the placeholder for archiver is registered)', () => {
    expect(Number(loadedAfterImport(SAVINGS_ON))).toBe(1);
  });

  test('are loaded as cdktf loads them with the savings off', () => {
    expect(Number(loadedAfterImport(SAVINGS_OFF))).toBeGreaterThan(5);
  });

  test('archiver still works when cdktf calls it: a TerraformAsset archive is written', () => {
    const dir = freshOutdir();
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'file.txt'), 'asset');
    const zip = path.join(dir, 'asset.zip');
    loadedAfterImport(SAVINGS_ON, `require('cdktf/lib/private/fs').archiveSync(${JSON.stringify(path.join(dir, 'src'))}, ${JSON.stringify(zip)});`);
    expect(fs.readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
  });
});

describe("cdktf's JSON writer", () => {
  // In a node process of its own, as above: what cdktf's synthesizer and manifest get for json-stable-stringify.
  const writerAfterImport = (env: NodeJS.ProcessEnv): { realLoadedWithCdktf: boolean; indented: string; sortedByCmp: string; realLoadedAfterCmp: boolean } => {
    const script = `require('./dist/constructs/core/cdktf');
      const writerPath = require('./dist/constructs/core/cdktf-savings').cdktfJsonWriterPath();
      const realLoaded = () => Object.keys(require.cache).some((file) => file.includes('/node_modules/object-keys/'));
      const realLoadedWithCdktf = realLoaded();
      const stringify = require(writerPath);
      const indented = stringify({ b: [], a: { c: 1 } }, { space: 2 });
      const sortedByCmp = stringify({ a: 1, b: 2 }, { cmp: (x, y) => (x.key < y.key ? 1 : -1) });
      process.stdout.write(JSON.stringify({ realLoadedWithCdktf, indented, sortedByCmp, realLoadedAfterCmp: realLoaded() }));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout);
  };

  test("is stableJson for the options cdktf passes, and the real module, loaded then, for any other", () => {
    expect(writerAfterImport(SAVINGS_ON)).toEqual({
      realLoadedWithCdktf: false,
      indented: '{\n  "a": {\n    "c": 1\n  },\n  "b": [\n  ]\n}',
      sortedByCmp: '{"b":2,"a":1}',
      realLoadedAfterCmp: true,
    });
  });

  test('is the real module with the savings off', () => {
    expect(writerAfterImport(SAVINGS_OFF)).toEqual(expect.objectContaining({ realLoadedWithCdktf: true, indented: '{\n  "a": {\n    "c": 1\n  },\n  "b": [\n  ]\n}' }));
  });
});

test("the feedops app synthesizes byte-identical files with and without the savings", () => {
  const withSavings = process.env[SYNTH_DIR_VARIABLE];
  if (!withSavings) throw new Error(`${SYNTH_DIR_VARIABLE} is not set: run through jest (global setup synthesizes with the savings)`);
  const plainDir = freshOutdir();
  expect(synthWithSavings(() => buildApp({ outdir: plainDir }).app, SAVINGS_OFF).preparePass).toBe('ran');
  expect(filesOf(withSavings)).toEqual(filesOf(plainDir));
});
