/**
 * Whether External Secrets Operator lets an ExternalSecret in `namespace` use a ClusterSecretStore, following the
 * store's `spec.conditions` (external-secrets.io/v1): no conditions admit every namespace; otherwise a namespace is
 * admitted when any condition names it (`namespaces`), matches its regexes (`namespaceRegexes`) or its labels
 * (`namespaceSelector.matchLabels`). matchExpressions are not used by feedops and make this check throw.
 */
export function storeAdmits(store: any, namespace: string, namespaceLabels: Record<string, string> = {}): boolean {
  const conditions: any[] | undefined = store?.spec?.conditions;
  if (!conditions || conditions.length === 0) return true;
  return conditions.some((condition) => {
    if ((condition.namespaces ?? []).includes(namespace)) return true;
    if ((condition.namespaceRegexes ?? []).some((pattern: string) => new RegExp(pattern).test(namespace))) return true;
    const selector = condition.namespaceSelector;
    if (selector?.matchExpressions) throw new Error('namespaceSelector.matchExpressions is not supported by this check');
    if (selector?.matchLabels) return Object.entries(selector.matchLabels).every(([key, value]) => namespaceLabels[key] === value);
    return false;
  });
}
