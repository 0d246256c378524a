import { PlanFileError, parsePlanJson } from '../../../scripts/plan-summary/plan-json';
import { planDocument, readFixture } from './fixtures';

function parseError(text: string, file = 'plans/dev-cluster.json'): PlanFileError {
  try {
    parsePlanJson(text, file);
  } catch (error) {
    if (error instanceof PlanFileError) return error;
    throw error;
  }
  throw new Error(`parsePlanJson accepted ${text.slice(0, 80)}`);
}

describe('parsePlanJson', () => {
  test('reads the address and kind of every resource change of a real plan', () => {
    const plan = parsePlanJson(readFixture('prod-cluster.json'), 'prod-cluster.json');
    expect(plan.resourceChanges).toContainEqual({ address: 'aws_eks_node_group.eks_node-group-monitors_node-group_2BD64F12', kind: 'delete' });
  });

  test('reads the format and Terraform versions', () => {
    const plan = parsePlanJson(readFixture('dev-cluster.json'), 'dev-cluster.json');
    expect([plan.formatVersion, plan.terraformVersion]).toEqual(['1.2', '1.11.4']);
  });

  test('reads a plan without resource_changes (a configuration without resources) as no changes', () => {
    const text = JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} } });
    expect(parsePlanJson(text, 'bootstrap.json').resourceChanges).toEqual([]);
  });

  test('ignores properties it does not know, as Terraform asks of readers of minor format versions', () => {
    const text = JSON.stringify({ ...JSON.parse(planDocument([['aws_vpc.main', ['create']]])), format_version: '1.9', deferred_changes: [] });
    expect(parsePlanJson(text, 'dev-cluster.json').resourceChanges).toHaveLength(1);
  });

  test('fails when the JSON is truncated, naming the file', () => {
    const error = parseError(readFixture('invalid/truncated.json'), 'plans/prod-cluster.json');
    expect(error.message).toMatch(/^plans\/prod-cluster\.json: not valid JSON \(.+\); the file may be truncated/);
  });

  test('fails when the file is empty', () => {
    expect(parseError('  \n').message).toContain('plans/dev-cluster.json: the file is empty');
  });

  test('fails when the document is not an object', () => {
    expect(parseError('[1, 2]').message).toContain('the document is an array, not an object');
  });

  test('fails when format_version is missing', () => {
    expect(parseError('{"resource_changes": []}').message).toContain('format_version is missing');
  });

  test('fails when format_version is of another major version', () => {
    expect(parseError('{"format_version": "2.0", "planned_values": {}}').message).toContain('format_version "2.0" is not supported (allowed: 1.x)');
  });

  test('fails when the document is state output rather than a plan, and says so', () => {
    const error = parseError(readFixture('invalid/state.json'));
    expect(error.message).toContain('not a plan (it looks like state output');
  });

  test('fails when resource_changes is not an array', () => {
    expect(parseError('{"format_version": "1.2", "resource_changes": {}}').message).toContain('resource_changes is an object, expected an array');
  });

  test('fails when a resource change has no address, naming its index', () => {
    const text = '{"format_version": "1.2", "resource_changes": [{"change": {"actions": ["create"]}}]}';
    expect(parseError(text).message).toContain('resource_changes[0].address is missing');
  });

  test('fails when a resource change has no actions, naming its address', () => {
    const text = '{"format_version": "1.2", "resource_changes": [{"address": "aws_vpc.main", "change": {}}]}';
    expect(parseError(text).message).toContain('resource_changes[0] (aws_vpc.main): change.actions is missing');
  });

  test('fails when the actions are not a Terraform action list, listing the allowed ones', () => {
    const error = parseError(planDocument([['aws_vpc.main', ['explode']]]));
    expect(error.message).toMatch(/change\.actions \["explode"\] is not a Terraform action list \(allowed: .*\["delete","create"\]/);
  });
});
