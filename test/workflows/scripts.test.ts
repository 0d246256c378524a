import { spawnSync } from 'child_process';
import { PLAN_SUMMARY_MARKER } from '../../scripts/plan-summary/render';
import { InputDeclaration, allJobs, allSteps, isLocal, isReusableWorkflowCall, loadLocalAction, loadLocalWorkflow, loadWorkflow, loadWorkflows } from './workflow-files';

describe('run scripts', () => {
  const scripts = allSteps().filter(({ step }) => typeof step.run === 'string');

  test('run with bash -eo pipefail: every workflow with scripts sets defaults.run.shell to bash', () => {
    const withScripts = loadWorkflows().filter(({ document }) => Object.values(document.jobs).some((job) => (job.steps ?? []).some((step) => step.run !== undefined)));
    expect(withScripts.filter(({ document }) => document.defaults?.run?.shell !== 'bash').map(({ file }) => file)).toEqual([]);
  });

  test('in composite actions declare shell: bash', () => {
    const steps = allSteps().filter(({ where, step }) => where.startsWith('.github/actions/') && step.run !== undefined);
    expect(steps.filter(({ step }) => step.shell !== 'bash').map(({ where }) => where)).toEqual([]);
  });

  test('take values through env:, never through ${{ }} inside the script (no script injection)', () => {
    expect(scripts.filter(({ step }) => step.run?.includes('${{')).map(({ where }) => where)).toEqual([]);
  });

  test.each(scripts.map(({ where, step }) => [where, step.run as string]))('%s is valid bash', (_where, script) => {
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.stderr).toBe('');
  });
});

describe('secrets', () => {
  test('reach steps only through env:, never through with: or a script', () => {
    const violations = allSteps().flatMap(({ where, step }) => {
      const outsideEnv = JSON.stringify({ run: step.run, with: step.with });
      return outsideEnv.includes('secrets.') ? [where] : [];
    });
    expect(violations).toEqual([]);
  });

  test('are passed to reusable workflows one by one, never with secrets: inherit', () => {
    expect(allJobs().filter(({ job }) => job.secrets === 'inherit').map(({ where }) => where)).toEqual([]);
  });

  test('the drift webhook reaches the Slack step as an environment variable', () => {
    const slack = loadWorkflow('_plan-environment.yml').document.jobs.plan.steps?.find((step) => step.name === 'Post drift to Slack');
    expect(slack?.env?.SLACK_WEBHOOK_URL).toBe('${{ secrets.DRIFT_SLACK_WEBHOOK_URL }}');
  });
});

describe('calls of local workflows and actions', () => {
  function checkCall(where: string, declared: Record<string, InputDeclaration> | undefined, given: Record<string, unknown> | undefined): string[] {
    const declaredNames = Object.keys(declared ?? {});
    const givenNames = Object.keys(given ?? {});
    return [
      ...givenNames.filter((name) => !declaredNames.includes(name)).map((name) => `${where}: passes undeclared input ${name}`),
      ...declaredNames.filter((name) => declared?.[name].required && !givenNames.includes(name)).map((name) => `${where}: misses required input ${name}`),
    ];
  }

  test('pass every required input and only declared inputs and secrets to reusable workflows', () => {
    const violations = allJobs().flatMap(({ where, job }) => {
      if (!isReusableWorkflowCall(job) || !isLocal(job.uses)) return [];
      const call = (loadLocalWorkflow(job.uses).document.on as { workflow_call?: { inputs?: Record<string, InputDeclaration>; secrets?: Record<string, InputDeclaration> } }).workflow_call;
      return [...checkCall(where, call?.inputs, job.with), ...checkCall(`${where} (secrets)`, call?.secrets, job.secrets === 'inherit' ? {} : job.secrets)];
    });
    expect(violations).toEqual([]);
  });

  test('pass every required input and only declared inputs to local actions', () => {
    const violations = allSteps().flatMap(({ where, step }) =>
      step.uses && isLocal(step.uses) ? checkCall(where, loadLocalAction(step.uses).document.inputs, step.with) : [],
    );
    expect(violations).toEqual([]);
  });
});

describe('plan comment', () => {
  test('finds its comment by the marker plan-summary writes', () => {
    const comment = loadWorkflow('plan.yml').document.jobs.comment.steps?.find((step) => step.uses?.startsWith('actions/github-script@'));
    expect(comment?.env?.MARKER).toBe(PLAN_SUMMARY_MARKER);
  });

  test('is rendered with the plan-summary script, silently, from every plan file, expecting every stack', () => {
    const render = loadWorkflow('plan.yml').document.jobs.summarize.steps?.find((step) => step.name === 'Render the plan summary');
    expect(render?.run).toContain('npm run --silent plan-summary -- --expect-all-stacks plans/*.json > plan-summary.md');
  });
});

describe('ci.yml', () => {
  const job = loadWorkflow('ci.yml').document.jobs.test;

  test('runs on pull requests and pushes to main', () => {
    expect(loadWorkflow('ci.yml').document.on).toEqual({ pull_request: null, push: { branches: ['main'] } });
  });

  test('sets up Node 20 with the npm cache', () => {
    const setupNode = job.steps?.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toEqual({ 'node-version': 20, cache: 'npm' });
  });

  test('installs with npm ci, then lints, tests and synthesizes, in this order', () => {
    const commands = (job.steps ?? []).flatMap((step) => (step.run?.startsWith('npm ') ? [step.run] : []));
    expect(commands).toEqual(['npm ci', 'npm run lint', 'npm test', 'npm run synth']);
  });
});
