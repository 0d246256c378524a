// Issue 11: one account per environment, the recommended layout. A configuration that moves prod into its own
// account gets a second bootstrap stack there, and prod's stacks keep their state in that account.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { delivery, ENVIRONMENTS, EnvironmentConfigError } from '../../environments';
import { synthWithSavings } from '../../constructs/core/cdktf-savings';
import { buildApp } from '../../stacks/app';
import { readStacks, resources, TerraformJson } from '../support/synth';

const PROD_ACCOUNT = '444455556666';
const prodAccount = {
  region: 'eu-west-1',
  stateBucket: `feedops-tfstate-${PROD_ACCOUNT}`,
  stateKeyAlias: 'alias/feedops-tfstate',
  githubConnectionArn: `arn:aws:codeconnections:eu-west-1:${PROD_ACCOUNT}:connection/11111111-1111-4111-8111-111111111111`,
};
const prod = ENVIRONMENTS.prod as any;
const environments = {
  ...ENVIRONMENTS,
  prod: { ...prod, account: { ...prod.account, id: PROD_ACCOUNT }, cluster: { ...prod.cluster, adminRoleArns: [`arn:aws:iam::${PROD_ACCOUNT}:role/platform-admin`] } },
};
const multiAccountDelivery = { ...delivery, accounts: { [PROD_ACCOUNT]: prodAccount } };

let stacks: Record<string, TerraformJson>;
beforeAll(() => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-accounts-'));
  try {
    synthWithSavings(() => buildApp({ outdir, environments, delivery: multiAccountDelivery }).app);
    stacks = readStacks(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});

const roleNames = (tf: TerraformJson) => resources(tf, 'aws_iam_role').map((role) => role.config.name).sort();

test('each account gets its own bootstrap stack with only its environments\' roles', () => {
  expect(Object.keys(stacks).filter((name) => name.startsWith('bootstrap')).sort()).toEqual(['bootstrap', `bootstrap-${PROD_ACCOUNT}`]);
  expect(roleNames(stacks.bootstrap)).toEqual(['feedops-dev-apply', 'feedops-dev-plan', 'feedops-staging-apply', 'feedops-staging-plan']);
  expect(roleNames(stacks[`bootstrap-${PROD_ACCOUNT}`])).toEqual(['feedops-prod-apply', 'feedops-prod-plan']);
  expect((stacks[`bootstrap-${PROD_ACCOUNT}`].provider!.aws[0] as any).allowed_account_ids).toEqual([PROD_ACCOUNT]);
  expect(resources(stacks[`bootstrap-${PROD_ACCOUNT}`], 'aws_s3_bucket')[0].config.bucket).toBe(prodAccount.stateBucket);
});

test('prod\'s stacks keep their state in prod\'s account; the others stay in the delivery account', () => {
  for (const layer of ['cluster', 'platform', 'monitors']) {
    const backend = (stacks[`prod-${layer}`].terraform.backend as any).s3;
    expect(backend.bucket).toBe(prodAccount.stateBucket);
    expect(backend.kms_key_id).toBe(`arn:aws:kms:eu-west-1:${PROD_ACCOUNT}:alias/feedops-tfstate`);
    expect((stacks[`dev-${layer}`].terraform.backend as any).s3.bucket).toBe(delivery.stateBucket);
  }
});

test('prod\'s runners use prod\'s GitHub connection', () => {
  const [project] = resources(stacks['prod-cluster'], 'aws_codebuild_project');
  expect(project.config.source.auth.resource).toBe(prodAccount.githubConnectionArn);
});

test('fails when an environment\'s account is neither the delivery account nor listed in delivery.accounts', () => {
  expect(() => buildApp({ environments, delivery })).toThrow(EnvironmentConfigError);
  expect(() => buildApp({ environments, delivery })).toThrow(`prod: account.id: "${PROD_ACCOUNT}" is neither the delivery account nor in delivery.accounts (allowed: "${delivery.accountId}")`);
});
