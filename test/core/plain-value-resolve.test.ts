import { IamRole, AwsProvider } from '../../constructs/core/aws';
import { App, Fn, Lazy, TerraformStack, Token } from '../../constructs/core/cdktf';
import { type CdktfResolve, type CdktfResolveOptions, mayHoldNumberToken, resolveSkippingPlainValues } from '../../constructs/core/plain-value-resolve';
import { synthesizedStacks } from '../support/synth';

// cdktf's own resolve and number-token test: the oracle every case is compared with.
/* eslint-disable @typescript-eslint/no-require-imports -- cdktf's internals, as cdktf-savings.ts reaches them */
const resolveModule = require('cdktf/lib/tokens/private/resolve') as { resolve: CdktfResolve };
const stackResolve = (require('cdktf/lib/_tokens') as { resolve(scope: TerraformStack, value: unknown): unknown }).resolve;
const encoding = require('cdktf/lib/tokens/private/encoding') as { TokenString: { forNumbers(text: string): { test(): boolean } } };
/* eslint-enable @typescript-eslint/no-require-imports */
const cdktfResolve = resolveModule.resolve;
const cdktfNumberTest = (text: string) => encoding.TokenString.forNumbers(text).test();

const app = new App();
const stack = new TerraformStack(app, 'resolve');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
const role = new IamRole(stack, 'role', { name: 'observer', assumeRolePolicy: '{}' });

/** What a stack's toTerraform calls (cdktf/lib/_tokens.js, through Tokenization.resolve), with `resolve` installed as the savings do. */
function resolveWith(resolve: CdktfResolve, value: unknown): { value?: unknown; error?: string } {
  resolveModule.resolve = resolve;
  try {
    return { value: stackResolve(stack, value) };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    resolveModule.resolve = cdktfResolve;
  }
}

/** cdktf's resolve, recording the value and path of each call the walk hands over. */
function recordingResolve(): { resolve: CdktfResolve; handed: Array<{ value: unknown; prefix: string[] }> } {
  const handed: Array<{ value: unknown; prefix: string[] }> = [];
  const resolve = resolveSkippingPlainValues((value: unknown, options: CdktfResolveOptions) => {
    handed.push({ value, prefix: [...(options.prefix ?? [])] });
    return cdktfResolve(value, options);
  });
  return { resolve, handed };
}

function nested(depth: number, leaf: unknown): unknown {
  let value: unknown = leaf;
  for (let level = 0; level < depth; level++) value = { level: value };
  return value;
}

const CASES: Array<[string, unknown]> = [
  ['plain data, with undefined values dropped', { b: 1, a: ['x', undefined, { c: undefined, d: null }], e: true, f: new Date(0), g: '', h: {} }],
  ['a reference in a string', { policy: { arn: role.arn, text: `role ${role.arn} in ${role.name}` } }],
  ['a function call', { joined: Fn.join(',', [role.arn, 'plain']) }],
  ['a number token', { count: Token.asNumber(role.maxSessionDuration), written: `${Token.asNumber(role.maxSessionDuration)} s` }],
  ['a list token', { arns: Token.asList(role.arn), nested: [[role.arn], Token.asList(role.arn)] }],
  ['a list token among other elements (an error)', { arns: ['a', ...Token.asList(role.arn)] }],
  ['a lazy value producing plain data and tokens', { lazy: Lazy.anyValue({ produce: () => ({ kept: [1, undefined, role.arn], dropped: undefined }) }) }],
  ['a key that is a token', { [role.name]: 'value' }],
  ['a map token', { tags: Token.asStringMap(Lazy.anyValue({ produce: () => ({ team: 'oracle', unset: undefined }) })) }],
  ['a list token as a scalar (an error)', { text: Token.asList(role.arn)[0] }],
  ['text shaped like a number token', { exponent: '1e+308', version: '2.0e1', prose: 'the e-mail' }],
  ['Terraform interpolation written as text', { expression: '${aws_iam_role.other.arn}', escaped: '$${literal}' }],
  ['numbers next to the token range', { small: -1e300, negative: -123456788, nan: Number.NaN, infinite: -Infinity }],
  ['a function (an error)', { handler: () => 1 }],
  ['a construct (an error)', { construct: role }],
  ['a map token value (an error)', { text: Token.STRING_MAP_TOKEN_VALUE }],
  ['the number map token value (an error)', { count: Token.NUMBER_MAP_TOKEN_VALUE }],
  ['a structure deeper than cdktf allows (an error)', nested(205, 'leaf')],
  ['plain data at the deepest level cdktf allows', nested(200, 'leaf')],
];

describe('resolveSkippingPlainValues', () => {
  test.each(CASES)('resolves %s exactly as cdktf does', (_name, value) => {
    const expected = resolveWith(cdktfResolve, value);
    // Strict: a key holding `undefined` is not the same output as a key left out.
    expect(resolveWith(resolveSkippingPlainValues(cdktfResolve), value)).toStrictEqual(expected);
  });

  test('the cases marked as errors are errors in cdktf, and only those (the comparison is of like with like)', () => {
    const outcomes = CASES.map(([name, value]) => [name, resolveWith(cdktfResolve, value).error === undefined ? 'resolved' : 'error']);
    expect(outcomes.filter(([, outcome]) => outcome === 'error').map(([name]) => name)).toEqual(CASES.map(([name]) => name).filter((name) => name.endsWith('(an error)')));
  });

  test('hands cdktf nothing for plain data', () => {
    const { resolve, handed } = recordingResolve();
    const value = { groups: [{ name: 'feeds', rules: [{ alert: 'PythPriceFeedStale', expr: 'max(x) > 120', for: undefined }] }], replicas: 2 };
    expect(resolveWith(resolve, value).value).toEqual({ groups: [{ name: 'feeds', rules: [{ alert: 'PythPriceFeedStale', expr: 'max(x) > 120' }] }], replicas: 2 });
    expect(handed).toEqual([]);
  });

  test('hands cdktf each value that holds a token, with the path cdktf would have given it', () => {
    const { resolve, handed } = recordingResolve();
    const arn = role.arn; // each read of the attribute is a new token
    const arns = Token.asList(arn);
    resolveWith(resolve, { spec: { containers: [{ name: 'observer', env: arn }], plain: 'x' }, arns });
    expect(handed).toEqual([
      { value: arn, prefix: ['spec', 'containers', '0', 'env'] },
      { value: arns, prefix: ['arns'] },
    ]);
  });

  test("finds a possible number token in exactly the text cdktf's regular expression does", () => {
    const strings = new Set<string>(['1e5', '-1.8e+308', '.e-', '|e|', 'e1', '1e', 'the e-mail', '1.0.0-beta', 'x9eE', 'a.ee', '+e+', '1E5', 'ee', '']);
    const collect = (value: unknown): void => {
      if (typeof value === 'string') {
        strings.add(value);
        for (let start = 0; start < value.length; start += 97) strings.add(value.slice(start, start + 120));
      } else if (value && typeof value === 'object') Object.entries(value).forEach(([key, entry]) => (strings.add(key), collect(entry)));
    };
    Object.values(synthesizedStacks()).forEach(collect);
    const differing = [...strings].filter((text) => mayHoldNumberToken(text) !== cdktfNumberTest(text));
    expect(differing).toEqual([]);
    expect([...strings].filter(cdktfNumberTest).length).toBeGreaterThan(10);
  });
});
