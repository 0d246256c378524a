import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parsePlanJson } from '../../scripts/plan-summary/plan-json';
import { renderPlanSummary } from '../../scripts/plan-summary/render';
import { fixturePath } from '../scripts/plan-summary/fixtures';
import { REPO_ROOT, Step, loadCompositeActions, loadWorkflow } from './workflow-files';

/**
 * Runs the real step scripts of the terraform-stack action and the drift Slack step the way a runner does
 * (bash -eo pipefail, GITHUB_* files), with stand-ins for terraform and curl that record how they were called.
 */
const ACTION_DIR = path.join(REPO_ROOT, '.github/actions/terraform-stack');
const STACK = 'prod-cluster';

const FAKE_TERRAFORM = `#!/usr/bin/env bash
echo "terraform $*" >> "$FAKE_LOG"
case "$1" in
  plan) exit "\${FAKE_PLAN_EXIT:-0}" ;;
  show) if [[ "$2" == "-json" ]]; then cat "$FAKE_PLAN_JSON"; else echo "  # aws_eks_addon.eks_coredns_EA4DB246 will be updated in-place"; fi ;;
esac
`;
const FAKE_CURL = `#!/usr/bin/env bash
{ echo "curl $*"; echo "stdin: $(cat)"; } >> "$FAKE_LOG"
`;

interface Sandbox {
  readonly workspace: string;
  readonly run: (step: Step, env?: Record<string, string>) => { status: number | null; stderr: string };
  readonly log: () => string;
  readonly outputs: () => string;
  readonly summary: () => string;
}

let sandboxes: string[] = [];

function sandbox(): Sandbox {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'terraform-stack-'));
  sandboxes.push(workspace);
  const bin = path.join(workspace, '.bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'terraform'), FAKE_TERRAFORM, { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'curl'), FAKE_CURL, { mode: 0o755 });
  fs.mkdirSync(path.join(workspace, 'cdktf.out/stacks', STACK), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'cdktf.out/stacks', STACK, 'cdk.tf.json'), '{}');
  const file = (name: string) => path.join(workspace, `.${name}`);
  const read = (name: string) => (fs.existsSync(file(name)) ? fs.readFileSync(file(name), 'utf8') : '');
  return {
    workspace,
    run: (step, env = {}) => {
      const cwd = step['working-directory'] ? path.join(workspace, 'cdktf.out/stacks', STACK) : workspace;
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], {
        cwd,
        encoding: 'utf8',
        timeout: 30_000,
        env: {
          PATH: `${bin}:${process.env.PATH}`,
          HOME: workspace,
          GITHUB_WORKSPACE: workspace,
          GITHUB_OUTPUT: file('output'),
          GITHUB_STEP_SUMMARY: file('summary'),
          GITHUB_ACTION_PATH: ACTION_DIR,
          FAKE_LOG: file('log'),
          FAKE_PLAN_JSON: fixturePath(`${STACK}.json`),
          STACK,
          ...env,
        },
      });
      return { status: result.status, stderr: result.stderr };
    },
    log: () => read('log'),
    outputs: () => read('output'),
    summary: () => read('summary'),
  };
}

afterEach(() => {
  sandboxes.forEach((directory) => fs.rmSync(directory, { recursive: true, force: true }));
  sandboxes = [];
});

function actionStep(name: string): Step {
  const action = loadCompositeActions().find(({ file }) => file === '.github/actions/terraform-stack/action.yml');
  const step = action?.document.runs.steps.find((candidate) => candidate.name === name || candidate.id === name);
  if (!step) throw new Error(`terraform-stack has no step ${name}`);
  return step;
}

describe('terraform-stack action: Check inputs', () => {
  const check = actionStep('Check inputs');

  test('accepts a synthesized stack in a known mode', () => {
    expect(sandbox().run(check, { MODE: 'plan' }).status).toBe(0);
  });

  test('fails when the mode is unknown', () => {
    expect(sandbox().run(check, { MODE: 'destroy' })).toMatchObject({ status: 1 });
  });

  test('fails when the stack was not synthesized (the artifact is missing)', () => {
    expect(sandbox().run(check, { MODE: 'plan', STACK: 'prod-platform' })).toMatchObject({ status: 1 });
  });
});

describe('terraform-stack action: plan mode', () => {
  const plan = actionStep('Plan ${{ inputs.stack }}');

  function exported() {
    const box = sandbox();
    const result = box.run(plan);
    const file = path.join(box.workspace, 'plans', `${STACK}.json`);
    return { result, box, text: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '' };
  }

  test('plans without the state lock', () => {
    const { result, box } = exported();
    expect([result.status, box.log().split('\n')[0]]).toEqual([0, 'terraform plan -input=false -lock=false -out=tfplan']);
  });

  test('exports a file plan-summary summarises exactly like the full plan', () => {
    const { text } = exported();
    const full = fs.readFileSync(fixturePath(`${STACK}.json`), 'utf8');
    const render = (json: string) => renderPlanSummary([{ stack: STACK, plan: parsePlanJson(json, `${STACK}.json`) }]);
    expect(render(text)).toBe(render(full));
  });

  test('exports no attribute values, which may be sensitive', () => {
    const changes = JSON.parse(exported().text).resource_changes as { change: Record<string, unknown> }[];
    expect(changes.map((change) => Object.keys(change.change))).toEqual(changes.map(() => ['actions']));
  });
});

describe('terraform-stack action: drift mode', () => {
  const drift = actionStep('drift');

  test('reports no drift when terraform plan -detailed-exitcode exits 0', () => {
    const box = sandbox();
    const result = box.run(drift, { FAKE_PLAN_EXIT: '0' });
    expect([result.status, box.outputs(), box.summary()]).toEqual([0, 'drift=false\n', `- \`${STACK}\`: no drift\n`]);
  });

  test('reports drift, with what would change, when it exits 2', () => {
    const box = sandbox();
    const result = box.run(drift, { FAKE_PLAN_EXIT: '2' });
    expect([result.status, box.outputs()]).toEqual([0, 'drift=true\n']);
    expect(box.summary()).toContain('# aws_eks_addon.eks_coredns_EA4DB246 will be updated in-place');
  });

  test('fails the job when the plan fails (exit 1)', () => {
    const box = sandbox();
    const result = box.run(drift, { FAKE_PLAN_EXIT: '1' });
    expect([result.status, box.summary()]).toEqual([1, `- \`${STACK}\`: **plan failed** (exit 1)\n`]);
  });

  test('runs a read-only plan with -detailed-exitcode and no state lock', () => {
    const box = sandbox();
    box.run(drift);
    expect(box.log()).toContain('terraform plan -input=false -lock=false -detailed-exitcode');
  });
});

describe('drift Slack step', () => {
  const slack = loadWorkflow('_plan-environment.yml').document.jobs.plan.steps?.find((step) => step.name === 'Post drift to Slack') as Step;
  const drifted = { ENVIRONMENT: 'prod', CLUSTER_DRIFT: 'true', PLATFORM_DRIFT: 'false', MONITORS_DRIFT: 'true', RUN_URL: 'https://github.example/runs/1' };

  test('posts nothing and succeeds when DRIFT_SLACK_WEBHOOK_URL is not set', () => {
    const box = sandbox();
    const result = box.run(slack, { ...drifted, SLACK_WEBHOOK_URL: '' });
    expect([result.status, box.log()]).toEqual([0, '']);
  });

  test('posts the drifted stacks as JSON to the webhook from the environment', () => {
    const box = sandbox();
    const result = box.run(slack, { ...drifted, SLACK_WEBHOOK_URL: 'https://slack.invalid/webhook-placeholder' });
    const [call, stdin] = box.log().trim().split('\n');
    expect([result.status, call.endsWith(' https://slack.invalid/webhook-placeholder')]).toEqual([0, true]);
    expect(JSON.parse(stdin.replace(/^stdin: /, ''))).toEqual({ text: 'Terraform drift in prod: prod-cluster prod-monitors. Details: https://github.example/runs/1' });
  });
});
