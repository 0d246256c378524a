import * as fs from 'fs';
import * as path from 'path';

/**
 * Removes the folders under `<outdir>/stacks` that this synth did not write (a removed or renamed environment's
 * `<env>-*` stacks), so cdktf.out holds exactly the app's stacks. A folder holding local Terraform state (the
 * bootstrap procedure's first apply) is kept and named instead: deleting state is never a side effect of synth.
 * Returns what was removed and what was kept.
 */
export function removeStaleStacks(outdir: string, written: readonly string[]): { removed: string[]; kept: string[] } {
  const stacksDir = path.join(outdir, 'stacks');
  const removed: string[] = [];
  const kept: string[] = [];
  if (!fs.existsSync(stacksDir)) return { removed, kept };
  for (const entry of fs.readdirSync(stacksDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || written.includes(entry.name)) continue;
    const folder = path.join(stacksDir, entry.name);
    if (fs.readdirSync(folder).some((file) => /\.tfstate(\.backup)?$/.test(file))) {
      kept.push(entry.name);
      continue;
    }
    fs.rmSync(folder, { recursive: true, force: true });
    removed.push(entry.name);
  }
  return { removed, kept };
}
