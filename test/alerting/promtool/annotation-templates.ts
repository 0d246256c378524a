/**
 * Expands the subset of Prometheus' Go templates the rule packs use in annotations: `{{ $labels.<name> }}`
 * and `{{ printf "%.<n>f" $value }}`. promtool compares expanded annotations, so typed test cases need the
 * expected text; promtool then checks this expansion against the real one. Anything else fails loudly.
 * (Avoid test values that sit exactly on a rounding tie: Go rounds those to even, JavaScript up.)
 */
export const SUPPORTED_TEMPLATE_ACTION = /^\s*(\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)|printf "%\.(\d)f" \$value)\s*$/;

export function expandAnnotation(template: string, labels: Readonly<Record<string, string>>, value: number): string {
  return template.replace(/{{(.*?)}}/g, (_whole, action: string) => {
    const match = SUPPORTED_TEMPLATE_ACTION.exec(action);
    if (!match) throw new Error(`annotation template action "{{${action}}}" is not supported by the test expander (allowed: $labels.<name>, printf "%.<n>f" $value)`);
    if (match[2] !== undefined) return labels[match[2]] ?? '';
    return value.toFixed(Number(match[3]));
  });
}

/** Every `{{ ... }}` action in a template. */
export function templateActions(template: string): string[] {
  return [...template.matchAll(/{{(.*?)}}/g)].map((match) => match[1]);
}
