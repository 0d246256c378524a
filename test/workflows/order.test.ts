import { ENVIRONMENTS } from '../../environments';
import { ENVIRONMENT_LAYERS } from '../../scripts/plan-summary/apply-order';
import { Job, LoadedFile, Workflow, jobIdsInNeedsOrder, loadLocalWorkflow, loadWorkflow, needsOf } from './workflow-files';

const CONFIGURED_ENVIRONMENTS = Object.keys(ENVIRONMENTS);
const STACK_ACTION = './.github/actions/terraform-stack';
const APPLY_ENVIRONMENT = './.github/workflows/_apply-environment.yml';
const PLAN_ENVIRONMENT = './.github/workflows/_plan-environment.yml';

/** The stacks a job runs through the terraform-stack action, in step order, with their modes. */
function stackSteps(job: Job): { stack: unknown; mode: unknown }[] {
  return (job.steps ?? []).filter((step) => step.uses === STACK_ACTION).map((step) => ({ stack: step.with?.stack, mode: step.with?.mode }));
}

/** The stacks of every job of a reusable workflow, jobs in needs order, steps in step order. */
function workflowStackSteps(uses: string): { stack: unknown; mode: unknown }[] {
  const { document } = loadLocalWorkflow(uses);
  return jobIdsInNeedsOrder(document).flatMap((id) => stackSteps(document.jobs[id]));
}

const LAYER_STACKS = ENVIRONMENT_LAYERS.map((layer) => `\${{ inputs.environment }}-${layer}`);

/** Jobs of a workflow that call `uses`, ordered so that each comes after the jobs it needs. */
function callersInNeedsOrder(workflow: LoadedFile<Workflow>, uses: string): [string, Job][] {
  const jobs = workflow.document.jobs;
  const order: string[] = [];
  const visit = (id: string) => {
    if (order.includes(id)) return;
    needsOf(jobs[id]).forEach(visit);
    order.push(id);
  };
  Object.keys(jobs).forEach(visit);
  return order.filter((id) => jobs[id].uses === uses).map((id) => [id, jobs[id]]);
}

describe('apply order', () => {
  const apply = loadWorkflow('apply.yml');
  const callers = callersInNeedsOrder(apply, APPLY_ENVIRONMENT);

  test('applies the configured environments in order: dev -> staging -> prod', () => {
    expect(callers.map(([, job]) => job.with?.environment)).toEqual(CONFIGURED_ENVIRONMENTS);
  });

  test('starts each environment only after the previous one succeeded (a needs: chain)', () => {
    const violations = callers.slice(1).flatMap(([id, job], index) => {
      const previous = callers[index][0];
      return needsOf(job).includes(previous) ? [] : [`apply.yml job ${id}: does not need ${previous}`];
    });
    expect(violations).toEqual([]);
  });

  test('applies the first environment only after synth', () => {
    expect(needsOf(callers[0][1])).toEqual(['synth']);
  });

  test('applies each environment cluster -> platform -> monitors', () => {
    expect(workflowStackSteps(APPLY_ENVIRONMENT)).toEqual(LAYER_STACKS.map((stack) => ({ stack, mode: 'apply' })));
  });
});

describe('plan and drift order', () => {
  test.each(['plan.yml', 'drift.yml'])('%s plans every configured environment', (file) => {
    const callers = Object.entries(loadWorkflow(file).document.jobs).filter(([, job]) => job.uses === PLAN_ENVIRONMENT);
    expect(callers.map(([, job]) => job.strategy?.matrix?.environment)).toEqual([CONFIGURED_ENVIRONMENTS]);
  });

  test.each([
    ['plan.yml', 'plan'],
    ['drift.yml', 'drift'],
  ])('%s runs _plan-environment.yml in mode %s', (file, mode) => {
    const callers = Object.values(loadWorkflow(file).document.jobs).filter((job) => job.uses === PLAN_ENVIRONMENT);
    expect(callers.map((job) => job.with?.mode)).toEqual([mode]);
  });

  test('plans each environment cluster -> platform -> monitors', () => {
    expect(workflowStackSteps(PLAN_ENVIRONMENT)).toEqual(LAYER_STACKS.map((stack) => ({ stack, mode: '${{ inputs.mode }}' })));
  });
});
