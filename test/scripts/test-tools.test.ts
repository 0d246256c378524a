import { DEFAULT_TOOL_TIMEOUT_MS, runCommand, ToolTimeoutError, toolTimeoutMs, withOneShotGoRuntime } from '../../scripts/test-tools';

describe('runTool / runCommand', () => {
  test('returns the exit status and the combined output of a run that finishes', () => {
    expect(runCommand('sh', ['-c', 'echo out; echo err >&2; exit 3'], {})).toEqual({ status: 3, output: 'out\nerr\n' });
  });

  test('fails when the tool outlives its limit, as a timeout naming the limit and showing stdout and stderr', () => {
    let error: unknown;
    try {
      runCommand('sh', ['-c', 'echo partial result; echo still working >&2; exec sleep 30'], { timeoutMs: 500 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ToolTimeoutError);
    const { message, stdout, stderr } = error as ToolTimeoutError;
    expect({ stdout, stderr }).toEqual({ stdout: 'partial result\n', stderr: 'still working\n' });
    expect(message).toContain('timed out after 0.5 s');
    expect(message).toMatch(/--- stdout ---\npartial result\n[\s\S]*--- stderr ---\nstill working/);
  });

  test('fails when the tool is killed by a signal, naming the signal (never a silent null status)', () => {
    expect(() => runCommand('sh', ['-c', 'echo before; kill -9 $$'], {})).toThrow(/killed by SIGKILL[\s\S]*before/);
  });

  test('defaults to a limit that holds on a loaded machine, overridable per run', () => {
    expect(DEFAULT_TOOL_TIMEOUT_MS).toBeGreaterThanOrEqual(120_000);
    expect(toolTimeoutMs({})).toBe(DEFAULT_TOOL_TIMEOUT_MS);
    expect(toolTimeoutMs({ FEEDOPS_TOOL_TIMEOUT_SECONDS: '30' })).toBe(30_000);
    expect(toolTimeoutMs({ FEEDOPS_TOOL_TIMEOUT_SECONDS: 'soon' })).toBe(DEFAULT_TOOL_TIMEOUT_MS);
  });

  test('runs a one-shot Go tool on one core with a less frequent collector, unless the caller sets its own', () => {
    const printRuntime = ['-c', 'echo "$GOMAXPROCS $GOGC $FEEDOPS_CASE"'];
    expect(runCommand('sh', printRuntime, withOneShotGoRuntime({})).output).toBe('1 200 \n');
    expect(runCommand('sh', printRuntime, withOneShotGoRuntime({ env: { GOGC: '50', FEEDOPS_CASE: 'kept' } })).output).toBe('1 50 kept\n');
    expect(withOneShotGoRuntime({ cwd: '/tmp', timeoutMs: 5 })).toMatchObject({ cwd: '/tmp', timeoutMs: 5 });
  });
});
