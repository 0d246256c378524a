import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS } from '../environments';
import { sortInApplyOrder } from './plan-summary/apply-order';

/** Prints one line per synthesized stack: name, resource count, output names. */
interface Manifest {
  stacks: Record<string, { synthesizedStackPath: string }>;
}

function main(outdir: string): void {
  const manifestPath = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    process.stderr.write(`synth-summary: ${manifestPath} not found; run the app first (npm run synth)\n`);
    process.exit(1);
  }
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
  process.stdout.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
  process.stdout.write(`wrote ${rows.length} stacks to ${path.join(outdir, 'stacks')}/<stack>/cdk.tf.json\n`);
}

main(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
