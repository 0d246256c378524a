import { allJobs, loadWorkflows, permissionsOf } from './workflow-files';

/** The only write permissions any job holds, and who holds them. */
const ALLOWED_WRITES: Readonly<Record<string, (where: string) => boolean>> = {
  // Checked against role assumption in aws-credentials.test.ts.
  'id-token': () => true,
  'pull-requests': (where) => where === '.github/workflows/plan.yml job comment',
};

describe('workflow permissions', () => {
  test('every workflow grants only contents: read at the top level', () => {
    const violations = loadWorkflows()
      .filter(({ document }) => JSON.stringify(permissionsOf(document.permissions)) !== JSON.stringify({ contents: 'read' }))
      .map(({ file, document }) => `${file}: permissions ${JSON.stringify(document.permissions)}`);
    expect(violations).toEqual([]);
  });

  test('every job declares its own permissions', () => {
    expect(allJobs().filter(({ job }) => job.permissions === undefined).map(({ where }) => where)).toEqual([]);
  });

  test('no job is granted read-all or write-all', () => {
    expect(allJobs().filter(({ job }) => typeof job.permissions === 'string').map(({ where }) => where)).toEqual([]);
  });

  test('pull-requests: write is held by the plan comment job alone, and no other write besides id-token', () => {
    const violations = allJobs().flatMap(({ where, job }) =>
      Object.entries(permissionsOf(job.permissions))
        .filter(([, level]) => level === 'write')
        .filter(([scope]) => !(ALLOWED_WRITES[scope]?.(where) ?? false))
        .map(([scope]) => `${where}: ${scope}: write`),
    );
    expect(violations).toEqual([]);
  });

  test('the plan comment job does hold pull-requests: write', () => {
    const comment = allJobs().find(({ where }) => where === '.github/workflows/plan.yml job comment');
    expect(permissionsOf(comment?.job.permissions)).toEqual({ 'pull-requests': 'write' });
  });
});
