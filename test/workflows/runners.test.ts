// Issue 11, points 1 and 3: the in-VPC runners in the workflows, the bootstrapping order, and the repository
// settings of docs/delivery.md against the trust policies.
import * as fs from 'fs';
import * as path from 'path';
import { CI_RUNNER_WEBHOOK_EVENT } from '../../constructs/delivery/ci-runner';
import { delivery, ENVIRONMENTS, validateEnvironments } from '../../environments';
import { APPLY_WORKFLOW, applyRoleName, ciRunnerProjectName } from '../../stacks/naming';
import { resources, synthesizedStacks } from '../support/synth';
import { Job, REPO_ROOT, jobIdsInNeedsOrder, loadLocalWorkflow, loadWorkflow, needsOf } from './workflow-files';

const { environments } = validateEnvironments(ENVIRONMENTS, delivery);
const STACK_ACTION = './.github/actions/terraform-stack';
const IN_CLUSTER_LAYERS = /-(platform|monitors)$/;
const RUNNER_LABEL = 'codebuild-feedops-${{ inputs.environment }}-ci-runner-${{ github.run_id }}-${{ github.run_attempt }}';
const ENVIRONMENT_WORKFLOWS = ['./.github/workflows/_apply-environment.yml', './.github/workflows/_plan-environment.yml'];

const stacksOf = (job: Job) => (job.steps ?? []).filter((step) => step.uses === STACK_ACTION).map((step) => String(step.with?.stack));
const runsOn = (job: Job) => [job['runs-on']].flat().join(',');
const isHosted = (job: Job) => /^ubuntu-\d+\.\d+$|^ubuntu-latest$/.test(runsOn(job));

function transitiveNeeds(jobs: Record<string, Job>, id: string): string[] {
  const direct = needsOf(jobs[id]);
  return [...direct, ...direct.flatMap((need) => transitiveNeeds(jobs, need))];
}

describe.each(ENVIRONMENT_WORKFLOWS)('%s', (uses) => {
  const { document } = loadLocalWorkflow(uses);
  const jobs = document.jobs;
  const ids = jobIdsInNeedsOrder(document);

  test('plans or applies <env>-platform and <env>-monitors only on the environment\'s in-VPC runner', () => {
    const inCluster = ids.filter((id) => stacksOf(jobs[id]).some((stack) => IN_CLUSTER_LAYERS.test(stack)));
    expect(inCluster.length).toBeGreaterThan(0);
    expect(inCluster.map((id) => [id, runsOn(jobs[id])])).toEqual(inCluster.map((id) => [id, RUNNER_LABEL]));
  });

  test('bootstrapping order: <env>-cluster runs on a GitHub-hosted runner, before (needed by) every runner job', () => {
    const clusterJobs = ids.filter((id) => stacksOf(jobs[id]).some((stack) => stack.endsWith('-cluster')));
    expect(clusterJobs.length).toBe(1);
    expect(isHosted(jobs[clusterJobs[0]])).toBe(true);
    expect(stacksOf(jobs[clusterJobs[0]]).filter((stack) => IN_CLUSTER_LAYERS.test(stack))).toEqual([]);
    const runnerJobs = ids.filter((id) => runsOn(jobs[id]).startsWith('codebuild-'));
    expect(runnerJobs.filter((id) => !transitiveNeeds(jobs, id).includes(clusterJobs[0]))).toEqual([]);
  });

  test('nothing else runs on the runners (each job uses the one label that ties it to its run and attempt)', () => {
    const other = ids.filter((id) => runsOn(jobs[id]).startsWith('codebuild-') && !stacksOf(jobs[id]).every((stack) => IN_CLUSTER_LAYERS.test(stack)));
    expect(other).toEqual([]);
  });
});

describe.each(environments.map((env) => [env.name, env] as const))('%s runner', (name, env) => {
  const cluster = synthesizedStacks()[`${name}-cluster`];
  const projects = resources(cluster, 'aws_codebuild_project');

  test('the label the workflows use names the CodeBuild project of the environment\'s cluster stack', () => {
    const label = RUNNER_LABEL.replace('${{ inputs.environment }}', name);
    expect(label.startsWith(`codebuild-${ciRunnerProjectName(env.cluster.name)}-`)).toBe(true);
    expect(projects.map((project) => project.config.name)).toEqual([ciRunnerProjectName(env.cluster.name)]);
  });

  test('starts one runner per queued workflow job (CodeBuild-hosted GitHub Actions runner webhook)', () => {
    const [webhook] = resources(cluster, 'aws_codebuild_webhook');
    expect(webhook.config.project_name).toBe(`\${${projects[0].address}.name}`);
    expect(webhook.config.filter_group).toEqual([{ filter: [{ type: 'EVENT', pattern: CI_RUNNER_WEBHOOK_EVENT }] }]);
    expect(CI_RUNNER_WEBHOOK_EVENT).toBe('WORKFLOW_JOB_QUEUED');
  });

  test('runs in the private subnets with its own security group, which admits nothing', () => {
    const [project] = projects;
    const privateSubnets = resources(cluster, 'aws_subnet').filter((subnet) => subnet.config.map_public_ip_on_launch !== true && /private/.test(subnet.name));
    expect(privateSubnets.length).toBeGreaterThan(1);
    expect([...project.config.vpc_config.subnets].sort()).toEqual(privateSubnets.map((subnet) => `\${${subnet.address}.id}`).sort());
    const [runnerGroup] = project.config.vpc_config.security_group_ids;
    const groupAddress = runnerGroup.replace(/^\$\{(.+)\.id\}$/, '$1');
    expect(resources(cluster, 'aws_security_group').find((group) => group.address === groupAddress)?.config.ingress).toBeUndefined();
    expect(resources(cluster, 'aws_vpc_security_group_ingress_rule').filter((rule) => rule.config.security_group_id === runnerGroup)).toEqual([]);
  });

  test('the cluster security group admits the runners on 443, and nothing else new', () => {
    const rules = resources(cluster, 'aws_vpc_security_group_ingress_rule');
    const [runnerGroup] = projects[0].config.vpc_config.security_group_ids;
    expect(rules.map((rule) => ({ from: rule.config.referenced_security_group_id, port: [rule.config.from_port, rule.config.to_port], cidr: rule.config.cidr_ipv4 }))).toEqual([
      { from: runnerGroup, port: [443, 443], cidr: undefined },
    ]);
    expect(rules[0].config.security_group_id).toMatch(/aws_eks_cluster\..+\.vpc_config\[0\]\.cluster_security_group_id/);
  });

  test('registers through the CodeConnections connection, with a pinned managed image, unprivileged', () => {
    const [project] = projects;
    expect(project.config.source.auth).toEqual({ type: 'CODECONNECTIONS', resource: delivery.githubConnectionArn });
    expect(project.config.environment.image).toMatch(/^aws\/codebuild\/[a-z0-9_-]+:\d+\.\d+$/);
    expect(project.config.environment.privileged_mode).toBe(false);
  });
});

describe('repository settings (docs/delivery.md) against the trust policies', () => {
  const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs/delivery.md'), 'utf8');
  // One row per tier, so a new environment needs no documentation change: its tier says how its GitHub environment is set.
  const rows = [...docs.matchAll(/^\| `tier: '([a-z-]+)'` \| `([^`]+)` \| ([^|]+) \|$/gm)].map(([, tier, branch, reviewers]) => ({ tier, branch, reviewers: reviewers.trim() }));
  const documentedFor = (env: (typeof environments)[number]) => rows.find((row) => row.tier === env.tier);
  const bootstrap = synthesizedStacks().bootstrap;

  test('docs/delivery.md documents the GitHub environment of every tier: deployment branch main; production has required reviewers', () => {
    expect(environments.filter((env) => !documentedFor(env)).map((env) => `${env.name} (tier ${env.tier})`)).toEqual([]);
    expect(rows.map((row) => row.tier).sort()).toEqual(['non-production', 'production']);
    expect(rows.filter((row) => row.branch !== 'main')).toEqual([]);
    expect(rows.filter((row) => row.tier === 'production' && !/required reviewers/i.test(row.reviewers))).toEqual([]);
  });

  test.each(environments.map((env) => env.name))('%s: the apply role trusts exactly the documented branch and the apply workflow', (name) => {
    const documented = documentedFor(environments.find((env) => env.name === name)!)!;
    const role = resources(bootstrap, 'aws_iam_role').find((r) => r.config.name === applyRoleName(name))!;
    const [trust] = JSON.parse(role.config.assume_role_policy).Statement;
    const claims = trust.Condition.StringEquals;
    expect(claims['token.actions.githubusercontent.com:ref']).toBe(`refs/heads/${documented.branch}`);
    expect(claims['token.actions.githubusercontent.com:job_workflow_ref']).toBe(`${delivery.githubRepository}/.github/workflows/${APPLY_WORKFLOW.file}@refs/heads/${documented.branch}`);
    expect(claims['token.actions.githubusercontent.com:sub']).toBe(`repo:${delivery.githubRepository}:environment:${name}`);
  });

  test('the trusted workflow is what apply.yml calls, only on pushes to the documented branch', () => {
    const apply = loadWorkflow('apply.yml').document;
    expect(apply.on).toEqual({ push: { branches: [APPLY_WORKFLOW.ref.replace('refs/heads/', '')] } });
    const called = new Set(Object.values(apply.jobs).map((job) => job.uses).filter((uses) => uses?.includes('_apply-environment')));
    expect([...called]).toEqual([`./.github/workflows/${APPLY_WORKFLOW.file}`]);
    expect(fs.existsSync(path.join(REPO_ROOT, '.github/workflows', APPLY_WORKFLOW.file))).toBe(true);
  });
});
