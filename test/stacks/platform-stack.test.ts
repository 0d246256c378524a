import { renderAlertmanagerConfig } from '../../constructs/alerting/alertmanager/render-alertmanager-config';
import { alertmanagerSecretReferences } from '../../constructs/alerting/alertmanager/secret-files';
import { EKS_UNREACHABLE_COMPONENTS, EKS_UNREACHABLE_RULE_GROUPS } from '../../constructs/monitoring/kube-prometheus-stack';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { alertRoutingModel } from '../../stacks/alert-routing';
import { AmtoolConfigFile } from '../alerting/alertmanager/support/amtool-config-file';
import { helmValues } from '../support/helm-values';
import { parsePolicy, resources, synthesizedStacks } from '../support/synth';

const stacks = synthesizedStacks();
const { environments } = validateEnvironments(ENVIRONMENTS, delivery);

describe.each(environments.map((env) => [env.name, env] as const))('%s-platform', (name, env) => {
  const tf = stacks[`${name}-platform`];
  const values = helmValues(tf, 'kube-prometheus-stack');
  const production = env.tier === 'production';

  test('Kubernetes and Helm providers come from the aws_eks_cluster data sources, by cluster name', () => {
    const [[clusterName, cluster]] = Object.entries<any>(tf.data?.aws_eks_cluster ?? {});
    const [[authName, auth]] = Object.entries<any>(tf.data?.aws_eks_cluster_auth ?? {});
    expect(cluster.name).toBe(env.cluster.name);
    expect(auth.name).toBe(env.cluster.name);
    const kubernetes = tf.provider?.kubernetes?.[0] as Record<string, string>;
    expect(kubernetes.host).toBe(`\${data.aws_eks_cluster.${clusterName}.endpoint}`);
    expect(kubernetes.token).toBe(`\${data.aws_eks_cluster_auth.${authName}.token}`);
    expect((tf.provider?.helm?.[0] as any).kubernetes.host).toBe(`\${data.aws_eks_cluster.${clusterName}.endpoint}`);
  });

  test('Prometheus and Alertmanager replicas follow the environment; production is highly available', () => {
    const prometheus = values.prometheus.prometheusSpec;
    const alertmanager = values.alertmanager.alertmanagerSpec;
    expect(prometheus.replicas).toBe(env.monitoring.prometheus.replicas);
    expect(alertmanager.replicas).toBe(env.monitoring.alertmanager.replicas);
    if (production) {
      expect(prometheus.replicas).toBeGreaterThanOrEqual(2);
      expect(alertmanager.replicas).toBeGreaterThanOrEqual(3);
    }
  });

  test('replicated components have a PodDisruptionBudget below their replicas and a hard zone spread', () => {
    for (const [component, spec] of [['prometheus', values.prometheus.prometheusSpec], ['alertmanager', values.alertmanager.alertmanagerSpec]] as const) {
      const budget = values[component].podDisruptionBudget;
      if (spec.replicas < 2) {
        expect({ component, budget: budget.enabled }).toEqual({ component, budget: false });
        continue;
      }
      expect({ component, enabled: budget.enabled }).toEqual({ component, enabled: true });
      expect(budget.minAvailable).toBeGreaterThanOrEqual(1);
      expect(budget.minAvailable).toBeLessThan(spec.replicas);
      expect(spec.topologySpreadConstraints).toContainEqual(
        expect.objectContaining({ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' }),
      );
    }
  });

  test('Prometheus and Alertmanager keep data on the encrypted gp3 class, with retention by time and size', () => {
    const [storageClass] = resources(tf, 'kubernetes_storage_class_v1');
    expect(storageClass.config.parameters).toEqual({ type: 'gp3', encrypted: 'true' });
    expect(storageClass.config.storage_provisioner).toBe('ebs.csi.aws.com');
    const className = storageClass.config.metadata.name;
    const prometheus = values.prometheus.prometheusSpec;
    expect(prometheus.storageSpec.volumeClaimTemplate.spec.storageClassName).toBe(className);
    expect(prometheus.storageSpec.volumeClaimTemplate.spec.resources.requests.storage).toBe(`${env.monitoring.prometheus.storageGiB}Gi`);
    expect(values.alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.storageClassName).toBe(className);
    expect(prometheus.retention).toBe(env.monitoring.prometheus.retention);
    const retentionSizeGB = Number(/^(\d+)GB$/.exec(prometheus.retentionSize)?.[1]);
    expect(retentionSizeGB).toBeGreaterThan(0);
    expect(retentionSizeGB).toBeLessThan(env.monitoring.prometheus.storageGiB);
  });

  test('rule, ServiceMonitor, PodMonitor and Probe selectors pick up objects from every namespace without the release label', () => {
    const spec = values.prometheus.prometheusSpec;
    for (const kind of ['rule', 'serviceMonitor', 'podMonitor', 'probe']) {
      expect({ kind, nilUsesHelmValues: spec[`${kind}SelectorNilUsesHelmValues`] }).toEqual({ kind, nilUsesHelmValues: false });
      expect({ kind, namespaceSelector: spec[`${kind}NamespaceSelector`] }).toEqual({ kind, namespaceSelector: {} });
    }
  });

  test('control-plane targets EKS does not expose are disabled together with their rules', () => {
    for (const component of EKS_UNREACHABLE_COMPONENTS) expect({ component, enabled: values[component].enabled }).toEqual({ component, enabled: false });
    for (const group of EKS_UNREACHABLE_RULE_GROUPS) expect({ group, enabled: values.defaultRules.rules[group] }).toEqual({ group, enabled: false });
  });

  test('every series carries the environment as an external label', () => {
    expect(values.prometheus.prometheusSpec.externalLabels.environment).toBe(name);
  });

  test('requests and limits are set for every component feedops sizes', () => {
    const sized = [
      values.prometheus.prometheusSpec.resources, values.alertmanager.alertmanagerSpec.resources, values.grafana.resources,
      values.prometheusOperator.resources, values['kube-state-metrics'].resources, values['prometheus-node-exporter'].resources,
    ];
    for (const resource of sized) {
      expect(resource).toEqual({ requests: { cpu: expect.any(String), memory: expect.any(String) }, limits: { cpu: expect.any(String), memory: expect.any(String) } });
    }
  });

  test('security contexts are not weakened anywhere in the values', () => {
    const weakened: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        const at = `${path}.${key}`;
        if ((key === 'privileged' || key === 'allowPrivilegeEscalation') && value === true) weakened.push(at);
        if (key === 'runAsNonRoot' && value === false) weakened.push(at);
        if (key === 'runAsUser' && value === 0) weakened.push(at);
        if (key === 'readOnlyRootFilesystem' && value === false) weakened.push(at);
        visit(value, at);
      }
    };
    for (const chart of ['kube-prometheus-stack', 'external-secrets', 'prometheus-blackbox-exporter']) visit(helmValues(tf, chart), chart);
    expect(weakened).toEqual([]);
  });

  test('Grafana takes its admin from the synced secret, has anonymous access off, and loads dashboards from labelled ConfigMaps', () => {
    const grafana = values.grafana;
    expect(grafana.admin).toEqual({ existingSecret: 'grafana-admin', userKey: 'admin-user', passwordKey: 'admin-password' });
    expect(grafana.adminPassword).toBeUndefined();
    expect(grafana['grafana.ini']['auth.anonymous'].enabled).toBe(false);
    expect(grafana.sidecar.dashboards).toEqual(expect.objectContaining({ enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'ALL' }));
  });

  test('every secret the chart mounts is synced by an ExternalSecret from this environment\'s Secrets Manager prefix', () => {
    const manifests: Array<Record<string, any>> = values.extraManifests;
    const store = manifests.find((m) => m.kind === 'ClusterSecretStore');
    expect(store?.spec.provider.aws).toEqual({ service: 'SecretsManager', region: env.account.region });
    const synced = manifests.filter((m) => m.kind === 'ExternalSecret');
    const syncedNames = synced.map((m) => m.spec.target.name);
    const needed = [values.grafana.admin.existingSecret, ...values.alertmanager.alertmanagerSpec.secrets];
    for (const secret of needed) expect({ secret, synced: syncedNames.includes(secret) }).toEqual({ secret, synced: true });
    for (const externalSecret of synced) {
      for (const entry of externalSecret.spec.data) expect(entry.remoteRef.key.startsWith(`${name}/feedops/`)).toBe(true);
    }
    const routing = alertRoutingModel(env);
    for (const reference of alertmanagerSecretReferences(routing)) {
      const source = synced.find((m) => m.spec.target.name === reference.secretName);
      expect({ reference, hasKey: source?.spec.data.some((d: any) => d.secretKey === reference.key) }).toEqual({ reference, hasKey: true });
    }
  });

  test('External Secrets may read only this environment\'s secrets, through Pod Identity', () => {
    const role = resources(tf, 'aws_iam_role').find((r) => r.config.name === `${env.cluster.name}-external-secrets`)!;
    expect(parsePolicy(role, 'assume_role_policy').Statement[0].Principal).toEqual({ Service: 'pods.eks.amazonaws.com' });
    const [policy] = resources(tf, 'aws_iam_role_policy');
    const read = parsePolicy(policy, 'policy').Statement.find((s) => s.Sid === 'ReadEnvironmentSecrets')!;
    expect(read.Resource).toBe(`arn:aws:secretsmanager:${env.account.region}:${env.account.id}:secret:${name}/feedops/*`);
    const [association] = resources(tf, 'aws_eks_pod_identity_association');
    expect(association.config).toEqual(expect.objectContaining({ namespace: 'external-secrets', service_account: 'external-secrets' }));
  });

  test('the Alertmanager configuration in the Helm values is the rendered routing model of the environment', () => {
    expect(values.alertmanager.config).toEqual(JSON.parse(JSON.stringify(renderAlertmanagerConfig(alertRoutingModel(env)))));
    expect(values.alertmanager.tplConfig).toBeUndefined();
  });

  describe('the Alertmanager configuration as synthesized (amtool)', () => {
    let file: AmtoolConfigFile;
    beforeAll(() => {
      file = AmtoolConfigFile.write(values.alertmanager.config);
    });
    afterAll(() => file.remove());

    test('passes amtool check-config', () => {
      const result = file.checkConfig();
      expect(result.output).toContain('SUCCESS');
      expect(result.status).toBe(0);
    });

    test('routes Watchdog to the heartbeat receiver', () => {
      expect(file.routesTest(['heartbeat'], { alertname: 'Watchdog', environment: name, severity: 'none' }).output).not.toMatch(/WARNING|FAIL/);
      expect(file.routesTest(['heartbeat'], { alertname: 'Watchdog', environment: name, severity: 'none' }).status).toBe(0);
    });

    test.each(['critical', 'warning', 'info'] as const)('routes a %s alert without a team to its severity receiver', (severity) => {
      const expected = env.alerting.routing.bySeverity[severity];
      expect(file.routesTest([expected], { alertname: 'SomethingBroke', environment: name, severity }).status).toBe(0);
    });

    test.each(['feeds', 'platform'])('routes each severity of team %s to the team receiver', (team) => {
      for (const severity of ['critical', 'warning'] as const) {
        const expected = env.alerting.routing.byTeam?.[team]?.[severity] ?? env.alerting.routing.bySeverity[severity];
        expect({ severity, status: file.routesTest([expected], { alertname: 'FeedStale', environment: name, team, severity, symbol: 'Crypto.BTC/USD' }).status }).toEqual({ severity, status: 0 });
      }
    });

    test('routes an unknown alert to the default receiver', () => {
      expect(file.routesTest([env.alerting.routing.defaultReceiver ?? env.alerting.routing.bySeverity.warning], { alertname: 'Unknown' }).status).toBe(0);
    });

    test('a wrong expectation fails (the route test can fail)', () => {
      expect(file.routesTest(['monitoring-info'], { alertname: 'Watchdog', environment: name, severity: 'none' }).status).not.toBe(0);
    });
  });
});
