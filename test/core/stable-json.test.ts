import * as fs from 'fs';
import * as path from 'path';
import { cdktfJsonWriterPath } from '../../constructs/core/cdktf-savings';
import { STABLE_STRINGIFY_VERSION, stableJson } from '../../constructs/core/stable-json';
import { SYNTH_DIR_VARIABLE } from '../support/synth';

// The oracle: json-stable-stringify as cdktf resolves it (jest's registry loads the real module, never the savings'
// placeholder).
const realPath = cdktfJsonWriterPath();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- cdktf's own dependency, by its resolved path
const realStringify = require(realPath) as (value: unknown, options?: { space?: string | number }) => string | undefined;

/** The outcome of one writer: its text, or the error it threw. */
function outcome(write: () => string | undefined): { text?: string; error?: string } {
  try {
    return { text: write() };
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

const SPACES: ReadonlyArray<readonly [string, string | number]> = [['2 spaces (what cdktf passes)', 2], ['none', ''], ['a tab', '\t'], ['4 spaces as text', '    ']];
const unitOf = (space: string | number) => (typeof space === 'number' ? ' '.repeat(space) : space);

const repeated = { shared: true };
const withProtoKey = JSON.parse('{"__proto__": {"x": 1}, "a": 1}');
const bare = Object.assign(Object.create(null), { b: 1, a: [] });
const arrayWithProperty = Object.assign([1, 2], { extra: 'ignored' });
const VALUES: ReadonlyArray<readonly [string, unknown]> = [
  ['empty containers at every depth', { a: [], b: {}, c: [[]], d: [{}], e: { f: {}, g: [[], {}] } }],
  ['an empty array at the top', []],
  ['an empty object at the top', {}],
  ['keys that look like indexes, cases, accents and the empty key', { '10': 1, '9': 2, '1': 3, a: 4, B: 5, _: 6, 'é': 7, '': 8, 'a b': 9, '\u2028': 10 }],
  ['strings JSON escapes', ['"quoted"', 'back\\slash', 'line\nbreak', 'tab\t', '\u0000', '\u2028', '${var.x}', '💥']],
  ['numbers', [0, -0, 1.5, -2, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity]],
  ['null and booleans', { n: null, t: true, f: false, list: [null, true, false] }],
  ['undefined, functions and symbols: left out of objects, null in arrays', { u: undefined, fn: () => 1, s: Symbol('s'), kept: 1, list: [undefined, () => 1, Symbol('t'), 2] }],
  ['an object whose values are all left out', { only: undefined, nested: { gone: undefined } }],
  ['toJSON: dates, undefined and nested values', { at: new Date(0), none: { toJSON: () => undefined }, nested: { toJSON: () => ({ z: 1, y: [{}] }) } }],
  ['a value used twice (not a cycle)', { first: repeated, second: [repeated, repeated] }],
  ['a __proto__ key and an object without a prototype', { withProtoKey, bare }],
  ['sparse arrays and array properties', { sparse: [1, , 3], arrayWithProperty }], // eslint-disable-line no-sparse-arrays
  ['boxed primitives and a Map', { text: new String('ab'), number: new Number(3), map: new Map([['k', 1]]) }],
  ['a string at the top', 'text'],
  ['a number at the top', 42],
  ['undefined at the top', undefined],
  ['a function at the top', () => 1],
];

describe(`stableJson writes what json-stable-stringify ${STABLE_STRINGIFY_VERSION} writes`, () => {
  test('the version cdktf installs is the one it reproduces', () => {
    expect(JSON.parse(fs.readFileSync(path.join(path.dirname(realPath), 'package.json'), 'utf8')).version).toBe(STABLE_STRINGIFY_VERSION);
  });

  describe.each(SPACES)('indented with %s', (_name, space) => {
    test.each(VALUES)('%s', (_case, value) => {
      const expected = outcome(() => realStringify(value, { space }));
      expect(expected.error).toBeUndefined();
      expect(outcome(() => stableJson(value, unitOf(space)))).toEqual(expected);
    });
  });

  test('a cycle through objects fails with the same error', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    const expected = outcome(() => realStringify(cyclic, { space: 2 }));
    expect(expected.error).toBe('TypeError: Converting circular structure to JSON');
    expect(outcome(() => stableJson(cyclic, '  '))).toEqual(expected);
  });

  test('every file of the synthesized app, byte for byte', () => {
    const outdir = process.env[SYNTH_DIR_VARIABLE];
    if (!outdir) throw new Error(`${SYNTH_DIR_VARIABLE} is not set: run through jest (global setup synthesizes the app)`);
    const files = (fs.readdirSync(outdir, { recursive: true }) as string[]).filter((file) => file.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining(['manifest.json', path.join('stacks', 'prod-monitors', 'cdk.tf.json')]));
    for (const file of files) {
      const parsed = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8'));
      expect({ file, text: stableJson(parsed, '  ') }).toEqual({ file, text: realStringify(parsed, { space: 2 }) });
    }
  });
});
