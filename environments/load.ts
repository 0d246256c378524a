/**
 * Loads the environment data files one by one, so a file that throws while it loads (a typo in an expression, a
 * helper called with the wrong argument) is reported as `<env>: environments/<env>.ts: <what failed>` with the other
 * environments' problems, instead of a stack trace into compiled JavaScript.
 */

/** Where a registered environment's data lives, relative to the repository root. */
export function environmentFile(name: string): string {
  return `environments/${name}.ts`;
}

/** Stands in the registry for an environment whose file failed to load; validation reports it as a problem. */
export class EnvironmentFileFailure {
  constructor(
    /** The file, e.g. `environments/qa.ts`. */
    public readonly file: string,
    /** What failed, e.g. `TypeError: Cannot read properties of undefined (reading 'region')`. */
    public readonly message: string,
  ) {}
}

/**
 * Requires one environment file (`load` returns its module) and returns its export named after the environment,
 * or an EnvironmentFileFailure saying what went wrong.
 */
export function loadEnvironmentFile(name: string, load: () => Record<string, unknown>): unknown {
  const file = environmentFile(name);
  let exports: Record<string, unknown>;
  try {
    exports = load();
  } catch (error) {
    return new EnvironmentFileFailure(file, describeError(error));
  }
  if (!(name in exports)) {
    const found = Object.keys(exports).filter((key) => key !== '__esModule');
    return new EnvironmentFileFailure(file, `exports no "${name}" (allowed: \`export const ${name} = { name: '${name}', ... }\`; found: ${found.join(', ') || 'nothing'})`);
  }
  return exports[name];
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]} (while loading the file)`;
  return `threw ${JSON.stringify(String(error))} (while loading the file)`;
}
