import { ENVIRONMENTS } from '../../environments';
import { ENVIRONMENT_LAYERS } from '../../scripts/plan-summary/apply-order';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Job, REPO_ROOT, jobIdsInNeedsOrder, loadLocalWorkflow, loadWorkflow, loadWorkflows, needsOf } from './workflow-files';

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

/** The matrix expression every environment workflow must use: the synth job's list of the registry (environments/index.ts). */
const REGISTRY_MATRIX = '${{ fromJSON(needs.synth.outputs.environments) }}';

describe('the environments and their order come from the registry', () => {
  const synth = loadLocalWorkflow('./.github/workflows/_synth.yml').document;

  test('_synth.yml outputs the list printed by dist/scripts/environment-matrix.js after npm run synth', () => {
    const call = synth.on.workflow_call as { outputs?: Record<string, { value?: string }> };
    expect(call.outputs?.environments?.value).toBe('${{ jobs.synth.outputs.environments }}');
    expect(synth.jobs.synth.outputs?.environments).toBe('${{ steps.environments.outputs.environments }}');
    const steps = synth.jobs.synth.steps ?? [];
    const listing = steps.findIndex((step) => step.id === 'environments');
    expect(steps[listing]?.run).toBe('echo "environments=$(node dist/scripts/environment-matrix.js)" >> "$GITHUB_OUTPUT"');
    // After the synth build, which writes dist/scripts/environment-matrix.js (scripts/build/synth-build.mjs).
    expect(steps.findIndex((step) => step.run === 'npm run synth')).toBeLessThan(listing);
  });

  test('the synth build prints the registered environments in registry order', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-matrix-'));
    try {
      const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build/synth-build.mjs'), '--outdir', outdir], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(build.stderr).toBe('');
      const printed = spawnSync(process.execPath, [path.join(outdir, 'scripts/environment-matrix.js')], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules') } });
      expect([printed.status, printed.stderr]).toEqual([0, '']);
      expect(JSON.parse(printed.stdout)).toEqual(CONFIGURED_ENVIRONMENTS);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('no workflow lists environment names by hand', () => {
    const names = new RegExp(`\\b(${CONFIGURED_ENVIRONMENTS.join('|')})\\b`);
    const listed = loadWorkflows().flatMap(({ file, document }) =>
      Object.entries(document.jobs).flatMap(([id, job]) =>
        [job.strategy?.matrix?.environment, job.with?.environment].filter((value) => value !== undefined && names.test(JSON.stringify(value))).map((value) => `${file} job ${id}: ${JSON.stringify(value)}`),
      ),
    );
    expect(listed).toEqual([]);
  });
});

describe('apply order', () => {
  const apply = loadWorkflow('apply.yml');
  const callers = Object.entries(apply.document.jobs).filter(([, job]) => job.uses === APPLY_ENVIRONMENT);

  test('one job applies every registered environment, from the registry matrix', () => {
    expect(callers.map(([id, job]) => [id, job.strategy?.matrix, job.with?.environment])).toEqual([['apply', { environment: REGISTRY_MATRIX }, '${{ matrix.environment }}']]);
  });

  test('applies one environment at a time, in matrix order, and the first failure cancels the rest', () => {
    const [[, job]] = callers;
    expect(job.strategy).toMatchObject({ 'max-parallel': 1, 'fail-fast': true });
  });

  test('applies the first environment only after synth', () => {
    expect(needsOf(callers[0][1])).toEqual(['synth']);
  });

  test('applies each environment cluster -> platform -> monitors', () => {
    expect(workflowStackSteps(APPLY_ENVIRONMENT)).toEqual(LAYER_STACKS.map((stack) => ({ stack, mode: 'apply' })));
  });
});

describe('plan and drift order', () => {
  test.each(['plan.yml', 'drift.yml'])('%s plans every registered environment (the registry matrix, after synth)', (file) => {
    const callers = Object.entries(loadWorkflow(file).document.jobs).filter(([, job]) => job.uses === PLAN_ENVIRONMENT);
    expect(callers.map(([, job]) => [job.strategy?.matrix?.environment, needsOf(job)])).toEqual([[REGISTRY_MATRIX, ['synth']]]);
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
