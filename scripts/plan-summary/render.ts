import { sortInApplyOrder } from './apply-order';
import { CHANGE_COLUMNS, CHANGE_LEGEND, ChangeColumn, changeColumn, changeSymbol, describeChange, destroysExistingObject, isListed } from './change-kind';
import { fitLargest } from './fit';
import { formatCount, inlineCode, plural, singleLine } from './markdown';
import type { PlannedChange, TerraformPlan } from './plan-json';

/** Hidden first line of the comment; the plan workflow finds its own comment by it and updates it. */
export const PLAN_SUMMARY_MARKER = '<!-- feedops-plan-summary -->';

/** GitHub rejects issue and pull-request comments longer than this many characters. */
export const GITHUB_COMMENT_MAX_LENGTH = 65_536;

/** Environments in apply order when the caller does not pass the configured ones. */
export const DEFAULT_ENVIRONMENTS: readonly string[] = ['dev', 'staging', 'prod'];

/** Environments whose destroys and replacements are called out first, when the caller does not pass them. */
export const DEFAULT_PRODUCTION_ENVIRONMENTS: readonly string[] = ['prod'];

/** The plan of one stack; `stack` is its cdktf stack name (`bootstrap`, `<env>-<layer>`). */
export interface StackPlan {
  readonly stack: string;
  readonly plan: TerraformPlan;
}

export interface PlanSummaryOptions {
  /** Environment names in apply order; stacks are shown in this order. @default DEFAULT_ENVIRONMENTS */
  readonly environments?: readonly string[];
  /**
   * Environments whose destroys and replacements are listed first, in a caution block. A stack belongs to an
   * environment when its name starts with `<environment>-`.
   * @default DEFAULT_PRODUCTION_ENVIRONMENTS
   */
  readonly productionEnvironments?: readonly string[];
  /** Stacks that should have a plan; any without one is named in a warning (a plan job failed). @default - none */
  readonly expectedStacks?: readonly string[];
  /**
   * Longest comment to return, in UTF-16 code units (never fewer than GitHub's count of characters).
   * @default GITHUB_COMMENT_MAX_LENGTH
   */
  readonly maxLength?: number;
}

interface StackSummary {
  readonly stack: string;
  readonly production: boolean;
  readonly counts: Readonly<Record<ChangeColumn, number>>;
  /** Changes the resource list shows (everything but no-op), in plan order. */
  readonly listed: readonly PlannedChange[];
}

/**
 * GitHub pull-request comment markdown for the plans of several stacks: the marker, production destroys and
 * replacements first, a table per stack in apply order, then every change in a collapsed list. Only the list is
 * ever shortened to fit `maxLength` (and says so); if the summary alone is too long, the production list is
 * shortened last, with the number left out.
 */
export function renderPlanSummary(plans: readonly StackPlan[], options: PlanSummaryOptions = {}): string {
  const environments = options.environments ?? DEFAULT_ENVIRONMENTS;
  const productionEnvironments = options.productionEnvironments ?? DEFAULT_PRODUCTION_ENVIRONMENTS;
  const maxLength = options.maxLength ?? GITHUB_COMMENT_MAX_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new Error(`renderPlanSummary: maxLength ${maxLength} is not allowed (allowed: a positive integer)`);
  }
  checkStackNames(plans);

  const stacks = sortInApplyOrder(plans, (plan) => plan.stack, environments).map((plan) =>
    summarizeStack(plan, productionEnvironments),
  );
  const planned = new Set(plans.map((plan) => plan.stack));
  const missing = sortInApplyOrder((options.expectedStacks ?? []).filter((stack) => !planned.has(stack)), (stack) => stack, environments);
  const productionChanges = stacks.filter((stack) => stack.production).flatMap((stack) =>
    stack.listed.filter((change) => destroysExistingObject(change.kind)).map((change) => ({ stack: stack.stack, change })),
  );
  const versions = [...new Set(plans.map((plan) => plan.plan.terraformVersion).filter((version): version is string => !!version))].sort();

  const head = (productionShown: number) =>
    [
      PLAN_SUMMARY_MARKER,
      '## Terraform plan',
      headline(stacks),
      ...productionBlock(productionChanges, productionShown),
      ...missingBlock(missing),
      table(stacks),
      versions.length > 0 ? `Planned with Terraform ${versions.join(', ')}.` : '',
    ]
      .filter((block) => block !== '')
      .join('\n\n');

  const lines = resourceLines(stacks);
  const changeCount = stacks.reduce((sum, stack) => sum + stack.listed.length, 0);
  const fullHead = head(productionChanges.length);
  const withList = (shown: number) => `${fullHead}\n\n${resourceList(lines, shown, changeCount, maxLength)}\n`;
  const shownLines = fitLargest(lines.length, withList, maxLength);
  if (shownLines !== undefined) return withList(shownLines);

  // Not even an empty list fits: leave it out, then shorten the production list as the last resort.
  const withoutList = (productionShown: number) => `${head(productionShown)}\n\n${listLeftOut(changeCount, maxLength)}\n`;
  const productionShown = fitLargest(productionChanges.length, withoutList, maxLength);
  if (productionShown === undefined) {
    throw new Error(`renderPlanSummary: the summary table of ${stacks.length} stacks alone is longer than maxLength ${maxLength}`);
  }
  return withoutList(productionShown);
}

function checkStackNames(plans: readonly StackPlan[]): void {
  const seen = new Set<string>();
  for (const { stack } of plans) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(stack)) {
      throw new Error(`renderPlanSummary: stack name ${JSON.stringify(stack)} is not allowed (allowed: letters, digits, ".", "_", "-", e.g. "prod-cluster")`);
    }
    if (seen.has(stack)) throw new Error(`renderPlanSummary: stack "${stack}" has more than one plan (allowed: one plan per stack)`);
    seen.add(stack);
  }
}

function summarizeStack({ stack, plan }: StackPlan, productionEnvironments: readonly string[]): StackSummary {
  const counts = Object.fromEntries(CHANGE_COLUMNS.map((column) => [column, 0])) as Record<ChangeColumn, number>;
  for (const change of plan.resourceChanges) counts[changeColumn(change.kind)] += 1;
  return {
    stack,
    production: productionEnvironments.some((environment) => stack.startsWith(`${environment}-`)),
    counts,
    listed: plan.resourceChanges.filter((change) => isListed(change.kind)),
  };
}

function headline(stacks: readonly StackSummary[]): string {
  if (stacks.length === 0) return 'No plans were given.';
  const total = (column: ChangeColumn) => stacks.reduce((sum, stack) => sum + stack.counts[column], 0);
  const parts = [`${formatCount(total('add'))} to add`, `${formatCount(total('change'))} to change`, `${formatCount(total('replace'))} to replace`, `${formatCount(total('destroy'))} to destroy`];
  if (total('forget') > 0) parts.push(`${formatCount(total('forget'))} to forget`);
  return `**${plural(stacks.length, 'stack')}:** ${parts.join(', ')}.`;
}

function productionBlock(changes: readonly { stack: string; change: PlannedChange }[], shown: number): string[] {
  if (changes.length === 0) return [];
  const items = changes.slice(0, shown).map(({ stack, change }) => `> - ${inlineCode(stack)}: **${describeChange(change.kind)}** ${inlineCode(change.address)}`);
  if (shown < changes.length) {
    items.push(`> - ...and ${formatCount(changes.length - shown)} more, left out to fit the comment; the plan job's log lists them all.`);
  }
  const title = `> **Production: ${plural(changes.length, 'destroy or replacement', 'destroys or replacements')}.** Check each before merging.`;
  return [['> [!CAUTION]', title, '>', ...items].join('\n')];
}

function missingBlock(missing: readonly string[]): string[] {
  if (missing.length === 0) return [];
  return [`> [!WARNING]\n> No plan for ${missing.map(inlineCode).join(', ')}: its plan job failed or was skipped, so the numbers below leave it out.`];
}

function table(stacks: readonly StackSummary[]): string {
  if (stacks.length === 0) return '';
  const rows = stacks.map((stack) => `| ${inlineCode(stack.stack)} | ${CHANGE_COLUMNS.map((column) => formatCount(stack.counts[column])).join(' | ')} |`);
  return [`| stack | ${CHANGE_COLUMNS.join(' | ')} |`, `|:--|${CHANGE_COLUMNS.map(() => '--:').join('|')}|`, ...rows].join('\n');
}

interface ListLine {
  readonly text: string;
  /** Whether the line is one resource change (not a heading). */
  readonly isChange: boolean;
}

function resourceLines(stacks: readonly StackSummary[]): ListLine[] {
  const lines: ListLine[] = [{ text: `# ${CHANGE_LEGEND}`, isChange: false }];
  for (const stack of stacks) {
    lines.push({ text: `# ${stack.stack}${stack.listed.length === 0 ? ': no changes' : ''}`, isChange: false });
    // Every line starts with a change symbol or "#", never with a backtick, so no line can close the fence.
    for (const change of stack.listed) lines.push({ text: `${changeSymbol(change.kind)} ${singleLine(change.address)}`, isChange: true });
  }
  return lines;
}

/** The collapsed list with its first `shown` lines; a cut closes the fence and `<details>` and says what is left out. */
function resourceList(lines: readonly ListLine[], shown: number, changeCount: number, maxLength: number): string {
  const omittedLines = lines.length - shown;
  const omittedChanges = lines.slice(shown).filter((line) => line.isChange).length;
  const label = omittedLines === 0
    ? `Resource changes: ${formatCount(changeCount)}`
    : `Resource changes: ${formatCount(changeCount)} (truncated: ${plural(omittedLines, 'line')} omitted)`;
  const body = ['```diff', ...lines.slice(0, shown).map((line) => line.text), '```'].join('\n');
  const note = omittedLines === 0
    ? ''
    : `\n\n**Truncated:** ${plural(omittedLines, 'line')} (${plural(omittedChanges, 'resource change')}) omitted to keep the comment within ${formatCount(maxLength)} characters; the plan job's log has the full plan.`;
  return `<details>\n<summary>${label}</summary>\n\n${body}${note}\n\n</details>`;
}

function listLeftOut(changeCount: number, maxLength: number): string {
  return `**Truncated:** the list of ${plural(changeCount, 'resource change')} is omitted to keep the comment within ${formatCount(maxLength)} characters; the plan job's log has the full plan.`;
}
