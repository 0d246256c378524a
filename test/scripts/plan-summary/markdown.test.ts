import { inlineCode, singleLine } from '../../../scripts/plan-summary/markdown';

describe('inlineCode', () => {
  test('wraps a plain address in single backticks', () => {
    expect(inlineCode('aws_vpc.network_vpc_4E8F0223')).toBe('`aws_vpc.network_vpc_4E8F0223`');
  });

  test('uses a longer fence than any run of backticks inside', () => {
    expect(inlineCode('terraform_data.g["a``b"]')).toBe('```terraform_data.g["a``b"]```');
  });

  test('pads content that starts or ends with a backtick so it does not join the fence', () => {
    expect(inlineCode('`x')).toBe('`` `x ``');
  });

  test('keeps a line break in a for_each key from breaking the line', () => {
    expect(inlineCode('terraform_data.g["a\nb"]')).toBe('`terraform_data.g["a\\nb"]`');
  });
});

describe('singleLine', () => {
  test('escapes control characters visibly', () => {
    expect(singleLine('a\r\n\tb')).toBe('a\\r\\n\\tb');
  });
});
