/** Small PromQL builders, so label values and symbols are always quoted and escaped the same way. */

/** A PromQL double-quoted string literal. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Escapes RE2 metacharacters: Pyth symbols contain "." and "/", and "." must not match any character. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** `label="v"` for one value, `label=~"a|b"` (anchored by Prometheus) for several. */
export function matchAny(label: string, values: readonly string[]): string {
  if (values.length === 1) return `${label}=${quote(values[0])}`;
  return `${label}=~${quote(values.map(escapeRegex).join('|'))}`;
}

export function selector(metric: string, matchers: readonly string[]): string {
  return `${metric}{${matchers.join(',')}}`;
}

/** Groups items by a numeric limit (ascending), so one PromQL term covers every feed that shares it. */
export function groupByLimit<T>(items: readonly T[], limitOf: (item: T) => number): Array<{ limit: number; items: T[] }> {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.set(limitOf(item), [...(groups.get(limitOf(item)) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([limit, grouped]) => ({ limit, items: grouped }));
}

/** Joins alternatives with `or`, one per line. */
export function anyOf(terms: readonly string[]): string {
  return terms.join('\nor\n');
}

/** Indents a multi-line expression for nesting inside parentheses. */
export function indent(expr: string, spaces = 2): string {
  return expr
    .split('\n')
    .map((line) => `${' '.repeat(spaces)}${line}`)
    .join('\n');
}
