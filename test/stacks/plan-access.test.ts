// Issue 11, points 4 and 5: what the CI plan identity can read in the cluster, and where secrets may be synced,
// checked over the synthesized platform, monitors and cluster stacks.
import { PLAN_READER_GROUP } from '../../constructs/access/plan-reader-rbac';
import { ENVIRONMENTS } from '../../environments';
import { planRoleName } from '../../stacks/naming';
import { helmValues } from '../support/helm-values';
import { rbacAllows, resourceOf } from '../support/rbac-check';
import { storeAdmits } from '../support/secret-store-conditions';
import { resources, synthesizedStacks } from '../support/synth';

const stacks = synthesizedStacks();

describe.each(Object.keys(ENVIRONMENTS))('%s', (env) => {
  const platform = stacks[`${env}-platform`];
  const monitors = stacks[`${env}-monitors`];
  const cluster = stacks[`${env}-cluster`];
  const manifests = [...resources(platform, 'kubernetes_manifest'), ...resources(monitors, 'kubernetes_manifest')].map((r) => r.config.manifest as any);
  const rbac = manifests.filter((m) => /^(Cluster)?Role(Binding)?$/.test(m.kind));
  const stackValues = helmValues(platform, 'kube-prometheus-stack');
  const extraManifests: any[] = stackValues.extraManifests ?? [];
  const externalSecrets = [...extraManifests, ...manifests].filter((m) => m.kind === 'ExternalSecret');
  const [store] = extraManifests.filter((m) => m.kind === 'ClusterSecretStore');
  const can = (verb: string, apiGroup: string, resource: string, namespace?: string) =>
    rbacAllows(rbac, { group: PLAN_READER_GROUP, verb, apiGroup, resource, namespace });
  const namespaceLabels = (name: string) =>
    resources(platform, 'kubernetes_namespace_v1').find((n) => n.config.metadata.name === name)?.config.metadata.labels ?? {};

  test('there are synced secrets and RBAC objects to check', () => {
    expect(externalSecrets.length).toBeGreaterThan(1);
    expect(rbac.length).toBeGreaterThan(2);
  });

  test('the plan role enters the cluster as the plan-reader group, with no EKS access policy', () => {
    const entries = resources(cluster, 'aws_eks_access_entry').filter((e) => String(e.config.principal_arn).endsWith(`:role/${planRoleName(env)}`));
    expect(entries.map((e) => e.config.kubernetes_groups)).toEqual([[PLAN_READER_GROUP]]);
    const policies = resources(cluster, 'aws_eks_access_policy_association').filter((a) => String(a.config.principal_arn).includes(entries[0].address));
    expect(policies).toEqual([]);
  });

  test('the plan identity cannot read any synced application secret', () => {
    const readable = externalSecrets.filter((secret) =>
      ['get', 'list', 'watch'].some((verb) => can(verb, '', 'secrets', secret.metadata.namespace)),
    );
    expect(readable.map((secret) => `${secret.metadata.namespace}/${secret.spec.target.name}`)).toEqual([]);
  });

  test('the plan identity reads the record of every Helm release (Secrets of the release namespace)', () => {
    const releases = resources(platform, 'helm_release');
    expect(releases.length).toBeGreaterThan(2);
    const unreadable = releases.filter((release) => !can('list', '', 'secrets', release.config.namespace) || !can('get', '', 'secrets', release.config.namespace));
    expect(unreadable.map((release) => `${release.config.name} in ${release.config.namespace}`)).toEqual([]);
  });

  test('no release namespace holds a synced secret', () => {
    const releaseNamespaces = new Set(resources(platform, 'helm_release').map((release) => release.config.namespace));
    expect(externalSecrets.filter((secret) => releaseNamespaces.has(secret.metadata.namespace)).map((s) => s.metadata.name)).toEqual([]);
  });

  test('the plan identity reads every object the stacks manage, and writes none', () => {
    const managed = [
      ...manifests,
      ...resources(platform, 'kubernetes_namespace_v1').map(() => ({ apiVersion: 'v1', kind: 'Namespace' })),
      ...resources(platform, 'kubernetes_storage_class_v1').map(() => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass' })),
    ];
    const unreadable = managed.filter((m) => {
      const { apiGroup, resource } = resourceOf(m);
      return !can('get', apiGroup, resource, m.metadata?.namespace) || !can('list', apiGroup, resource, m.metadata?.namespace);
    });
    expect(unreadable.map((m) => `${m.kind} ${m.metadata?.namespace ?? ''}/${m.metadata?.name ?? ''}`)).toEqual([]);
    const writable = managed.filter((m) => ['create', 'update', 'patch', 'delete'].some((verb) => can(verb, resourceOf(m).apiGroup, resourceOf(m).resource, m.metadata?.namespace)));
    expect(writable).toEqual([]);
  });

  test('no RBAC rule of the plan identity uses a wildcard API group or a wildcard core resource', () => {
    const rules = rbac.filter((object) => object.rules).flatMap((object) => object.rules);
    expect(rules.filter((rule: any) => rule.apiGroups.includes('*') || (rule.apiGroups.includes('') && rule.resources.includes('*')))).toEqual([]);
  });

  test('the ClusterSecretStore admits the namespaces that own secrets and refuses every other one', () => {
    expect(store).toBeDefined();
    const owners = [...new Set(externalSecrets.map((secret) => secret.metadata.namespace))];
    expect(owners.filter((namespace) => !storeAdmits(store, namespace, namespaceLabels(namespace)))).toEqual([]);
    const others = ['default', 'team-x', 'kube-system', stackValues['prometheus-node-exporter'].namespaceOverride, ...resources(platform, 'helm_release').map((r) => r.config.namespace)];
    for (const namespace of others.filter((candidate) => !owners.includes(candidate))) {
      expect({ namespace, admitted: storeAdmits(store, namespace, namespaceLabels(namespace)) }).toEqual({ namespace, admitted: false });
    }
  });

  test('node-exporter runs in its own privileged namespace, apart from the secrets and the monitoring stack', () => {
    const nodeExporterNamespace = stackValues['prometheus-node-exporter'].namespaceOverride;
    const monitoringNamespace = stackValues.namespaceOverride;
    expect(nodeExporterNamespace).toBeDefined();
    expect(nodeExporterNamespace).not.toBe(monitoringNamespace);
    expect(namespaceLabels(nodeExporterNamespace)['pod-security.kubernetes.io/enforce']).toBe('privileged');
    expect(namespaceLabels(monitoringNamespace)['pod-security.kubernetes.io/enforce']).not.toBe('privileged');
    expect(externalSecrets.filter((secret) => secret.metadata.namespace === nodeExporterNamespace)).toEqual([]);
    // Grafana and kube-state-metrics follow the stack into the monitoring namespace, not the release namespace.
    expect([stackValues.grafana.namespaceOverride, stackValues['kube-state-metrics'].namespaceOverride]).toEqual([monitoringNamespace, monitoringNamespace]);
  });
});

describe('the RBAC check itself', () => {
  const objects = [
    { kind: 'ClusterRole', metadata: { name: 'r' }, rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }] },
    { kind: 'ClusterRoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'ClusterRole', name: 'r' }, subjects: [{ kind: 'Group', name: 'g' }] },
    { kind: 'Role', metadata: { name: 's', namespace: 'a' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }] },
    { kind: 'RoleBinding', metadata: { name: 's', namespace: 'a' }, roleRef: { kind: 'Role', name: 's' }, subjects: [{ kind: 'Group', name: 'g' }] },
  ];
  test('grants a ClusterRoleBinding everywhere and a RoleBinding in its namespace only, to the bound group only', () => {
    expect(rbacAllows(objects, { group: 'g', verb: 'get', apiGroup: '', resource: 'configmaps', namespace: 'x' })).toBe(true);
    expect(rbacAllows(objects, { group: 'g', verb: 'get', apiGroup: '', resource: 'secrets', namespace: 'a' })).toBe(true);
    expect(rbacAllows(objects, { group: 'g', verb: 'get', apiGroup: '', resource: 'secrets', namespace: 'b' })).toBe(false);
    expect(rbacAllows(objects, { group: 'g', verb: 'delete', apiGroup: '', resource: 'configmaps', namespace: 'x' })).toBe(false);
    expect(rbacAllows(objects, { group: 'h', verb: 'get', apiGroup: '', resource: 'configmaps', namespace: 'x' })).toBe(false);
  });
  test('derives plural resources from kinds', () => {
    expect(resourceOf({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget' })).toEqual({ apiGroup: 'policy', resource: 'poddisruptionbudgets' });
    expect(resourceOf({ apiVersion: 'v1', kind: 'ConfigMap' })).toEqual({ apiGroup: '', resource: 'configmaps' });
    expect(resourceOf({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' })).toEqual({ apiGroup: 'networking.k8s.io', resource: 'networkpolicies' });
  });
});
