// Terraform reads every string of the synthesized JSON as a template. A `${...}` that is not a reference or a
// function call cdktf wrote, or any `%{...}` directive, fails the plan or changes the text on its way to the cluster
// (a Grafana dashboard's `${datasource}` did, in every monitors stack). Asserted over every synthesized stack.
import { runInNewContext } from 'vm';
import { AwsProvider, S3Bucket } from '../../constructs/core/aws';
import { KubernetesManifest } from '../../constructs/core/kubernetes';
import { terraformLiteral, terraformLiteralText } from '../../constructs/core/terraform-literal';
import { synthConstruct, synthesizedStacks } from '../support/synth';

/** What cdktf writes inside `${...}`: a reference (`aws_kms_key.eks.arn`, `data.x.y.z`) or a function call. */
const CDKTF_EXPRESSION = /^([a-z][a-z0-9_]*\.[A-Za-z0-9_.\-[\]"*]+|[a-z][a-z0-9_]*\(.*\))$/s;

/** Every unescaped template sequence of `text` with the expression inside it (to the matching brace). */
function templateSequences(text: string): Array<{ sequence: string; expression: string }> {
  const found: Array<{ sequence: string; expression: string }> = [];
  for (let index = 0; index < text.length - 1; index++) {
    const pair = text.slice(index, index + 2);
    if (pair !== '${' && pair !== '%{') continue;
    if (index > 0 && text[index - 1] === pair[0]) continue; // `$${` / `%%{`: escaped, Terraform writes it as is
    let depth = 1;
    let end = index + 2;
    for (; end < text.length && depth > 0; end++) depth += text[end] === '{' ? 1 : text[end] === '}' ? -1 : 0;
    found.push({ sequence: pair, expression: text.slice(index + 2, end - 1) });
  }
  return found;
}

function stringsOf(value: unknown, at: string, out: Array<{ at: string; text: string }>): Array<{ at: string; text: string }> {
  if (typeof value === 'string') out.push({ at, text: value });
  else if (Array.isArray(value)) value.forEach((item, index) => stringsOf(item, `${at}[${index}]`, out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) stringsOf(item, `${at}.${key}`, out);
  return out;
}

function templateProblems(tf: unknown): string[] {
  return stringsOf(tf, '', []).flatMap(({ at, text }) =>
    templateSequences(text)
      .filter(({ sequence, expression }) => sequence === '%{' || !CDKTF_EXPRESSION.test(expression))
      .map(({ sequence, expression }) => `${at}: ${sequence}${expression}}`),
  );
}

describe.each(Object.entries(synthesizedStacks()))('%s', (_stack, tf) => {
  test('every template sequence in a string is a reference or function call cdktf wrote; literal text is escaped', () => {
    expect(templateProblems(tf)).toEqual([]);
  });
});

describe('escaping literal text for Terraform', () => {
  test('doubles ${ and %{, keeps what is already escaped and cdktf tokens', () => {
    expect(terraformLiteralText('"uid": "${datasource}" %{ if x } $${kept} %%{kept} ${TfToken[TOKEN.7]}')).toBe(
      '"uid": "$${datasource}" %%{ if x } $${kept} %%{kept} ${TfToken[TOKEN.7]}',
    );
  });

  test('a manifest is copied deeply with every string escaped, keys and other values kept, the input untouched', () => {
    const input = JSON.parse('{"data":{"${key}":"${value}","list":["%{ if x }",1,true,null]},"__proto__":{"polluted":"${x}"}}');
    const copy = terraformLiteral(input);
    expect(copy).toEqual(JSON.parse('{"data":{"${key}":"$${value}","list":["%%{ if x }",1,true,null]},"__proto__":{"polluted":"$${x}"}}'));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['data', '__proto__']);
    expect(input.data['${key}']).toBe('${value}');
    expect(copy.data).not.toBe(input.data);
  });

  test('an object literal of another realm (jest, vm: parsed from JSON there) is copied and escaped too', () => {
    const input = runInNewContext('({ data: { "d.json": "${datasource}" } })') as { data: Record<string, string> };
    expect(terraformLiteral(input)).toEqual({ data: { 'd.json': '$${datasource}' } });
  });

  test('a manifest keeps its references and reaches Terraform with its literal text escaped', () => {
    const tf = synthConstruct((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const bucket = new S3Bucket(stack, 'bucket', { bucket: 'dashboards' });
      new KubernetesManifest(stack, 'dashboard', {
        manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'd' }, data: { 'd.json': '{"uid":"${datasource}"}', bucket: bucket.arn } },
      });
    });
    const { data } = Object.values<any>(tf.resource!.kubernetes_manifest)[0].manifest;
    expect(data).toEqual({ 'd.json': '{"uid":"$${datasource}"}', bucket: '${aws_s3_bucket.bucket.arn}' });
    expect(templateProblems(tf)).toEqual([]);
  });

  test('the check finds an unescaped dashboard variable and a directive', () => {
    expect(templateProblems({ resource: { x: { y: { text: '"${datasource}" %{ if a }' } } } })).toEqual(['.resource.x.y.text: ${datasource}', '.resource.x.y.text: %{ if a }']);
  });
});
