import * as fs from 'fs';
import * as path from 'path';
import { ENVIRONMENTS } from '../environments';
import { BOOTSTRAP_STACK_NAME, ENVIRONMENT_LAYERS } from '../stacks/naming';

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
  const rows = Object.entries(manifest.stacks).sort(([a], [b]) => applyOrder(a) - applyOrder(b)).map(([stack, entry]) => {
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

/** Position of a stack in apply order: bootstrap, then each environment's layers. */
function applyOrder(stack: string): number {
  if (stack === BOOTSTRAP_STACK_NAME) return -1;
  const environments = Object.keys(ENVIRONMENTS);
  const layer = ENVIRONMENT_LAYERS.findIndex((l) => stack.endsWith(`-${l}`));
  const environment = environments.indexOf(stack.slice(0, stack.lastIndexOf('-')));
  return environment < 0 || layer < 0 ? Number.MAX_SAFE_INTEGER : environment * ENVIRONMENT_LAYERS.length + layer;
}

main(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
