import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { runTool } from '../../support/tools';
import type { DashboardQuery } from './dashboard-queries';

export interface RejectedQuery extends DashboardQuery {
  readonly promtool: string;
}

/**
 * Runs `promtool check rules` over the queries written as recording rules `dashboard:query_<n>` (the same parser
 * Prometheus uses for queries). All at once first; when that fails, each alone, to name the bad ones.
 */
export function queriesRejectedByPromtool(queries: readonly DashboardQuery[]): RejectedQuery[] {
  const whole = checkRules(queries);
  if (whole.status === 0) return [];
  const rejected = queries
    .map((query) => ({ ...query, result: checkRules([query]) }))
    .filter(({ result }) => result.status !== 0)
    .map(({ source, expr, result }) => ({ source, expr, promtool: result.output.trim() }));
  if (rejected.length === 0) throw new Error(`promtool rejected the queries together but none alone:\n${whole.output}`);
  return rejected;
}

function checkRules(queries: readonly DashboardQuery[]) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-dashboard-queries-'));
  try {
    const file = path.join(directory, 'dashboard-queries.rules.yml');
    const rules = queries.map((query, index) => ({ record: `dashboard:query_${index + 1}`, expr: query.expr }));
    fs.writeFileSync(file, stringify({ groups: [{ name: 'dashboard-queries', rules }] }));
    return runTool('promtool', ['check', 'rules', file]);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
