/**
 * Kubernetes RBAC authorization over rendered Role/ClusterRole/RoleBinding/ClusterRoleBinding objects, for one
 * group: a ClusterRoleBinding grants its ClusterRole's rules in every namespace (and on cluster-scoped objects), a
 * RoleBinding grants its Role's (or ClusterRole's) rules in its own namespace. RBAC only adds; there is no deny.
 */
export interface RbacRequest {
  readonly group: string;
  readonly verb: string;
  /** '' for the core group. */
  readonly apiGroup: string;
  /** Plural resource name, e.g. `secrets`. */
  readonly resource: string;
  /** @default - cluster-scoped */
  readonly namespace?: string;
  /** @default - any (a list) */
  readonly name?: string;
}

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
}

export function rbacAllows(objects: readonly any[], request: RbacRequest): boolean {
  const bindsGroup = (binding: any) => (binding.subjects ?? []).some((subject: any) => subject.kind === 'Group' && subject.name === request.group);
  const roleRules = (kind: string, name: string, namespace?: string): Rule[] =>
    objects
      .filter((object) => object.kind === kind && object.metadata?.name === name && (kind === 'ClusterRole' || object.metadata?.namespace === namespace))
      .flatMap((object) => object.rules ?? []);
  const granted: Rule[] = [];
  for (const binding of objects.filter(bindsGroup)) {
    if (binding.kind === 'ClusterRoleBinding') granted.push(...roleRules('ClusterRole', binding.roleRef.name));
    if (binding.kind === 'RoleBinding' && request.namespace !== undefined && binding.metadata.namespace === request.namespace) {
      granted.push(...roleRules(binding.roleRef.kind, binding.roleRef.name, binding.metadata.namespace));
    }
  }
  const has = (list: string[] | undefined, value: string) => (list ?? []).includes(value) || (list ?? []).includes('*');
  return granted.some(
    (rule) =>
      has(rule.apiGroups, request.apiGroup) &&
      has(rule.resources, request.resource) &&
      has(rule.verbs, request.verb) &&
      (rule.resourceNames === undefined || (request.name !== undefined && rule.resourceNames.includes(request.name))),
  );
}

/** Plural resource name and API group of a manifest's kind (the kinds feedops renders). */
export function resourceOf(manifest: { apiVersion: string; kind: string }): { apiGroup: string; resource: string } {
  const apiGroup = manifest.apiVersion.includes('/') ? manifest.apiVersion.split('/')[0] : '';
  const lower = manifest.kind.toLowerCase();
  const resource = lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : lower.endsWith('s') ? `${lower}es` : `${lower}s`;
  return { apiGroup, resource };
}
