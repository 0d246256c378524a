import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';

/** The real binaries tests and the benchmark drive, from Debian's `prometheus`, `prometheus-alertmanager` and `prometheus-blackbox-exporter` packages. */
export type Tool = 'promtool' | 'amtool' | 'prometheus' | 'alertmanager' | 'blackbox_exporter';

const CANDIDATES: Record<Tool, string[]> = {
  promtool: ['promtool'],
  amtool: ['amtool'],
  prometheus: ['prometheus'],
  // Debian names the server binary prometheus-alertmanager.
  alertmanager: ['prometheus-alertmanager', 'alertmanager'],
  // Endpoint probes (issue 10): Debian's `prometheus-blackbox-exporter` (v0.23; the chart runs v0.28).
  blackbox_exporter: ['prometheus-blackbox-exporter', 'blackbox_exporter'],
};

export const INSTALL_COMMAND = 'apt-get update && apt-get install -y prometheus prometheus-alertmanager prometheus-blackbox-exporter';
// Compiled to dist/scripts/; the installer stays in the source tree.
const INSTALL_SCRIPT = path.resolve(__dirname, '../../scripts/install-test-tools.sh');

const resolved = new Map<Tool, string>();

/**
 * The absolute path of a tool. When it is missing and we are root, installs it with apt (as CI's .ci/run does);
 * otherwise fails with the exact install command. It never lets a test pass without the tool.
 */
export function toolPath(tool: Tool): string {
  const cached = resolved.get(tool);
  if (cached) return cached;
  let found = which(tool);
  if (!found && process.getuid?.() === 0) {
    const install = spawnSync('bash', [INSTALL_SCRIPT], { encoding: 'utf8' });
    if (install.status !== 0) {
      throw new Error(`${tool} is missing and installing it failed:\n${install.stderr}\nInstall it with: ${INSTALL_COMMAND}`);
    }
    found = which(tool);
  }
  if (!found) throw new Error(`${tool} is not installed. Install it with: ${INSTALL_COMMAND}`);
  resolved.set(tool, found);
  return found;
}

function which(tool: Tool): string | undefined {
  for (const name of CANDIDATES[tool]) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this name
    }
  }
  return undefined;
}

/** Runs a tool to completion; returns its exit status and combined output. */
export function runTool(tool: Tool, args: readonly string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(toolPath(tool), args, { encoding: 'utf8', cwd: options.cwd, input: options.input, timeout: 60_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}
