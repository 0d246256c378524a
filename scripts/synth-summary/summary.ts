import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS } from '../../environments';
import { sortInApplyOrder } from '../plan-summary/apply-order';

interface Manifest {
  stacks: Record<string, { synthesizedStackPath: string }>;
}

/**
 * One line per stack synthesized into `outdir` (apply order): name, resource count, output names; then where they
 * are. `npm run synth` prints it from the app's own process (`node dist/main.js --summary`); scripts/synth-summary.ts
 * prints it for an existing output (after `npx cdktf synth`). Undefined when `outdir` has no manifest.
 */
export function synthSummary(outdir: string): string | undefined {
  const manifestPath = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  const stacks = sortInApplyOrder(Object.entries(manifest.stacks), ([stack]) => stack, Object.keys(ENVIRONMENTS));
  const rows = stacks.map(([stack, entry]) => {
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, entry.synthesizedStackPath), 'utf8')) as {
      resource?: Record<string, Record<string, unknown>>;
      output?: Record<string, unknown>;
    };
    const resources = Object.values(tf.resource ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
    return [stack, String(resources), Object.keys(tf.output ?? {}).join(', ') || '-'];
  });
  const header = ['stack', 'resources', 'outputs'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n` + `wrote ${rows.length} stacks to ${path.join(outdir, 'stacks')}/<stack>/cdk.tf.json\n`;
}
