import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import { ManagedNodeGroup } from '../../constructs/cluster/node-group';
import {
  AwsEksCluster, AwsProvider, IamPolicy, IamRole, IamRolePolicyAttachment, KmsKey, LaunchTemplate, S3Bucket, SecurityGroup, VpcSecurityGroupIngressRule,
} from '../../constructs/core/aws';
import { Aspects, Testing, TerraformStack, type App } from '../../constructs/core/cdktf';
import { ValidationError } from '../../constructs/core/validation-error';
import { StateBucket } from '../../constructs/delivery/state-bucket';
import { FeedopsGuardrails, Guardrails } from '../../constructs/guardrails/guardrails';
import { GUARDRAIL_RULES, type GuardrailRuleId } from '../../constructs/guardrails/guardrail-rules';
import { KubernetesObjects } from '../../constructs/kubernetes/kubernetes-objects';
import { RESTRICTED_CONTAINER_SECURITY_CONTEXT, restrictedPodSecurityContext } from '../../constructs/kubernetes/pod-security';
import { KubernetesProvider } from '../../constructs/core/kubernetes';
import { buildApp } from '../../stacks/app';
import { ENVIRONMENTS } from '../../environments';
import { PYTH_PRICE_IDS } from '../../environments/shared';

// Assembled at run time so the repository itself never holds a secret-shaped literal.
const PLANTED_SLACK_WEBHOOK = `https://${['hooks', 'slack', 'com'].join('.')}/services/T000/B000/XXXX`;

/** Synthesizes `build` in a stack with the guardrails on; the synth error message, or '' when synth passed. */
function synthError(build: (stack: Construct) => void): string {
  const app = Testing.app();
  const stack = new TerraformStack(app as App, 'team');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new KubernetesProvider(stack, 'kubernetes', { configPath: '/dev/null' });
  Guardrails.of(stack);
  build(stack);
  try {
    app.synth();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

const deployment = (container: Record<string, unknown>, pod: Record<string, unknown> = restrictedPodSecurityContext(10001) as Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'payments-api', namespace: 'payments' },
  spec: { selector: { matchLabels: { app: 'payments-api' } }, template: { metadata: { labels: { app: 'payments-api' } }, spec: { securityContext: pod, containers: [container] } } },
});
const SAFE_CONTAINER = { name: 'api', image: 'ghcr.io/example/payments-api:1.4.2', securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT };
const wildcardPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: 's3:*', Resource: '*' }] });

const BROKEN: ReadonlyArray<readonly [GuardrailRuleId, string, (stack: Construct) => void]> = [
  ['EKS_PUBLIC_ENDPOINT', 'aws_eks_cluster.', (stack) => new AwsEksCluster(stack, 'eks', { name: 'team', roleArn: 'arn:aws:iam::1:role/eks', vpcConfig: { subnetIds: ['subnet-a'], endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] } })],
  ['EKS_PRIVATE_ENDPOINT', 'aws_eks_cluster.', (stack) => new AwsEksCluster(stack, 'eks', { name: 'team', roleArn: 'arn:aws:iam::1:role/eks', vpcConfig: { subnetIds: ['subnet-a'], endpointPublicAccess: false } })],
  ['IMDS_TOKENS_REQUIRED', 'aws_launch_template.', (stack) => new LaunchTemplate(stack, 'nodes', { metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 1 } })],
  ['IMDS_HOP_LIMIT', 'aws_launch_template.', (stack) => new LaunchTemplate(stack, 'nodes', { metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2 } })],
  ['KMS_KEY_ROTATION', 'aws_kms_key.', (stack) => new KmsKey(stack, 'key', { description: 'team key' })],
  ['KMS_DELETION_WINDOW', 'aws_kms_key.', (stack) => new KmsKey(stack, 'key', { enableKeyRotation: true, deletionWindowInDays: 5 })],
  ['S3_ENCRYPTION', 'aws_s3_bucket.', (stack) => new S3Bucket(stack, 'bucket', { bucket: 'team-bucket' })],
  ['S3_PUBLIC_ACCESS_BLOCK', 'aws_s3_bucket.', (stack) => new S3Bucket(stack, 'bucket', { bucket: 'team-bucket' })],
  ['IAM_WILDCARD_ACTION', 'aws_iam_policy.', (stack) => new IamPolicy(stack, 'policy', { name: 'team', policy: wildcardPolicy })],
  ['IAM_PASSROLE_ANY_RESOURCE', 'aws_iam_policy.', (stack) => new IamPolicy(stack, 'policy', { name: 'team', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:PassRole'], Resource: '*' }] }) })],
  ['IAM_ANY_PRINCIPAL', 'aws_iam_role.', (stack) => new IamRole(stack, 'role', { name: 'team', assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '*' } }] }) })],
  ['IAM_ADMIN_POLICY', 'aws_iam_role_policy_attachment.', (stack) => new IamRolePolicyAttachment(stack, 'admin', { role: 'team', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })],
  ['SECURITY_GROUP_OPEN_INGRESS', 'aws_security_group.', (stack) => new SecurityGroup(stack, 'sg', { description: 'team', ingress: [{ description: 'https', fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] }] })],
  ['SECURITY_GROUP_OPEN_INGRESS', 'aws_vpc_security_group_ingress_rule.', (stack) => new VpcSecurityGroupIngressRule(stack, 'rule', { securityGroupId: 'sg-1', description: 'https', ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv6: '::/0' })],
  ['POD_SECURITY_RESTRICTED', 'kubernetes_manifest.', (stack) => new KubernetesObjects(stack, 'app', { manifests: [deployment({ ...SAFE_CONTAINER, securityContext: { privileged: true } })] })],
  ['POD_SECURITY_RESTRICTED', 'kubernetes_manifest.', (stack) => new KubernetesObjects(stack, 'app', { manifests: [deployment(SAFE_CONTAINER, { runAsNonRoot: false })] })],
  ['IMAGE_TAG_PINNED', 'kubernetes_manifest.', (stack) => new KubernetesObjects(stack, 'app', { manifests: [deployment({ ...SAFE_CONTAINER, image: 'ghcr.io/example/payments-api:latest' })] })],
  ['IMAGE_TAG_PINNED', 'kubernetes_manifest.', (stack) => new KubernetesObjects(stack, 'app', { manifests: [deployment({ ...SAFE_CONTAINER, image: 'ghcr.io/example/payments-api' })] })],
  ['SECRET_IN_OUTPUT', 'kubernetes_manifest.', (stack) => new KubernetesObjects(stack, 'cm', { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hook' }, data: { url: PLANTED_SLACK_WEBHOOK } }] })],
];

describe.each(BROKEN.map(([rule, address, build], index) => [`${rule} #${index}`, rule, address, build] as const))('%s', (_name, rule, address, build) => {
  test('fails synth naming the rule, the resource address, the construct path and the fix', () => {
    const message = synthError(build);
    const line = message.split('\n').find((text) => text.includes(`guardrail ${rule} `));
    expect(line).toBeDefined();
    expect(line).toContain(`broken by ${address}`);
    expect(line).toMatch(/\(construct team\/[^)]+\)/);
    expect(line).toContain('Fix: ');
  });

  test('is waived for that resource with a reason, and only that rule', () => {
    const message = synthError((stack) => {
      build(stack);
      for (const child of stack.node.children) Guardrails.waive(child, rule, 'accepted by the payments team in review PAY-123');
    });
    expect(message).not.toContain(`guardrail ${rule} `);
  });
});

test('every rule is exercised by a broken case', () => {
  expect(new Set(BROKEN.map(([rule]) => rule))).toEqual(new Set(Object.keys(GUARDRAIL_RULES)));
});

test('well-built resources pass, and every offender of a stack is named at once', () => {
  expect(
    synthError((stack) => {
      new StateBucket(stack, 'state', { bucketName: 'team-state', accountId: '111122223333', keyAlias: 'team-state' });
      new KubernetesObjects(stack, 'app', { manifests: [deployment(SAFE_CONTAINER)] });
      new KmsKey(stack, 'key', { enableKeyRotation: true, deletionWindowInDays: 30 });
    }),
  ).toBe('');
  const message = synthError((stack) => {
    new KmsKey(stack, 'key-a', { enableKeyRotation: false });
    new KmsKey(stack, 'key-b', { enableKeyRotation: false });
  });
  expect(message.match(/guardrail KMS_KEY_ROTATION broken by aws_kms_key\./g)).toHaveLength(2);
  expect(message).toContain('(construct team/key-a)');
  expect(message).toContain('(construct team/key-b)');
});

test('an IMDS hop limit of 2 through ManagedNodeGroup fails synth naming the launch template and IMDS_HOP_LIMIT', () => {
  const message = synthError(
    (stack) =>
      new ManagedNodeGroup(stack, 'nodes', {
        clusterName: 'team', nodeGroupName: 'team-system', nodeRoleArn: 'arn:aws:iam::1:role/nodes', subnetIds: ['subnet-a'],
        instanceTypes: ['m7i.large'], minSize: 1, maxSize: 2, imdsHopLimit: 2,
      }),
  );
  expect(message).toMatch(/guardrail IMDS_HOP_LIMIT broken by aws_launch_template\.\S+ \(construct team\/nodes\/launch-template\): metadata_options\.http_put_response_hop_limit is 2/);
});

test('a waiver on a parent covers its resources; a waiver on a sibling does not', () => {
  const build = (waiveOn: 'parent' | 'sibling') => (stack: Construct) => {
    const team = new Construct(stack, 'team-keys');
    new KmsKey(team, 'key', { enableKeyRotation: false });
    const other = new Construct(stack, 'other');
    Guardrails.waive(waiveOn === 'parent' ? team : other, 'KMS_KEY_ROTATION', 'imported key, rotated by the owning account');
  };
  expect(synthError(build('parent'))).toBe('');
  expect(synthError(build('sibling'))).toContain('guardrail KMS_KEY_ROTATION broken by aws_kms_key.');
});

test('a waiver needs a known rule and a reason', () => {
  const stack = new TerraformStack(Testing.app() as App, 'team');
  expect(() => Guardrails.waive(stack, 'NO_SUCH_RULE' as GuardrailRuleId, 'some long enough reason')).toThrow(/"NO_SUCH_RULE" is not a guardrail rule \(allowed: EKS_PUBLIC_ENDPOINT/);
  expect(() => Guardrails.waive(stack, 'IMDS_HOP_LIMIT', ' ')).toThrow(ValidationError);
  Guardrails.waive(stack, 'IMDS_HOP_LIMIT', 'the node-local DNS cache needs IMDS');
  expect(Guardrails.waiversOf(stack).get('IMDS_HOP_LIMIT')).toBe('the node-local DNS cache needs IMDS');
});

test('the aspect guards the stack of the construct it is added to, once however often it is added', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app as App, 'team');
  const keys = new Construct(stack, 'keys');
  new KmsKey(keys, 'key', { enableKeyRotation: false });
  Aspects.of(keys).add(new FeedopsGuardrails());
  Guardrails.of(stack);
  Guardrails.of(stack);
  expect(() => app.synth()).toThrow(/guardrail KMS_KEY_ROTATION broken by aws_kms_key\.\S+ \(construct team\/keys\/key\)/);
  let message = '';
  try {
    app.synth();
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message.match(/guardrail KMS_KEY_ROTATION/g)).toHaveLength(1);
});

test('Guardrails.of refuses an App, whose aspects cdktf never runs', () => {
  expect(() => Guardrails.of(Testing.app())).toThrow(/is not a TerraformStack \(allowed: a stack/);
});

test("feedops' own stacks have the guardrails on: a violation added to one of them fails synth", () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-guardrails-'));
  try {
    // dev alone: the stack the violation goes into (the other environments' stacks are built the same way).
    const { app } = buildApp({ outdir, environments: { dev: ENVIRONMENTS.dev } });
    const stacks = app.node.findAll().filter(TerraformStack.isStack);
    const cluster = stacks.find((stack) => stack.node.id === 'dev-cluster');
    expect(cluster).toBeDefined();
    new LaunchTemplate(cluster!, 'extra-nodes', { metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2 } });
    expect(() => app.synth()).toThrow(/guardrail IMDS_HOP_LIMIT broken by aws_launch_template\.extra-nodes \(construct dev-cluster\/extra-nodes\)/);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});

describe('public identifiers shaped like raw keys (Pyth price ids)', () => {
  const priceId = 'e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43';
  const otherHex = 'd'.repeat(64);
  const probe = (name: string, ids: readonly string[]) => ({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Probe',
    metadata: { name },
    spec: { targets: { staticConfig: { static: ids.map((id) => `https://hermes.example.org/v2/updates/price/latest?ids[]=${id}`) } } },
  });

  test('a 64-hex value fails SECRET_IN_OUTPUT until the construct declares exactly it public', () => {
    expect(synthError((stack) => new KubernetesObjects(stack, 'hermes', { manifests: [probe('btc', [priceId])] }))).toContain('guardrail SECRET_IN_OUTPUT broken by kubernetes_manifest.');
    expect(
      synthError((stack) => {
        const objects = new KubernetesObjects(stack, 'hermes', { manifests: [probe('btc', [priceId, `0x${priceId}`])] });
        Guardrails.allowPublicIdentifiers(objects, [priceId], 'Pyth price feed ids, public identifiers');
      }),
    ).toBe('');
  });

  test('an image digest (sha256:<64 hex>) is not a key; the same hex anywhere else in the value is', () => {
    const image = (reference: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'observer-image' }, data: { image: reference } });
    expect(synthError((stack) => new KubernetesObjects(stack, 'pinned', { manifests: [image(`ghcr.io/pyth-network/observer@sha256:${otherHex}`)] }))).toBe('');
    expect(synthError((stack) => new KubernetesObjects(stack, 'tagged', { manifests: [image(`ghcr.io/pyth-network/observer:${otherHex}`)] }))).toContain('a 64-hex raw key');
    expect(synthError((stack) => new KubernetesObjects(stack, 'digest-and-key', { manifests: [image(`observer@sha256:${otherHex} ${otherHex}`)] }))).toContain('a 64-hex raw key');
  });

  test('another 64-hex value beside a declared one still fails, and so does a declared one outside the declaring construct', () => {
    const beside = synthError((stack) => {
      const objects = new KubernetesObjects(stack, 'hermes', { manifests: [probe('btc', [priceId, otherHex])] });
      Guardrails.allowPublicIdentifiers(objects, [priceId], 'Pyth price feed ids, public identifiers');
    });
    expect(beside).toContain('guardrail SECRET_IN_OUTPUT broken by kubernetes_manifest.');
    expect(beside).toContain('a 64-hex raw key');
    const elsewhere = synthError((stack) => {
      Guardrails.allowPublicIdentifiers(new KubernetesObjects(stack, 'hermes', { manifests: [probe('btc', [priceId])] }), [priceId], 'Pyth price feed ids, public identifiers');
      new KubernetesObjects(stack, 'other', { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { id: priceId } }] });
    });
    expect(elsewhere).toContain('(construct team/other/');
    expect(elsewhere).not.toContain('(construct team/hermes/');
  });

  test('other secret patterns are never allowed by a declaration', () => {
    expect(
      synthError((stack) => {
        const objects = new KubernetesObjects(stack, 'hermes', { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'hook' }, data: { url: PLANTED_SLACK_WEBHOOK, id: priceId } }] });
        Guardrails.allowPublicIdentifiers(objects, [priceId], 'Pyth price feed ids, public identifiers');
      }),
    ).toContain('looks like a Slack incoming webhook');
  });

  test('a declaration needs 64 lower-case hex digits per value and a reason', () => {
    const stack = new TerraformStack(Testing.app() as App, 'team');
    expect(() => Guardrails.allowPublicIdentifiers(stack, [`0x${priceId}`], 'Pyth price feed ids, public identifiers')).toThrow(ValidationError);
    expect(() => Guardrails.allowPublicIdentifiers(stack, [priceId.toUpperCase()], 'Pyth price feed ids, public identifiers')).toThrow('(allowed: 64 lower-case hex digits without 0x each)');
    expect(() => Guardrails.allowPublicIdentifiers(stack, [priceId], 'ids')).toThrow('is too short');
  });

  test("feedops' prod monitors stack passes with the Hermes Probes' price ids, each one under the declaring construct", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-guardrails-'));
    try {
      // prod alone (with the bootstrap stack): the synth below checks prod's stacks.
      const { app } = buildApp({ outdir, environments: { prod: ENVIRONMENTS.prod } });
      const stack = app.node.findAll().filter(TerraformStack.isStack).find((candidate) => candidate.node.id === 'prod-monitors')!;
      const manifests = Object.values<any>((stack.toTerraform() as any).resource.kubernetes_manifest);
      const hermesProbes = manifests.filter((m) => m.manifest.kind === 'Probe' && m.manifest.metadata.name.startsWith('hermes-price-'));
      const ids = hermesProbes.map((m) => /ids\[\]=([0-9a-f]{64})/.exec(m.manifest.spec.targets.staticConfig.static[0])![1]);
      expect(ids.sort()).toEqual(Object.values(PYTH_PRICE_IDS).sort());
      for (const probe of hermesProbes) expect(probe['//'].metadata.path).toMatch(/^prod-monitors\/price-feeds\/hermes\//);
      expect(() => app.synth()).not.toThrow();
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
