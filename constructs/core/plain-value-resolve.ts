// cdktf's resolve (cdktf/lib/tokens/private/resolve.js, 0.21.0) visits every value of every element: for each one it
// joins the path so far into a string, builds two context objects with closures, copies its options and runs two to
// four regular expressions. Almost all of a synthesized stack is plain data (rule groups, dashboards, manifests) in
// which none of that can find anything. This walk returns plain data as cdktf would (a copy without `undefined`
// values) and hands cdktf every value that could hold a token, with the path and options cdktf would have given it,
// so tokens, escapes and cdktf's errors are cdktf's own. Installed by synthWithSavings (saving 5).

/** The options cdktf's resolve takes (IResolveOptions of resolve.ts, cdktf 0.21.0); the walk reads only the path. */
export interface CdktfResolveOptions {
  readonly prefix?: string[];
}
export type CdktfResolve = (value: unknown, options: CdktfResolveOptions) => unknown;

// What makes a value more than plain data to cdktf (encoding.ts, token.ts and resolve.ts, 0.21.0):
/** Every encoded string, list and map token: `${TfToken[`, `#{TfToken[`, `&{TfToken[`. */
const TOKEN_MARKER = '{TfToken[';
/** Strings cdktf refuses in a scalar context (Token.STRING_MAP_TOKEN_VALUE, Token.ANY_MAP_TOKEN_VALUE). */
const MAP_TOKEN_VALUES: ReadonlySet<string> = new Set(['String Map Token Value', 'Any Map Token Value']);
/**
 * cdktf's NUMBER_TOKEN_REGEX (`[-|\d|.\+]+(e[-|\d|.|e|E|\+]+)`, encoding.ts) matches somewhere exactly when three
 * characters in a row are one of its first class, an `e`, one of its second class: the same test in one pass,
 * where cdktf's backtracks over every run of digits.
 */
const NUMBER_TOKEN_WINDOW = /[-|\d.+]e[-|\d.eE+]/;
/** Token.NUMBER_MAP_TOKEN_VALUE: a number cdktf refuses in a scalar context. */
const NUMBER_MAP_TOKEN_VALUE = -123456789;
/** Number and list-number tokens are doubles with 0xfdff or 0xfbff in the top 16 bits: all at most -(2 ** 960). */
const TOKEN_DOUBLE_CEILING = -(2 ** 960);
/** cdktf's guard against cyclic structures: deeper paths are an error. */
const MAX_DEPTH = 200;

/** Whether cdktf would look for number tokens in `text` (TokenString.forNumbers(text).test()). */
export function mayHoldNumberToken(text: string): boolean {
  return NUMBER_TOKEN_WINDOW.test(text);
}

/** cdktf's resolve, walking plain data itself and calling `cdktfResolve` for everything else. */
export function resolveSkippingPlainValues(cdktfResolve: CdktfResolve): CdktfResolve {

  return function resolve(value: unknown, options: CdktfResolveOptions): unknown {
    const path = [...(options.prefix ?? [])];
    // cdktf passes the enclosing context on to nested calls only for its flags (braces, escapes, iterators), which
    // a plain object or array never changes: the caller's options serve at any depth of plain data.
    const handOver = (value: unknown) => cdktfResolve(value, { ...options, prefix: [...path] });

    function walk(value: unknown): unknown {
      if (path.length > MAX_DEPTH) return handOver(value);
      switch (typeof value) {
        case 'undefined':
        case 'boolean':
          return value;
        case 'string':
          return isPlainString(value) ? value : handOver(value);
        case 'number':
          return value > TOKEN_DOUBLE_CEILING && value !== NUMBER_MAP_TOKEN_VALUE ? value : handOver(value);
        case 'object':
          if (value === null || value instanceof Date) return value;
          return Array.isArray(value) ? walkArray(value) : walkObject(value);
        default:
          return handOver(value);
      }
    }

    function walkArray(array: unknown[]): unknown {
      if (!array.every(isPlainListElement)) return handOver(array);
      const resolved: unknown[] = [];
      for (let index = 0; index < array.length; index++) {
        path.push(`${index}`);
        const element = walk(array[index]);
        path.pop();
        if (element !== undefined) resolved.push(element);
      }
      return resolved;
    }

    function walkObject(object: object): unknown {
      const keys = Object.keys(object);
      if (typeof (object as { resolve?: unknown }).resolve === 'function' || isConstruct(object) || !keys.every(isPlainString)) {
        return handOver(object);
      }
      const resolved: Record<string, unknown> = {};
      for (const key of keys) {
        path.push(key);
        const entry = walk((object as Record<string, unknown>)[key]);
        path.pop();
        if (entry !== undefined) resolved[key] = entry;
      }
      return resolved;
    }

    return walk(value);
  };
}

function isPlainString(text: string): boolean {
  return !text.includes(TOKEN_MARKER) && !MAP_TOKEN_VALUES.has(text) && !mayHoldNumberToken(text);
}

/** An element that does not make cdktf resolve the array as a list token. */
function isPlainListElement(element: unknown): boolean {
  if (typeof element === 'string') return !element.includes(TOKEN_MARKER);
  if (typeof element === 'number') return element > TOKEN_DOUBLE_CEILING;
  return true;
}

/** cdktf's own test (resolve.ts): a construct in a resolved value is an error it reports. */
function isConstruct(object: object): boolean {
  const fields = object as { _children?: unknown; _metadata?: unknown };
  return fields._children !== undefined && fields._metadata !== undefined;
}
