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

/**
 * How long one tool run may take before it is killed. promtool and amtool finish in well under a second on an idle
 * machine; a `promtool test rules` over a whole pack took 20-40 s with five agents on two cores, so the limit leaves
 * several times that. (Set FEEDOPS_TOOL_TIMEOUT_SECONDS to change it for one run.)
 */
export const DEFAULT_TOOL_TIMEOUT_MS = 300_000;

export function toolTimeoutMs(environment: NodeJS.ProcessEnv = process.env): number {
  const override = Number(environment.FEEDOPS_TOOL_TIMEOUT_SECONDS);
  return Number.isFinite(override) && override > 0 ? override * 1000 : DEFAULT_TOOL_TIMEOUT_MS;
}

/** A tool run that was killed at its time limit (or by a signal): what it printed until then is in the message. */
export class ToolTimeoutError extends Error {
  constructor(
    public readonly tool: string,
    public readonly args: readonly string[],
    public readonly reason: string,
    public readonly stdout: string,
    public readonly stderr: string,
  ) {
    super(`${tool} ${args.join(' ')}: ${reason}\n--- stdout ---\n${stdout || '(empty)'}\n--- stderr ---\n${stderr || '(empty)'}`);
    this.name = 'ToolTimeoutError';
  }
}

/**
 * Runs a tool to completion; returns its exit status and combined output. A run killed at the time limit or by a
 * signal throws ToolTimeoutError with the tool's stdout and stderr, instead of returning a null status.
 */
export function runTool(tool: Tool, args: readonly string[], options: ToolRunOptions = {}) {
  return runCommand(toolPath(tool), args, withOneShotGoRuntime(options), tool);
}

/**
 * Go runtime settings for a one-shot promtool or amtool run. By default Go's collector works on every core beside the
 * tool and collects at each doubling of the heap; one core and a collection at each tripling cut the promtool and
 * amtool test files' CPU by about a fifth (docs/performance.md), at under 100 MB. The servers keep Go's defaults.
 */
export const ONE_SHOT_GO_RUNTIME: Readonly<Record<string, string>> = { GOMAXPROCS: '1', GOGC: '200' };

/** The run's options with ONE_SHOT_GO_RUNTIME added to its environment; a caller's own values win. */
export function withOneShotGoRuntime(options: ToolRunOptions): ToolRunOptions {
  return { ...options, env: { ...ONE_SHOT_GO_RUNTIME, ...options.env } };
}

export interface ToolRunOptions {
  readonly cwd?: string;
  readonly input?: string;
  readonly timeoutMs?: number;
  /** Variables added to the tool's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** runTool for any executable (the timeout handling is what tests of it exercise). */
export function runCommand(executable: string, args: readonly string[], options: ToolRunOptions = {}, name = executable) {
  const timeoutMs = options.timeoutMs ?? toolTimeoutMs();
  const env = options.env ? { ...process.env, ...options.env } : undefined;
  const result = spawnSync(executable, args, { encoding: 'utf8', cwd: options.cwd, input: options.input, env, timeout: timeoutMs, killSignal: 'SIGKILL' });
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  if (timedOut) throw new ToolTimeoutError(name, args, `timed out after ${timeoutMs / 1000} s and was killed`, stdout, stderr);
  if (result.error) throw new ToolTimeoutError(name, args, `could not run: ${result.error.message}`, stdout, stderr);
  if (result.status === null) throw new ToolTimeoutError(name, args, `was killed by ${result.signal ?? 'a signal'}`, stdout, stderr);
  return { status: result.status, output: `${stdout}${stderr}` };
}
