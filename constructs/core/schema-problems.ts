import { z } from 'zod';
import { describeValue, ValidationError, type ValidationProblem } from './validation-error';

/**
 * Turns zod's issues into feedops' problem lines (`scope: path: what (allowed: ...)`), so every schema in the library
 * (environment, price feeds, routing, wallets, endpoints) reports in one format.
 */
export function schemaProblems(
  scope: string,
  issues: readonly z.core.$ZodIssue[],
  root: z.core.$ZodType,
  pathPrefix: readonly PropertyKey[] = [],
  raw?: unknown,
): ValidationProblem[] {
  return issues.flatMap((issue) => issueProblems(scope, issue, root, pathPrefix, raw));
}

/**
 * How feedops parses configuration: with each issue's input (for the messages), and without zod's JIT. The JIT
 * generates and compiles a function per object schema on its first parse, which pays off over many parses; a synth
 * parses each schema a few times, and without the JIT validating the environments takes 16 ms instead of 26 ms.
 */
export const CONFIG_PARSE: z.core.ParseContext<z.core.$ZodIssue> = { reportInput: true, jitless: true };

/** Parses `input` with `schema` or throws a ValidationError listing every issue. */
export function parseOrThrow<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  scope: string,
  options: { readonly pathPrefix?: readonly PropertyKey[]; readonly what?: string } = {},
): z.output<S> {
  const result = z.safeParse(schema, input, CONFIG_PARSE);
  if (!result.success) throw new ValidationError(schemaProblems(scope, result.error.issues, schema, options.pathPrefix, input), options.what);
  return result.data;
}

function issueProblems(scope: string, issue: z.core.$ZodIssue, root: z.core.$ZodType, prefix: readonly PropertyKey[], raw: unknown): ValidationProblem[] {
  const path = formatPath([...prefix, ...issue.path]);
  const input = (issue as { input?: unknown }).input;
  const at = (message: string): ValidationProblem[] => [{ scope, path, message }];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(root, issue.path, raw);
      return issue.keys.map((key) => ({ scope, path: formatPath([...prefix, ...issue.path, key]), message: `unknown field (allowed: ${allowed.join(', ')})` }));
    }
    case 'invalid_type':
      return at(input === undefined ? `is missing (allowed: ${issue.expected})` : `${describeValue(input)} (allowed: ${issue.expected})`);
    case 'invalid_value':
      return at(`${describeValue(input)} (allowed: ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`);
    case 'too_small':
      return at(`${sizeOf(input)} (allowed: ${issue.inclusive === false ? 'above' : 'at least'} ${String(issue.minimum)})`);
    case 'too_big':
      return at(`${sizeOf(input)} (allowed: ${issue.inclusive === false ? 'below' : 'at most'} ${String(issue.maximum)})`);
    case 'invalid_key':
      // A record key failed its schema: report the key's own messages at the key's path.
      return [{ scope, path, message: `key ${describeValue(input)} ${issue.issues.map((inner) => inner.message).join('; ')}` }];
    case 'invalid_union': {
      // A tagged union (e.g. an endpoint's `kind`) with an unknown tag: name the tag's value and the known ones.
      const union = issue as z.core.$ZodIssueInvalidUnion & { discriminator?: string; options?: unknown[] };
      if (union.discriminator) {
        const tag = (input as Record<string, unknown> | undefined)?.[union.discriminator];
        return [{ scope, path, message: `${describeValue(tag)} (allowed: ${(union.options ?? []).map((o) => JSON.stringify(o)).join(', ')})` }];
      }
      return at(`${describeValue(input)} ${issue.message}`);
    }
    default:
      // Custom refinements and formats word their own message, ending with "(allowed: ...)".
      return at(`${describeValue(input)} ${issue.message}`);
  }
}

/**
 * The field names of the object schema at `path`, for "unknown field" messages. `raw` is the whole input: a tagged
 * union on the way (an endpoint's `kind`) is resolved by the value's tag.
 */
export function allowedKeysAt(root: z.core.$ZodType, path: readonly PropertyKey[], raw?: unknown): string[] {
  let schema: z.core.$ZodType | undefined = root;
  let value = raw;
  for (const segment of path) {
    schema = schema ? unionOption(unwrap(schema), value) : undefined;
    schema = schema ? childSchema(schema, segment) : undefined;
    value = (value as Record<PropertyKey, unknown> | undefined)?.[segment];
  }
  schema = schema ? unwrap(schema) : undefined;
  schema = schema ? unionOption(schema, value) : undefined;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function childSchema(schema: z.core.$ZodType, segment: PropertyKey): z.core.$ZodType | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return inner.shape[String(segment)];
  if (inner instanceof z.ZodRecord) return inner.def.valueType;
  if (inner instanceof z.ZodArray) return inner.def.element;
  return undefined;
}

/** The option of a tagged union that `value`'s tag selects (e.g. the http endpoint schema for kind "http"). */
function unionOption(schema: z.core.$ZodType, value: unknown): z.core.$ZodType | undefined {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return schema;
  const tag = (value as Record<string, unknown> | undefined)?.[schema.def.discriminator];
  return schema.options.find((option) => option instanceof z.ZodObject && (option.shape[schema.def.discriminator] as z.ZodLiteral)?.def.values.includes(tag as never));
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.def.innerType;
    else if (current instanceof z.ZodPipe) current = current.def.in;
    else return current;
  }
}

/** `a.b[0]["Crypto.BTC/USD"]`: keys that are not plain identifiers are quoted, so a symbol reads as one segment. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const key = String(segment);
    if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${text}[${JSON.stringify(key)}]`;
    return text ? `${text}.${key}` : key;
  }, '');
}

function sizeOf(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} entries`;
  if (typeof value === 'string') return `${JSON.stringify(value)} (${value.length} characters)`;
  return describeValue(value);
}
