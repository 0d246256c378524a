/**
 * The one error type of feedops for bad input: every construct, renderer and the environment loader throw it, so
 * a caller sees one format whatever the source. Each problem names where it is (`scope`: an environment or a
 * construct), the field path, the bad value and what is allowed.
 */
export interface ValidationProblem {
  /** What was being validated: an environment name, a construct path, or a renderer ("Price feeds dashboard"). */
  readonly scope: string;
  /** Dotted field path, e.g. `priceFeeds.feeds["Crypto.BTC/USD"].minPublishers`; '' for the whole input. */
  readonly path: string;
  /** What is wrong, ending with `(allowed: ...)`. */
  readonly message: string;
}

export class ValidationError extends Error {
  /** Brand, so an error from another copy of feedops is recognised too (`instanceof` fails across copies). */
  public static readonly BRAND = Symbol.for('feedops.ValidationError');

  public static isValidationError(error: unknown): error is ValidationError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[ValidationError.BRAND] === true;
  }

  public readonly problems: readonly ValidationProblem[];

  constructor(problems: readonly ValidationProblem[], what = 'input') {
    super(`invalid ${what} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ValidationError';
    this.problems = problems;
    Object.defineProperty(this, ValidationError.BRAND, { value: true });
  }
}

/** `scope: path: message`, the line format of every problem. */
export function formatProblem(problem: ValidationProblem): string {
  return `${problem.scope}: ${problem.path || '(root)'}: ${problem.message}`;
}

/** Shows a bad value in a message: strings quoted, objects and lists named rather than dumped. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') {
    const text = String(value);
    return text.startsWith('[object') ? 'an object' : JSON.stringify(text);
  }
  return `${typeof value} ${String(value)}`;
}

/**
 * Collects problems of one scope and throws them together: renderers report every bad option at once.
 * `problem(path, value, allowed)` words the message as `<value> (allowed: <allowed>)`.
 */
export class ProblemCollector {
  private readonly problems: ValidationProblem[] = [];

  constructor(private readonly scope: string) {}

  public add(path: string, message: string): void {
    this.problems.push({ scope: this.scope, path, message });
  }

  public problem(path: string, value: unknown, allowed: string): void {
    this.add(path, `${describeValue(value)} (allowed: ${allowed})`);
  }

  public get count(): number {
    return this.problems.length;
  }

  public throwIfAny(what?: string): void {
    if (this.problems.length > 0) throw new ValidationError(this.problems, what);
  }
}

/** Throws a ValidationError with one problem: for constructs and renderers that stop at the first bad prop. */
export function invalid(scope: string, path: string, message: string): never {
  throw new ValidationError([{ scope, path, message }]);
}
