import { invalid } from './validation-error';
/**
 * IAM policy documents as typed data, always serialized with JSON.stringify so tests can parse them back.
 * Wildcard actions (`*`, `service:*`) are rejected at construction: feedops grants named actions only.
 */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  /** Exactly one of Action and NotAction. */
  readonly Action?: string | readonly string[];
  /** Only in Deny statements and permissions boundaries (a ceiling, never a grant on its own). */
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Principal?: Readonly<Record<string, string | readonly string[]>> ;
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export function policyDocument(statements: readonly PolicyStatement[]): string {
  for (const statement of statements) {
    if ((statement.Action === undefined) === (statement.NotAction === undefined)) {
      throw new Error(`IAM statement ${statement.Sid ?? '(no Sid)'}: needs exactly one of Action and NotAction`);
    }
    const actions = statement.Action === undefined ? [] : typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
    const wildcard = actions.find((action) => action === '*' || /^[a-z0-9-]+:\*$/i.test(action));
    if (statement.Effect === 'Allow' && wildcard) {
      invalid(`IAM statement ${statement.Sid ?? JSON.stringify(actions)}`, 'Action', `"${wildcard}" grants every action (allowed: named actions such as "s3:GetObject")`);
    }
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Trust policy letting an AWS service assume a role, optionally tied to one source account (confused deputy). */
export function serviceTrustPolicy(service: string, options: { actions?: readonly string[]; sourceAccount?: string } = {}): string {
  return policyDocument([
    {
      Sid: 'AllowServiceToAssume',
      Effect: 'Allow',
      Principal: { Service: service },
      Action: options.actions ?? ['sts:AssumeRole'],
      ...(options.sourceAccount ? { Condition: { StringEquals: { 'aws:SourceAccount': options.sourceAccount } } } : {}),
    },
  ]);
}

/** ARN of an AWS managed policy. */
export function awsManagedPolicyArn(name: string, partition = 'aws'): string {
  return `arn:${partition}:iam::aws:policy/${name}`;
}
