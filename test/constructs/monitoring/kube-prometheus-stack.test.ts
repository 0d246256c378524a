import { EksCluster } from '../../../constructs/cluster/eks-cluster';
import { KubePrometheusStack, MonitoringProps } from '../../../constructs/monitoring/kube-prometheus-stack';
import { helmValues } from '../../support/helm-values';
import { synthConstruct } from '../../support/synth';

const valuesOf = (overrides: Partial<MonitoringProps> = {}) =>
  helmValues(
    synthConstruct((scope) => {
      const cluster = EksCluster.fromAttributes(scope, 'cluster', {
        clusterName: 'c', clusterEndpoint: 'https://e', clusterCertificateAuthorityData: 'Q0E=', clusterOidcIssuerUrl: 'https://o', clusterSecurityGroupId: 'sg',
      });
      new KubePrometheusStack(scope, 'monitoring', {
        cluster, environment: 'dev', alertmanagerConfig: { route: { receiver: 'x' } }, alertmanagerSecrets: ['s'], grafanaAdminSecret: 'g', ...overrides,
      });
    }),
    'kube-prometheus-stack',
  );

test('defaults: one replica each without a disruption budget or spread, 15d retention, 50 GiB with 40 GB retention size', () => {
  const values = valuesOf();
  expect(values.prometheus.prometheusSpec).toEqual(expect.objectContaining({ replicas: 1, retention: '15d', retentionSize: '40GB', evaluationInterval: '15s' }));
  expect(values.prometheus.prometheusSpec.topologySpreadConstraints).toBeUndefined();
  expect(values.prometheus.podDisruptionBudget).toEqual({ enabled: false });
  expect(values.alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.resources.requests.storage).toBe('5Gi');
  expect(values.alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.storageClassName).toBe('gp3-encrypted');
});

test('replicas above one add a budget of replicas - 1 and zone spread', () => {
  const values = valuesOf({ prometheus: { replicas: 2, storageGiB: 100, retention: '30d' }, alertmanager: { replicas: 3 } });
  expect(values.prometheus.podDisruptionBudget).toEqual({ enabled: true, minAvailable: 1 });
  expect(values.alertmanager.podDisruptionBudget).toEqual({ enabled: true, minAvailable: 2 });
  expect(values.prometheus.prometheusSpec.retentionSize).toBe('80GB');
  expect(values.alertmanager.alertmanagerSpec.topologySpreadConstraints[0].topologyKey).toBe('topology.kubernetes.io/zone');
});

test('the chart\'s own Watchdog and InfoInhibitor are off: feedops routes its own Watchdog', () => {
  expect(valuesOf().defaultRules.disabled).toEqual({ Watchdog: true, InfoInhibitor: true });
});

test('caller values win over feedops defaults', () => {
  expect(valuesOf({ values: { grafana: { replicas: 2 } } }).grafana).toEqual(expect.objectContaining({ replicas: 2, admin: expect.any(Object) }));
});

test('fails when replicas is below one', () => {
  expect(() => valuesOf({ prometheus: { replicas: 0 } })).toThrow('prometheus.replicas: 0 (allowed: a whole number of at least 1)');
});

test('fails when the retention is not a Prometheus duration', () => {
  expect(() => valuesOf({ prometheus: { retention: '15 days' } })).toThrow('prometheus.retention: "15 days" (allowed: a Prometheus duration such as 15d)');
});
