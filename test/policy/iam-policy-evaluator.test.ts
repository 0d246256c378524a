import { evaluate, EvaluatedPolicy, EvaluatedStatement } from '../support/iam-policy-evaluator';

const policy = (...Statement: EvaluatedStatement[]): EvaluatedPolicy => ({ Version: '2012-10-17', Statement });
const one = (statement: EvaluatedStatement) => ({ identityPolicies: [policy(statement)] });
const BUCKET = 'arn:aws:s3:::state';

describe('the IAM policy evaluator', () => {
  test('allows a listed action on a listed resource and nothing else', () => {
    const principal = one({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/dev/*` });
    expect(evaluate(principal, { action: 's3:GetObject', resource: `${BUCKET}/dev/a` })).toBe('allowed');
    expect(evaluate(principal, { action: 's3:PutObject', resource: `${BUCKET}/dev/a` })).toBe('implicitly denied');
    expect(evaluate(principal, { action: 's3:GetObject', resource: `${BUCKET}/prod/a` })).toBe('implicitly denied');
  });

  test('matches actions case-insensitively with * and ?, resources case-sensitively', () => {
    const principal = one({ Effect: 'Allow', Action: 'EC2:Describe*', Resource: 'arn:aws:ec2:*:1:vpc/vpc-?' });
    expect(evaluate(principal, { action: 'ec2:describevpcs', resource: 'arn:aws:ec2:eu-west-1:1:vpc/vpc-a' })).toBe('allowed');
    expect(evaluate(principal, { action: 'ec2:DeleteVpc', resource: 'arn:aws:ec2:eu-west-1:1:vpc/vpc-a' })).toBe('implicitly denied');
    expect(evaluate(principal, { action: 'ec2:DescribeVpcs', resource: 'arn:aws:ec2:eu-west-1:1:vpc/vpc-ab' })).toBe('implicitly denied');
    expect(evaluate(principal, { action: 'ec2:DescribeVpcs', resource: 'arn:aws:ec2:eu-west-1:1:VPC/vpc-a' })).toBe('implicitly denied');
  });

  test('an explicit Deny wins over any Allow', () => {
    const principal = {
      identityPolicies: [
        policy({ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*' }),
        policy({ Effect: 'Deny', Action: 'iam:*', Resource: 'arn:aws:iam::1:role/self' }),
      ],
    };
    expect(evaluate(principal, { action: 'iam:AttachRolePolicy', resource: 'arn:aws:iam::1:role/self' })).toBe('explicitly denied');
    expect(evaluate(principal, { action: 'iam:AttachRolePolicy', resource: 'arn:aws:iam::1:role/other' })).toBe('allowed');
  });

  test('NotAction and NotResource match everything outside their lists', () => {
    const principal = one({ Effect: 'Allow', NotAction: ['iam:*'], NotResource: [`${BUCKET}/secret`] });
    expect(evaluate(principal, { action: 's3:GetObject', resource: `${BUCKET}/open` })).toBe('allowed');
    expect(evaluate(principal, { action: 'iam:CreateRole', resource: 'arn:aws:iam::1:role/x' })).toBe('implicitly denied');
    expect(evaluate(principal, { action: 's3:GetObject', resource: `${BUCKET}/secret` })).toBe('implicitly denied');
  });

  test('a permissions boundary caps the identity policies (effective = identity ∩ boundary)', () => {
    const identity = policy({ Effect: 'Allow', Action: ['iam:CreateRole', 's3:GetObject'], Resource: '*' });
    const boundary = policy({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' });
    const principal = { identityPolicies: [identity], boundary };
    expect(evaluate(principal, { action: 's3:GetObject', resource: `${BUCKET}/a` })).toBe('allowed');
    expect(evaluate(principal, { action: 'iam:CreateRole', resource: 'arn:aws:iam::1:role/x' })).toBe('implicitly denied');
    // The boundary alone grants nothing.
    expect(evaluate({ identityPolicies: [], boundary }, { action: 's3:GetObject', resource: `${BUCKET}/a` })).toBe('implicitly denied');
  });

  describe('conditions', () => {
    const withCondition = (Condition: EvaluatedStatement['Condition']) => one({ Effect: 'Allow', Action: 'ec2:DeleteVpc', Resource: '*', Condition });
    const request = (context?: Record<string, string | string[]>) => ({ action: 'ec2:DeleteVpc', resource: 'arn:aws:ec2:r:1:vpc/v', context });

    test('StringEquals needs the key with one of the values; key names are case-insensitive', () => {
      const principal = withCondition({ StringEquals: { 'aws:ResourceTag/environment': ['dev', 'test'] } });
      expect(evaluate(principal, request({ 'aws:resourcetag/environment': 'test' }))).toBe('allowed');
      expect(evaluate(principal, request({ 'aws:ResourceTag/environment': 'prod' }))).toBe('implicitly denied');
      expect(evaluate(principal, request())).toBe('implicitly denied');
    });

    test('StringNotEquals is satisfied by a missing key, StringEqualsIfExists too', () => {
      expect(evaluate(withCondition({ StringNotEquals: { 'aws:ResourceTag/environment': 'prod' } }), request())).toBe('allowed');
      expect(evaluate(withCondition({ StringNotEquals: { 'aws:ResourceTag/environment': 'prod' } }), request({ 'aws:ResourceTag/environment': 'prod' }))).toBe('implicitly denied');
      expect(evaluate(withCondition({ StringEqualsIfExists: { 'aws:ResourceTag/environment': 'dev' } }), request())).toBe('allowed');
      expect(evaluate(withCondition({ StringEqualsIfExists: { 'aws:ResourceTag/environment': 'dev' } }), request({ 'aws:ResourceTag/environment': 'prod' }))).toBe('implicitly denied');
    });

    test('StringLike, StringNotLike, ArnLike and ArnEquals', () => {
      expect(evaluate(withCondition({ StringLike: { 'k': 'feedops/dev-*' } }), request({ k: 'feedops/dev-cluster/x' }))).toBe('allowed');
      expect(evaluate(withCondition({ StringLike: { 'k': 'feedops/dev-*' } }), request({ k: 'feedops/prod-cluster/x' }))).toBe('implicitly denied');
      expect(evaluate(withCondition({ StringNotLike: { 'k': 'feedops/dev-*' } }), request({ k: 'feedops/prod-cluster/x' }))).toBe('allowed');
      expect(evaluate(withCondition({ ArnLike: { 'iam:PermissionsBoundary': 'arn:aws:iam::1:policy/b-*' } }), request({ 'iam:PermissionsBoundary': 'arn:aws:iam::1:policy/b-dev' }))).toBe('allowed');
      expect(evaluate(withCondition({ ArnEquals: { 'iam:PermissionsBoundary': 'arn:aws:iam::1:policy/b' } }), request({ 'iam:PermissionsBoundary': 'arn:aws:iam::1:policy/c' }))).toBe('implicitly denied');
      expect(evaluate(withCondition({ ArnNotLike: { 'k': 'arn:aws:iam::1:*' } }), request({ k: 'arn:aws:iam::2:role/x' }))).toBe('allowed');
    });

    test('Null tests presence; Bool compares true/false', () => {
      expect(evaluate(withCondition({ Null: { 'iam:PermissionsBoundary': 'true' } }), request())).toBe('allowed');
      expect(evaluate(withCondition({ Null: { 'iam:PermissionsBoundary': 'true' } }), request({ 'iam:PermissionsBoundary': 'x' }))).toBe('implicitly denied');
      expect(evaluate(withCondition({ Null: { 'iam:PermissionsBoundary': 'false' } }), request({ 'iam:PermissionsBoundary': 'x' }))).toBe('allowed');
      expect(evaluate(withCondition({ Bool: { 'aws:SecureTransport': 'false' } }), request({ 'aws:SecureTransport': 'false' }))).toBe('allowed');
      expect(evaluate(withCondition({ Bool: { 'aws:SecureTransport': 'false' } }), request({ 'aws:SecureTransport': 'true' }))).toBe('implicitly denied');
    });

    test('ForAnyValue needs one matching member (and the key); ForAllValues needs every member (or no key)', () => {
      const any = withCondition({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } });
      expect(evaluate(any, request({ 'aws:TagKeys': ['team', 'environment'] }))).toBe('allowed');
      expect(evaluate(any, request({ 'aws:TagKeys': ['team'] }))).toBe('implicitly denied');
      expect(evaluate(any, request())).toBe('implicitly denied');
      const all = withCondition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'name'] } });
      expect(evaluate(all, request({ 'aws:TagKeys': ['team'] }))).toBe('allowed');
      expect(evaluate(all, request({ 'aws:TagKeys': ['team', 'environment'] }))).toBe('implicitly denied');
      expect(evaluate(all, request())).toBe('allowed');
    });

    test('every operator and every key must hold', () => {
      const principal = withCondition({ StringEquals: { a: '1', b: '2' }, Null: { c: 'true' } });
      expect(evaluate(principal, request({ a: '1', b: '2' }))).toBe('allowed');
      expect(evaluate(principal, request({ a: '1', b: '3' }))).toBe('implicitly denied');
      expect(evaluate(principal, request({ a: '1', b: '2', c: 'x' }))).toBe('implicitly denied');
    });

    test('fails on an operator it does not implement, and on a multi-valued key without a set operator', () => {
      expect(() => evaluate(withCondition({ NumericLessThan: { a: '1' } }), request({ a: '0' }))).toThrow(/NumericLessThan is not supported/);
      expect(() => evaluate(withCondition({ StringEquals: { a: '1' } }), request({ a: ['1', '2'] }))).toThrow(/multi-valued key/);
    });
  });
});
