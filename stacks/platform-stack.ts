import { FeedopsClusterConnection } from '../constructs/cluster/feedops-cluster-connection';
import { Construct } from 'constructs';
import { alertmanagerSecretNames } from '../constructs/alerting/alertmanager/secret-files';
import { renderAlertmanagerConfig } from '../constructs/alerting/alertmanager/render-alertmanager-config';
import { TerraformOutput } from '../constructs/core/cdktf';
import type { PlainObject } from '../constructs/core/deep-merge';
import { NamespaceV1 } from '../constructs/core/kubernetes';
import { BLACKBOX_EXPORTER_NAMESPACE, BlackboxExporter } from '../constructs/monitoring/blackbox-exporter';

export { BLACKBOX_EXPORTER_NAMESPACE };
import {
  KubePrometheusStack, MONITORING_NAMESPACE, MONITORING_RELEASE_NAMESPACE, NODE_EXPORTER_NAMESPACE,
} from '../constructs/monitoring/kube-prometheus-stack';
import { renderPlanReaderRbac } from '../constructs/access/plan-reader-rbac';
import { KubernetesObjects } from '../constructs/kubernetes/kubernetes-objects';
import { renderClusterSecretStore, renderExternalSecret } from '../constructs/secrets/external-secret';
import { EXTERNAL_SECRETS_NAMESPACE, ExternalSecretsOperator } from '../constructs/secrets/external-secrets-operator';
import { EncryptedStorageClass } from '../constructs/storage/encrypted-storage-class';
import type { DeliveryConfig } from '../environments/delivery';
import type { EnvironmentConfig } from '../environments/schema';
import { alertRoutingModel } from './alert-routing';
import { blackboxModules, probeCredentialMounts, probeCredentialSyncedSecrets } from './endpoint-probes';
import { environmentStackProps, FeedopsStack } from './feedops-stack';
import { stackName } from './naming';
import { monitorsSecretNamespaces } from './environment-monitors';
import { GRAFANA_ADMIN_SECRET, platformSecrets, secretNamePrefix } from './platform-secrets';

/**
 * Namespaces whose Secrets the CI plan identity reads: Helm release records, plus (in external-secrets) the ESO
 * webhook's in-cluster serving certificate. No ExternalSecret may target them (test/stacks/plan-access.test.ts).
 */
export const PLAN_READABLE_RELEASE_NAMESPACES = [MONITORING_RELEASE_NAMESPACE, EXTERNAL_SECRETS_NAMESPACE];

export const PLATFORM_STACK_OUTPUTS = ['monitoring_namespace', 'storage_class', 'external_secrets_role_arn', 'blackbox_exporter_address'] as const;

/**
 * `<env>-platform`: External Secrets Operator, the encrypted gp3 StorageClass, kube-prometheus-stack with the
 * Alertmanager routing of the environment, and the blackbox exporter. Applied after `<env>-cluster`.
 */
export class PlatformStack extends FeedopsStack {
  public readonly monitoring: KubePrometheusStack;

  constructor(scope: Construct, env: EnvironmentConfig, delivery: DeliveryConfig) {
    const name = stackName(env.name, 'platform');
    super(scope, name, environmentStackProps(env, delivery));
    const { cluster } = new FeedopsClusterConnection(this, 'cluster-connection', { clusterName: env.cluster.name, helm: true });

    const externalSecrets = new ExternalSecretsOperator(this, 'external-secrets', {
      cluster,
      accountId: env.account.id,
      region: env.account.region,
      secretNamePrefix: secretNamePrefix(env.name),
    });
    const storage = new EncryptedStorageClass(this, 'storage');
    // Namespaces by what they may hold (docs/delivery.md "Kubernetes access of plans"): the synced secrets only in
    // `monitoring`; Helm release records only in namespaces without application secrets; node-exporter, which
    // needs the host's namespaces, alone in a privileged one. feedops' own workloads run in the restricted
    // monitors namespace.
    const namespace = new NamespaceV1(this, 'monitoring-namespace', {
      metadata: {
        name: MONITORING_NAMESPACE,
        labels: { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' },
      },
    });
    const nodeExporterNamespace = new NamespaceV1(this, 'node-exporter-namespace', {
      metadata: { name: NODE_EXPORTER_NAMESPACE, labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } },
    });
    const releaseNamespace = new NamespaceV1(this, 'release-namespace', {
      metadata: { name: MONITORING_RELEASE_NAMESPACE, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
    });
    const blackboxNamespace = new NamespaceV1(this, 'blackbox-exporter-namespace', {
      metadata: {
        name: BLACKBOX_EXPORTER_NAMESPACE,
        labels: { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' },
      },
    });
    const secrets = platformSecrets(env, MONITORING_NAMESPACE);
    const probeCredentials = probeCredentialSyncedSecrets(env, BLACKBOX_EXPORTER_NAMESPACE);
    // One KubernetesObjects per namespace: its construct ids are kind and name, and each namespace has the same Role.
    const rbac = renderPlanReaderRbac({ releaseNamespaces: PLAN_READABLE_RELEASE_NAMESPACES });
    const rbacDependencies = [releaseNamespace, externalSecrets.namespace];
    for (const scope of ['', ...PLAN_READABLE_RELEASE_NAMESPACES]) {
      new KubernetesObjects(this, scope ? `plan-reader-rbac-${scope}` : 'plan-reader-rbac', {
        manifests: rbac.filter((object: any) => (object.metadata.namespace ?? '') === scope),
        dependsOn: rbacDependencies,
      });
    }

    const routing = alertRoutingModel(env);
    const alertmanagerConfig = renderAlertmanagerConfig(routing) as unknown as PlainObject;
    this.monitoring = new KubePrometheusStack(this, 'monitoring', {
      cluster,
      environment: env.name,
      prometheus: env.monitoring.prometheus,
      alertmanager: env.monitoring.alertmanager,
      storageClassName: storage.storageClassName,
      alertmanagerConfig,
      alertmanagerSecrets: alertmanagerSecretNames(routing),
      grafanaAdminSecret: GRAFANA_ADMIN_SECRET,
      extraManifests: [
        renderClusterSecretStore({ region: env.account.region, namespaces: [...new Set([...secrets.map((secret) => secret.namespace), ...probeCredentials.map((secret) => secret.namespace), ...monitorsSecretNamespaces(env)])] }),
        ...secrets.map(renderExternalSecret),
        // Endpoint probes: credentials of keyed providers, mounted into the blackbox exporter.
        ...probeCredentials.map(renderExternalSecret),
      ],
      dependsOn: [externalSecrets.helmRelease.release, storage.storageClass, namespace, nodeExporterNamespace, releaseNamespace, blackboxNamespace],
    });
    const blackbox = new BlackboxExporter(this, 'blackbox-exporter', {
      namespace: BLACKBOX_EXPORTER_NAMESPACE,
      replicas: env.monitoring.blackboxExporter.replicas,
      releaseNamespace: MONITORING_RELEASE_NAMESPACE,
      // The modules come from the environment's endpoints, like the Probes.
      modules: blackboxModules(env),
      secretMounts: probeCredentialMounts(env),
      dependsOn: [blackboxNamespace, releaseNamespace],
    });

    const outputs: Record<(typeof PLATFORM_STACK_OUTPUTS)[number], string> = {
      monitoring_namespace: MONITORING_NAMESPACE,
      storage_class: storage.storageClassName,
      external_secrets_role_arn: externalSecrets.role.arn,
      blackbox_exporter_address: blackbox.proberAddress,
    };
    for (const [outputName, value] of Object.entries(outputs)) new TerraformOutput(this, outputName, { value });
  }
}
