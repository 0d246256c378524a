import { ContextValue, EvaluatedPolicy, Principal, parsePolicy as parsePolicyJson } from './iam-policy-evaluator';
import { Resource, TerraformJson, resources, synthesizedStacks } from './synth';

/**
 * The CI roles and bounded workload roles as the synthesized JSON defines them, ready for the policy evaluator.
 * References to other resources (`${aws_kms_key.<name>.arn}`) become concrete ARNs built from the stack's provider
 * (region and account), so policies and requests name the same resources.
 */
export interface StackContext {
  readonly stack: string;
  readonly tf: TerraformJson;
  readonly region: string;
  readonly accountId: string;
  /** The stack's default tags (provider default_tags): what AWS would see as aws:ResourceTag/... on its resources. */
  readonly tags: Readonly<Record<string, string>>;
}

export function stackContext(stack: string): StackContext {
  const tf = synthesizedStacks()[stack];
  if (!tf) throw new Error(`no synthesized stack ${stack}`);
  const provider = tf.provider?.aws?.[0] as { region: string; allowed_account_ids: string[]; default_tags: Array<{ tags: Record<string, string> }> };
  return { stack, tf, region: provider.region, accountId: provider.allowed_account_ids[0], tags: provider.default_tags[0].tags };
}

/** The ARN AWS would give a KMS key of the stack (its Terraform name stands in for the key id). */
export function keyArn(context: StackContext, key: Resource): string {
  return `arn:aws:kms:${context.region}:${context.accountId}:key/${context.stack}-${key.name}`;
}

export function resolveReferences(context: StackContext, text: string): string {
  return text.replace(/\$\{aws_kms_key\.([A-Za-z0-9_-]+)\.arn\}/g, (_, name: string) => keyArn(context, { type: 'aws_kms_key', name, address: '', config: {} }));
}

export function policyOf(context: StackContext, resource: Resource, field: string): EvaluatedPolicy {
  return parsePolicyJson(resolveReferences(context, String(resource.config[field])), `${context.stack} ${resource.address}.${field}`);
}

export function roleNamed(context: StackContext, name: string): Resource {
  const role = resources(context.tf, 'aws_iam_role').find((r) => r.config.name === name);
  if (!role) throw new Error(`${context.stack} has no role ${name}`);
  return role;
}

/** Identity policies (inline; managed attachments are refused, there should be none on CI roles) and boundary. */
export function principalOf(context: StackContext, roleName: string, boundaries: readonly StackContext[] = []): Principal {
  const role = roleNamed(context, roleName);
  const roleRef = `\${${role.address}.name}`;
  const identityPolicies = resources(context.tf, 'aws_iam_role_policy').filter((p) => p.config.role === roleRef).map((p) => policyOf(context, p, 'policy'));
  const boundaryArn = role.config.permissions_boundary as string | undefined;
  if (boundaryArn === undefined) return { identityPolicies };
  const boundaryName = boundaryArn.split('/').pop();
  for (const candidate of boundaries) {
    const policy = resources(candidate.tf, 'aws_iam_policy').find((p) => p.config.name === boundaryName);
    if (policy) return { identityPolicies, boundary: policyOf(candidate, policy, 'policy') };
  }
  throw new Error(`${context.stack} role ${roleName}: boundary ${boundaryArn} is not defined in ${boundaries.map((b) => b.stack).join(', ') || 'any given stack'}`);
}

/** Request context of a resource that carries the stack's default tags. */
export function resourceTagContext(tags: Readonly<Record<string, string>>): Record<string, ContextValue> {
  return Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:ResourceTag/${key}`, value]));
}
