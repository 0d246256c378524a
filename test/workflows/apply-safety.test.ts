import { Job, LoadedFile, Workflow, allJobs, environmentOf, loadCompositeActions, loadLocalWorkflow, loadWorkflow } from './workflow-files';

const STACK_ACTION = './.github/actions/terraform-stack';

/** Whether a job applies: it runs the terraform-stack action in apply mode or calls `terraform apply` itself. */
function applies(job: Job): boolean {
  return (job.steps ?? []).some((step) => (step.uses === STACK_ACTION && step.with?.mode === 'apply') || /\bterraform\s+apply\b/.test(step.run ?? ''));
}

/** apply.yml and every local workflow it calls. */
function applyWorkflows(): LoadedFile<Workflow>[] {
  const apply = loadWorkflow('apply.yml');
  const called = Object.values(apply.document.jobs).flatMap((job) => (job.uses?.startsWith('./') ? [job.uses] : []));
  return [apply, ...[...new Set(called)].map(loadLocalWorkflow)];
}

function stackActionSteps() {
  const [action] = loadCompositeActions().filter(({ file }) => file === '.github/actions/terraform-stack/action.yml');
  return action.document.runs.steps;
}

describe('apply safety', () => {
  test('there is an apply job, so the checks below are not vacuous', () => {
    expect(allJobs().filter(({ job }) => applies(job)).map(({ where }) => where)).toEqual([
      '.github/workflows/_apply-environment.yml job cluster',
      '.github/workflows/_apply-environment.yml job apply',
    ]);
  });

  test('every apply job runs in the GitHub environment it applies', () => {
    const violations = allJobs()
      .filter(({ job }) => applies(job))
      .filter(({ job }) => environmentOf(job) !== '${{ inputs.environment }}')
      .map(({ where, job }) => `${where}: environment is ${JSON.stringify(job.environment)}`);
    expect(violations).toEqual([]);
  });

  test('every apply job holds the per-environment lock apply-<env>', () => {
    const violations = allJobs()
      .filter(({ job }) => applies(job))
      .filter(({ job }) => typeof job.concurrency !== 'object' || job.concurrency.group !== 'apply-${{ inputs.environment }}')
      .map(({ where, job }) => `${where}: concurrency is ${JSON.stringify(job.concurrency)}`);
    expect(violations).toEqual([]);
  });

  test('no concurrency setting on the apply path cancels a running apply', () => {
    const violations = applyWorkflows().flatMap(({ file, document }) =>
      [
        { where: file, concurrency: document.concurrency },
        ...Object.entries(document.jobs).map(([id, job]) => ({ where: `${file} job ${id}`, concurrency: job.concurrency })),
      ]
        .filter(({ concurrency }) => concurrency !== undefined)
        .filter(({ concurrency }) => typeof concurrency === 'string' || concurrency?.['cancel-in-progress'] !== false)
        .map(({ where, concurrency }) => `${where}: ${JSON.stringify(concurrency)} (cancel-in-progress must be false)`),
    );
    expect(violations).toEqual([]);
  });

  test('apply mode plans with -out, uploads that plan file, then applies exactly that file, in this order', () => {
    const steps = stackActionSteps().filter((step) => step.if === "inputs.mode == 'apply'");
    expect(steps.map((step) => step.run ?? step.uses?.split('@')[0])).toEqual([
      'terraform plan -input=false -out=tfplan',
      'actions/upload-artifact',
      'terraform apply -input=false tfplan',
    ]);
  });

  test('apply mode uploads the very file it applies', () => {
    const upload = stackActionSteps().find((step) => step.if === "inputs.mode == 'apply'" && step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('cdktf.out/stacks/${{ inputs.stack }}/tfplan');
  });

  test('only plans for pull requests and drift skip the state lock; the apply plan takes it', () => {
    const lockless = stackActionSteps()
      .filter((step) => /\bterraform plan\b/.test(step.run ?? ''))
      .map((step) => [step.if, /-lock=false/.test(step.run ?? '')]);
    expect(lockless).toEqual([
      ["inputs.mode == 'plan'", true],
      ["inputs.mode == 'drift'", true],
      ["inputs.mode == 'apply'", false],
    ]);
  });

  test('no workflow outside the terraform-stack action runs terraform apply itself', () => {
    const direct = allJobs().filter(({ job }) => (job.steps ?? []).some((step) => /\bterraform\s+apply\b/.test(step.run ?? '')));
    expect(direct.map(({ where }) => where)).toEqual([]);
  });
});
