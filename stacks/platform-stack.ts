import { Construct } from 'constructs';
import { alertmanagerSecretNames } from '../constructs/alerting/alertmanager/secret-files';
import { renderAlertmanagerConfig } from '../constructs/alerting/alertmanager/render-alertmanager-config';
import { TerraformOutput } from '../constructs/core/cdktf';
import type { PlainObject } from '../constructs/core/deep-merge';
import { NamespaceV1 } from '../constructs/core/kubernetes';
import { BlackboxExporter } from '../constructs/monitoring/blackbox-exporter';
import { KubePrometheusStack, MONITORING_NAMESPACE } from '../constructs/monitoring/kube-prometheus-stack';
import { renderClusterSecretStore, renderExternalSecret } from '../constructs/secrets/external-secret';
import { ExternalSecretsOperator } from '../constructs/secrets/external-secrets-operator';
import { EncryptedStorageClass } from '../constructs/storage/encrypted-storage-class';
import type { DeliveryConfig } from '../environments/delivery';
import type { EnvironmentConfig } from '../environments/schema';
import { alertRoutingModel } from './alert-routing';
import { connectToCluster } from './cluster-connection';
import { blackboxModules, probeCredentialMounts, probeCredentialSyncedSecrets } from './endpoint-probes';
import { environmentStackProps, FeedopsStack } from './feedops-stack';
import { stackName } from './naming';
import { GRAFANA_ADMIN_SECRET, platformSecrets, secretNamePrefix } from './platform-secrets';

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
    const cluster = connectToCluster(this, env.cluster.name, { helm: true });

    const externalSecrets = new ExternalSecretsOperator(this, 'external-secrets', {
      cluster,
      accountId: env.account.id,
      region: env.account.region,
      secretNamePrefix: secretNamePrefix(env.name),
    });
    const storage = new EncryptedStorageClass(this, 'storage');
    // node-exporter needs the host's network and PID namespaces, so this namespace cannot be `restricted`;
    // feedops' own workloads run in the restricted monitors namespace.
    const namespace = new NamespaceV1(this, 'monitoring-namespace', {
      metadata: {
        name: MONITORING_NAMESPACE,
        labels: { 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/warn': 'baseline' },
      },
    });

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
        renderClusterSecretStore({ region: env.account.region }),
        ...platformSecrets(env, MONITORING_NAMESPACE).map(renderExternalSecret),
        // Endpoint probes (issue 10): credentials of keyed providers, mounted into the blackbox exporter.
        ...probeCredentialSyncedSecrets(env, MONITORING_NAMESPACE).map(renderExternalSecret),
      ],
      dependsOn: [externalSecrets.helmRelease.release, storage.storageClass, namespace],
    });
    const blackbox = new BlackboxExporter(this, 'blackbox-exporter', {
      namespace: MONITORING_NAMESPACE,
      replicas: env.monitoring.blackboxExporter.replicas,
      // Endpoint probes (issue 10): the modules come from the environment's endpoints, like the Probes.
      modules: blackboxModules(env),
      secretMounts: probeCredentialMounts(env),
      dependsOn: [namespace],
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
