// Issue 17, point 2: the inventory of account- and region-wide names that validation keeps unique across
// environments (stacks/naming.ts environmentResourceNames) is exactly what the stacks synthesize.
import { delivery, ENVIRONMENTS, validateEnvironments } from '../../environments';
import { ENVIRONMENT_LAYERS, environmentNamePrefixes, environmentResourceNames, stackName, type EnvironmentResourceName } from '../../stacks/naming';
import { resources, synthesizedStacks, type TerraformJson } from '../support/synth';

const { environments } = validateEnvironments(ENVIRONMENTS, delivery);

/** Resource types whose `name` AWS keeps unique per account or per account and region. */
const NAMED_TYPES: Record<string, EnvironmentResourceName['kind']> = {
  aws_iam_role: 'IAM role',
  aws_iam_policy: 'IAM policy',
  aws_kms_alias: 'KMS alias',
  aws_cloudwatch_log_group: 'log group',
  aws_eks_cluster: 'EKS cluster',
  aws_codebuild_project: 'CodeBuild project',
};

function namesIn(stack: TerraformJson): string[] {
  const named = Object.entries(NAMED_TYPES).flatMap(([type, kind]) => resources(stack, type).map((resource) => `${kind} ${resource.config.name}`));
  const key = stack.terraform.backend?.s3?.key;
  return key === undefined ? named : [...named, `state key ${key}`];
}

describe.each(environments.map((env) => [env.name, env] as const))('%s', (name, env) => {
  const stacks = synthesizedStacks();
  const inventory = environmentResourceNames(name, env.cluster.name).map((entry) => `${entry.kind} ${entry.name}`).sort();
  const bootstrapNames = Object.entries(stacks)
    .filter(([stack]) => stack.startsWith('bootstrap'))
    .flatMap(([, stack]) => namesIn(stack).filter((entry) => entry.includes(`feedops-${name}-`)));
  const synthesized = [...ENVIRONMENT_LAYERS.flatMap((layer) => namesIn(stacks[stackName(name, layer)])), ...bootstrapNames].sort();

  test('the inventory lists exactly the account- and region-wide names its stacks create', () => {
    expect(synthesized.length).toBeGreaterThan(10);
    expect(inventory).toEqual(synthesized);
  });

  test('every name its stacks create, except the CI roles bootstrap owns, falls under its apply role\'s prefixes', () => {
    const prefixes = environmentNamePrefixes(name, env.cluster.name);
    const bootstrapOwned = new Set(bootstrapNames);
    const outside = environmentResourceNames(name, env.cluster.name)
      .filter((entry) => !bootstrapOwned.has(`${entry.kind} ${entry.name}`) && entry.kind !== 'EKS cluster')
      .filter((entry) => !prefixes.some((prefix) => prefix.kind === entry.kind && entry.name.startsWith(prefix.name)));
    expect(outside).toEqual([]);
  });
});
