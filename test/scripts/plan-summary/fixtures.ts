import * as fs from 'fs';
import * as path from 'path';
import { parsePlanJson } from '../../../scripts/plan-summary/plan-json';
import type { StackPlan } from '../../../scripts/plan-summary/render';

/** test/fixtures/plans in the source tree (tests run from dist/test/...). */
export const PLAN_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/plans');

/** The realistic fixture plans, one per stack, named `<stack>.json`. */
export const FIXTURE_STACKS = ['dev-cluster', 'dev-platform', 'staging-monitors', 'prod-cluster', 'prod-monitors'] as const;

export function fixturePath(name: string): string {
  return path.join(PLAN_FIXTURES, name);
}

export function readFixture(name: string): string {
  return fs.readFileSync(fixturePath(name), 'utf8');
}

export function fixturePlan(stack: string): StackPlan {
  const file = `${stack}.json`;
  return { stack, plan: parsePlanJson(readFixture(file), file) };
}

/** A minimal but well-formed plan document with the given resource changes. */
export function planDocument(changes: ReadonlyArray<readonly [address: string, actions: readonly string[]]>): string {
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: {} },
    resource_changes: changes.map(([address, actions]) => ({ address, mode: 'managed', change: { actions } })),
  });
}

export function stackPlan(stack: string, changes: ReadonlyArray<readonly [string, readonly string[]]>): StackPlan {
  return { stack, plan: parsePlanJson(planDocument(changes), `${stack}.json`) };
}

/** Lines of the markdown that open or close a code fence. */
export function fenceLines(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('```'));
}

/** The lines inside the resource list's code fence. */
export function listedLines(markdown: string): string[] {
  const match = /```diff\n([\s\S]*?)\n?```/.exec(markdown);
  if (!match) return [];
  return match[1] === '' ? [] : match[1].split('\n');
}

export function count(text: string, fragment: string): number {
  return text.split(fragment).length - 1;
}
