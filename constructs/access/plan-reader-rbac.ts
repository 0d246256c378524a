import { CLUSTER_VIEWER_GROUP } from '../cluster/eks-cluster';

/**
 * Kubernetes RBAC of the CI plan identity (the plan role's EKS access entry puts it in PLAN_READER_GROUP and
 * associates no EKS access policy, so these objects are all it may do in the cluster).
 *
 * A plan refreshes what Terraform manages: namespaces, workloads, ConfigMaps, RBAC, CRDs, storage classes,
 * prometheus-operator and External Secrets objects, and every Helm release, whose record Helm keeps in a Secret of
 * the release's namespace. RBAC cannot filter Secrets by label, and Helm lists its records (so `resourceNames` cannot
 * help), so the plan identity reads Secrets only in the release namespaces, which hold no application secret; the
 * synced secrets (Slack webhooks, Grafana admin, heartbeat) live in namespaces it cannot read Secrets in.
 * Core ("") resources are named one by one, never `*`, so Secrets can never slip in.
 */
export const PLAN_READER_GROUP = CLUSTER_VIEWER_GROUP;
export const PLAN_READER_NAME = 'feedops-plan-reader';
export const PLAN_RELEASE_READER_NAME = 'feedops-plan-release-reader';
const READ = ['get', 'list', 'watch'];

/** Core resources the stacks manage or the providers read; deliberately without `secrets`. */
export const PLAN_READABLE_CORE_RESOURCES = [
  'namespaces', 'configmaps', 'services', 'serviceaccounts', 'persistentvolumeclaims', 'persistentvolumes', 'pods',
  'endpoints', 'limitranges', 'resourcequotas', 'nodes', 'replicationcontrollers',
] as const;

/** API groups whose every resource a plan may read (none of them holds secret values). */
export const PLAN_READABLE_API_GROUPS = [
  'apps', 'batch', 'policy', 'autoscaling', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'apiextensions.k8s.io',
  'admissionregistration.k8s.io', 'networking.k8s.io', 'discovery.k8s.io', 'scheduling.k8s.io', 'monitoring.coreos.com',
  'external-secrets.io',
] as const;

export interface PlanReaderRbacProps {
  /** Namespaces whose Secrets are Helm release records only (no application secret is ever synced there). */
  readonly releaseNamespaces: readonly string[];
  /** @default PLAN_READER_GROUP */
  readonly group?: string;
}

export function renderPlanReaderRbac(props: PlanReaderRbacProps): Record<string, unknown>[] {
  const group = props.group ?? PLAN_READER_GROUP;
  const subjects = [{ kind: 'Group', name: group, apiGroup: 'rbac.authorization.k8s.io' }];
  const labels = { 'app.kubernetes.io/managed-by': 'feedops', 'app.kubernetes.io/component': 'ci-plan' };
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: PLAN_READER_NAME, labels },
      rules: [
        { apiGroups: [''], resources: [...PLAN_READABLE_CORE_RESOURCES], verbs: READ },
        ...PLAN_READABLE_API_GROUPS.map((apiGroup) => ({ apiGroups: [apiGroup], resources: ['*'], verbs: READ })),
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: PLAN_READER_NAME, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: PLAN_READER_NAME },
      subjects,
    },
    ...props.releaseNamespaces.flatMap((namespace) => [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: PLAN_RELEASE_READER_NAME, namespace, labels },
        rules: [{ apiGroups: [''], resources: ['secrets'], verbs: READ }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: PLAN_RELEASE_READER_NAME, namespace, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: PLAN_RELEASE_READER_NAME },
        subjects,
      },
    ]),
  ];
}
