import { GITHUB_COMMENT_MAX_LENGTH, PLAN_SUMMARY_MARKER, StackPlan, renderPlanSummary } from '../../../scripts/plan-summary/render';
import { FIXTURE_STACKS, count, fenceLines, fixturePlan, listedLines, stackPlan } from './fixtures';

const FIXTURES: StackPlan[] = FIXTURE_STACKS.map(fixturePlan);
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** The table row of a stack as column -> number. */
function tableRow(markdown: string, stack: string): Record<string, number> {
  const lines = markdown.split('\n');
  const header = lines.find((line) => line.startsWith('| stack |'));
  const row = lines.find((line) => line.startsWith(`| \`${stack}\` |`));
  if (!header || !row) throw new Error(`no table row for ${stack} in:\n${markdown}`);
  const cells = (line: string) => line.split('|').slice(2, -1).map((cell) => cell.trim());
  const values = cells(row).map((cell) => Number(cell.replace(/,/g, '')));
  return Object.fromEntries(cells(header).map((column, index) => [column, values[index]]));
}

function tableStacks(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => /^\| `([^`]+)` \|/.exec(line)?.[1] ?? []);
}

/** A plan of `size` created resources with long, realistic addresses. */
function largePlan(stack: string, size: number, actions: readonly string[] = ['create']): StackPlan {
  return stackPlan(
    stack,
    Array.from({ length: size }, (_, index) => [`kubernetes_manifest.monitors_feed-${index}_prometheus-rule-for-a-long-feed-name_${index.toString(16).padStart(8, '0')}`, actions] as const),
  );
}

function expectWellFormed(markdown: string, maxLength: number): void {
  expect(markdown.length).toBeLessThanOrEqual(maxLength);
  expect(fenceLines(markdown).length % 2).toBe(0);
  expect(count(markdown, '<details>')).toBe(count(markdown, '</details>'));
  expect(markdown.lastIndexOf('<details>')).toBeLessThanOrEqual(markdown.lastIndexOf('</details>'));
}

describe('renderPlanSummary', () => {
  test('starts with the hidden marker the workflow finds its comment by', () => {
    expect(renderPlanSummary(FIXTURES).split('\n')[0]).toBe(PLAN_SUMMARY_MARKER);
  });

  test('shows one table row per stack in apply order, whatever the order of the plans', () => {
    const markdown = renderPlanSummary([...FIXTURES].reverse());
    expect(tableStacks(markdown)).toEqual(['dev-cluster', 'dev-platform', 'staging-monitors', 'prod-cluster', 'prod-monitors']);
  });

  test('puts bootstrap first and stacks it does not know last', () => {
    const markdown = renderPlanSummary([stackPlan('sandbox-cluster', []), fixturePlan('dev-cluster'), stackPlan('bootstrap', [])]);
    expect(tableStacks(markdown)).toEqual(['bootstrap', 'dev-cluster', 'sandbox-cluster']);
  });

  test('counts creates as adds and a data-source read as unchanged', () => {
    expect(tableRow(renderPlanSummary(FIXTURES), 'dev-cluster')).toMatchObject({ add: 3, change: 0, replace: 0, destroy: 0, unchanged: 3 });
  });

  test('counts an in-place update as a change and a delete-then-create as a replacement', () => {
    expect(tableRow(renderPlanSummary(FIXTURES), 'dev-platform')).toMatchObject({ add: 0, change: 1, replace: 1, destroy: 0, unchanged: 1 });
  });

  test('counts a create-then-delete as a replacement and a delete as a destroy', () => {
    expect(tableRow(renderPlanSummary(FIXTURES), 'staging-monitors')).toMatchObject({ add: 1, change: 0, replace: 1, destroy: 1 });
  });

  test('counts a plan with only no-op resources as unchanged', () => {
    expect(tableRow(renderPlanSummary(FIXTURES), 'prod-monitors')).toMatchObject({ add: 0, change: 0, replace: 0, destroy: 0, unchanged: 2 });
  });

  test('counts forget on its own, not as a destroy', () => {
    const markdown = renderPlanSummary([stackPlan('dev-cluster', [['aws_vpc.main', ['forget']]])]);
    expect(tableRow(markdown, 'dev-cluster')).toMatchObject({ destroy: 0, forget: 1 });
  });

  test('sums the stacks in a headline', () => {
    expect(renderPlanSummary(FIXTURES)).toContain('**5 stacks:** 4 to add, 2 to change, 3 to replace, 3 to destroy.');
  });

  test('calls out every production destroy and replacement before the table', () => {
    const markdown = renderPlanSummary(FIXTURES);
    const caution = markdown.slice(markdown.indexOf('> [!CAUTION]'), markdown.indexOf('| stack |'));
    expect(caution.split('\n').filter((line) => line.startsWith('> - '))).toEqual([
      '> - `prod-cluster`: **replace (destroy, then create)** `aws_eks_access_entry.eks_admin-access-platform-admin_598A5B4A`',
      '> - `prod-cluster`: **destroy** `aws_eks_node_group.eks_node-group-monitors_node-group_2BD64F12`',
      '> - `prod-cluster`: **destroy** `aws_launch_template.eks_node-group-monitors_launch-template_48703B0C`',
    ]);
  });

  test('calls out a production create-then-delete replacement too', () => {
    const markdown = renderPlanSummary([stackPlan('prod-monitors', [['kubernetes_manifest.rules', ['create', 'delete']]])]);
    expect(markdown).toContain('> - `prod-monitors`: **replace (create, then destroy)** `kubernetes_manifest.rules`');
  });

  test('does not call out destroys outside production', () => {
    const markdown = renderPlanSummary(FIXTURES.filter((plan) => !plan.stack.startsWith('prod-')));
    expect(markdown).not.toContain('[!CAUTION]');
  });

  test('does not call out production creates and updates', () => {
    const markdown = renderPlanSummary([stackPlan('prod-platform', [['helm_release.kps', ['update']], ['helm_release.eso', ['create']]])]);
    expect(markdown).not.toContain('[!CAUTION]');
  });

  test('treats the environments it is told are production as production', () => {
    const markdown = renderPlanSummary([stackPlan('live-cluster', [['aws_eks_cluster.main', ['delete']]])], { productionEnvironments: ['live'] });
    expect(markdown).toContain('> - `live-cluster`: **destroy** `aws_eks_cluster.main`');
  });

  test('lists every change with Terraform symbols in a collapsed section, leaving out no-op resources', () => {
    const lines = listedLines(renderPlanSummary([fixturePlan('prod-cluster')]));
    expect(lines.slice(1)).toEqual([
      '# prod-cluster',
      '~ aws_eks_addon.eks_coredns_EA4DB246',
      '-/+ aws_eks_access_entry.eks_admin-access-platform-admin_598A5B4A',
      '- aws_eks_node_group.eks_node-group-monitors_node-group_2BD64F12',
      '- aws_launch_template.eks_node-group-monitors_launch-template_48703B0C',
    ]);
  });

  test('marks a create-then-delete replacement +/- and a data-source read <=', () => {
    const lines = listedLines(renderPlanSummary([fixturePlan('staging-monitors'), fixturePlan('dev-cluster')]));
    expect(lines).toEqual(expect.arrayContaining(['+/- kubernetes_manifest.rules_pyth-feeds_rule_5A6B7C8D', '<= data.aws_iam_policy_document.eks_batch-node-assume_3B4C5D6E']));
  });

  test('puts the list inside <details> after the summary', () => {
    const markdown = renderPlanSummary(FIXTURES);
    expect(markdown.indexOf('<details>')).toBeGreaterThan(markdown.indexOf('| stack |'));
  });

  test('says a stack without changes has none', () => {
    expect(listedLines(renderPlanSummary([fixturePlan('prod-monitors')]))).toContain('# prod-monitors: no changes');
  });

  test('names the expected stacks that have no plan', () => {
    const markdown = renderPlanSummary([fixturePlan('dev-cluster')], { expectedStacks: ['dev-cluster', 'dev-platform', 'prod-monitors'] });
    expect(markdown).toContain('> No plan for `dev-platform`, `prod-monitors`:');
  });

  test('names the Terraform version that made the plans', () => {
    expect(renderPlanSummary(FIXTURES)).toContain('Planned with Terraform 1.11.4.');
  });

  test('says when no plans were given', () => {
    expect(renderPlanSummary([])).toContain('No plans were given.');
  });

  test('stays under GitHub\'s comment limit for an oversized plan by truncating only the list', () => {
    const plans = [...FIXTURES, largePlan('dev-monitors', 5_000)];
    const markdown = renderPlanSummary(plans);
    expectWellFormed(markdown, GITHUB_COMMENT_MAX_LENGTH);
    expect(tableRow(markdown, 'dev-monitors')).toMatchObject({ add: 5_000 });
    expect(tableStacks(markdown)).toHaveLength(6);
    expect(markdown).toContain('> - `prod-cluster`: **destroy** `aws_launch_template.eks_node-group-monitors_launch-template_48703B0C`');
  });

  test('says how many lines of the list it omitted, and the count is exact', () => {
    const plans = [...FIXTURES, largePlan('dev-monitors', 5_000)];
    const fullLines = listedLines(renderPlanSummary(plans, { maxLength: UNLIMITED })).length;
    const markdown = renderPlanSummary(plans);
    const omitted = /\*\*Truncated:\*\* ([\d,]+) lines \(/.exec(markdown)?.[1];
    expect(Number(omitted?.replace(/,/g, ''))).toBe(fullLines - listedLines(markdown).length);
  });

  test('says in the collapsed label that the list is truncated', () => {
    const markdown = renderPlanSummary([largePlan('dev-monitors', 5_000)]);
    expect(markdown).toMatch(/<summary>Resource changes: 5,000 \(truncated: [\d,]+ lines omitted\)<\/summary>/);
  });

  test('leaves no code fence or <details> open wherever the cut falls', () => {
    const plans = [fixturePlan('prod-cluster'), largePlan('dev-monitors', 40)];
    const fullLength = renderPlanSummary(plans).length;
    const summaryOnly = renderPlanSummary([fixturePlan('prod-cluster')], { maxLength: UNLIMITED }).indexOf('<details>');
    for (let maxLength = summaryOnly; maxLength <= fullLength; maxLength += 97) {
      expectWellFormed(renderPlanSummary(plans, { maxLength }), maxLength);
    }
  });

  test('leaves the list out and shortens the production list, with its count, when the summary alone is too long', () => {
    const plans = [largePlan('prod-monitors', 300, ['delete'])];
    const markdown = renderPlanSummary(plans, { maxLength: 8_000 });
    expectWellFormed(markdown, 8_000);
    expect(markdown).not.toContain('<details>');
    expect(markdown).toMatch(/> - \.\.\.and [\d,]+ more, left out to fit the comment/);
    expect(tableRow(markdown, 'prod-monitors')).toMatchObject({ destroy: 300 });
  });

  test('fails when even the table does not fit', () => {
    expect(() => renderPlanSummary(FIXTURES, { maxLength: 100 })).toThrow('the summary table of 5 stacks alone is longer than maxLength 100');
  });

  test('fails when two plans are for the same stack', () => {
    expect(() => renderPlanSummary([fixturePlan('dev-cluster'), fixturePlan('dev-cluster')])).toThrow('stack "dev-cluster" has more than one plan');
  });

  test('fails when a stack name could break the table', () => {
    expect(() => renderPlanSummary([stackPlan('dev|cluster', [])])).toThrow('stack name "dev|cluster" is not allowed');
  });

  test('fails when maxLength is not a positive integer', () => {
    expect(() => renderPlanSummary(FIXTURES, { maxLength: 0 })).toThrow('maxLength 0 is not allowed (allowed: a positive integer)');
  });
});
