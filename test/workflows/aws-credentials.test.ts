import { Job, actionName, allJobs, allSteps, environmentOf, isLocal, isReusableWorkflowCall, loadCompositeActions, loadLocalWorkflow, loadWorkflows, permissionsOf } from './workflow-files';

const CONFIGURE_AWS_CREDENTIALS = 'aws-actions/configure-aws-credentials';
// The environment's account from AWS_ACCOUNT_IDS (one account per environment), else the one AWS_ACCOUNT_ID.
const ROLE_ARN = /^arn:aws:iam::\$\{\{ fromJSON\(vars\.AWS_ACCOUNT_IDS \|\| '\{\}'\)\[inputs\.environment\] \|\| vars\.AWS_ACCOUNT_ID \}\}:role\/feedops-\$\{\{ inputs\.environment \}\}-(plan|apply)$/;
/** configure-aws-credentials' session length when role-duration-seconds is not set (OIDC). */
const DEFAULT_SESSION_SECONDS = 3600;
const STATIC_CREDENTIAL_INPUTS = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token', 'web-identity-token-file'];

function roleSteps(job: Job) {
  return (job.steps ?? []).filter((step) => step.uses !== undefined && actionName(step.uses) === CONFIGURE_AWS_CREDENTIALS);
}

/** Whether a job assumes an AWS role itself or through the local reusable workflow it calls. */
function assumesAwsRole(job: Job): boolean {
  if (isReusableWorkflowCall(job)) {
    return isLocal(job.uses) && Object.values(loadLocalWorkflow(job.uses).document.jobs).some(assumesAwsRole);
  }
  return roleSteps(job).length > 0;
}

describe('AWS credentials in the workflows', () => {
  test('no workflow or action mentions AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY', () => {
    const files = [...loadWorkflows(), ...loadCompositeActions()];
    const offenders = files.filter(({ text }) => /AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/i.test(text)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  test('come only from configure-aws-credentials with role-to-assume, never from static keys', () => {
    const violations = allSteps().flatMap(({ where, step }) => {
      if (step.uses === undefined || actionName(step.uses) !== CONFIGURE_AWS_CREDENTIALS) return [];
      const inputs = step.with ?? {};
      return [
        ...(ROLE_ARN.test(String(inputs['role-to-assume'])) ? [] : [`${where}: role-to-assume is ${JSON.stringify(inputs['role-to-assume'])}, expected ${ROLE_ARN}`]),
        ...STATIC_CREDENTIAL_INPUTS.filter((input) => input in inputs).map((input) => `${where}: sets ${input}`),
        ...(inputs['aws-region'] === '${{ vars.AWS_REGION }}' ? [] : [`${where}: aws-region is not \${{ vars.AWS_REGION }}`]),
      ];
    });
    expect(violations).toEqual([]);
  });

  test('are assumed somewhere, so the checks above are not vacuous', () => {
    expect(allJobs().filter(({ job }) => roleSteps(job).length > 0).map(({ where }) => where)).toEqual([
      '.github/workflows/_apply-environment.yml job cluster',
      '.github/workflows/_apply-environment.yml job apply',
      '.github/workflows/_plan-environment.yml job cluster',
      '.github/workflows/_plan-environment.yml job plan',
    ]);
  });

  test('are never assumed inside a composite action, where the job could not see it', () => {
    const inActions = loadCompositeActions().filter(({ document }) => document.runs.steps.some((step) => step.uses && actionName(step.uses) === CONFIGURE_AWS_CREDENTIALS));
    expect(inActions.map(({ file }) => file)).toEqual([]);
  });

  test('an apply role is assumed only in a job with a GitHub environment, a plan role only in one without', () => {
    const violations = allJobs().flatMap(({ where, job }) =>
      roleSteps(job).flatMap((step) => {
        const kind = ROLE_ARN.exec(String(step.with?.['role-to-assume']))?.[1];
        const environment = environmentOf(job);
        if (kind === 'apply' && environment === undefined) return [`${where}: assumes an apply role without environment:`];
        if (kind === 'plan' && environment !== undefined) return [`${where}: assumes a plan role in environment ${environment}`];
        return [];
      }),
    );
    expect(violations).toEqual([]);
  });

  test('last at least as long as the job may run, so no job outlives its credentials', () => {
    const violations = allJobs().flatMap(({ where, job }) =>
      roleSteps(job).flatMap((step) => {
        const sessionSeconds = Number(step.with?.['role-duration-seconds'] ?? DEFAULT_SESSION_SECONDS);
        const jobSeconds = Number(job['timeout-minutes']) * 60;
        return Number.isFinite(jobSeconds) && jobSeconds <= sessionSeconds ? [] : [`${where}: timeout-minutes ${job['timeout-minutes']} outlasts a ${sessionSeconds} s role session`];
      }),
    );
    expect(violations).toEqual([]);
  });

  test('id-token: write is granted exactly to the jobs that assume a role', () => {
    const violations = allJobs().flatMap(({ where, job }) => {
      const grantsIdToken = permissionsOf(job.permissions)['id-token'] === 'write';
      const assumes = assumesAwsRole(job);
      if (grantsIdToken && !assumes) return [`${where}: has id-token: write but assumes no AWS role`];
      if (!grantsIdToken && assumes) return [`${where}: assumes an AWS role without id-token: write`];
      return [];
    });
    expect(violations).toEqual([]);
  });
});
