import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { renderPriceFeedRules } from '../../constructs/price-feeds/rules/price-feed-rules';
import { environmentPriceFeeds } from '../../stacks/environment-monitors';
import { writeRulesFile } from '../alerting/promtool/rules-file';
import { alertsOf } from '../alerting/promtool/rendered-alerts';
import { kubernetesSchemaProblems } from '../support/kubernetes-schema';
import { resources, synthesizedStacks } from '../support/synth';
import { runTool } from '../support/tools';

const stacks = synthesizedStacks();
const { environments } = validateEnvironments(ENVIRONMENTS, delivery);
const RUNBOOKS = path.resolve(__dirname, '../../../docs/runbooks');
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

describe.each(environments.map((env) => [env.name, env] as const))('%s-monitors', (name, env) => {
  const tf = stacks[`${name}-monitors`];
  const manifests = resources(tf, 'kubernetes_manifest').map((r) => r.config.manifest as Record<string, any>);
  const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
  const workloads = manifests.filter((m) => WORKLOAD_KINDS.includes(m.kind));
  const podSpecs = workloads.map((w) => [`${w.kind}/${w.metadata.name}`, w.spec.template.spec] as const);
  const rule = ofKind('PrometheusRule').find((r) => r.metadata.name === 'pyth-price-feeds')!;

  test('every Kubernetes object passes the Kubernetes and prometheus-operator schemas', () => {
    expect(manifests.length).toBeGreaterThan(5);
    // No schema package exists for the External Secrets CRDs; their shape is checked in the next test.
    expect(kubernetesSchemaProblems(manifests.filter((m) => m.kind !== 'ExternalSecret'))).toEqual([]);
  });

  test('ExternalSecrets read only this environment\'s Secrets Manager prefix, through the feedops store', () => {
    const externalSecrets = ofKind('ExternalSecret');
    // Only prod's wallet RPC URL carries a key (the ethereum exporter's config); dev and staging use public testnets.
    expect(externalSecrets.map((secret) => secret.metadata.name)).toEqual({ dev: [], staging: [], prod: ['wallet-exporter-ethereum-config'] }[name]);
    for (const secret of externalSecrets) {
      expect(secret.apiVersion).toBe('external-secrets.io/v1');
      expect(secret.spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'aws-secrets-manager' });
      for (const entry of secret.spec.data ?? []) expect(entry.remoteRef.key.startsWith(`${name}/feedops/`)).toBe(true);
    }
  });

  test('18. the monitors namespace enforces Pod Security "restricted", and every object lives in it', () => {
    const [namespace] = ofKind('Namespace');
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    for (const manifest of manifests.filter((m) => m.kind !== 'Namespace')) {
      expect({ object: `${manifest.kind}/${manifest.metadata.name}`, namespace: manifest.metadata.namespace }).toEqual({
        object: `${manifest.kind}/${manifest.metadata.name}`,
        namespace: namespace.metadata.name,
      });
    }
  });

  test('19. every container runs restricted: no escalation, not privileged, no capabilities, read-only root; pods non-root with RuntimeDefault', () => {
    expect(podSpecs.length).toBeGreaterThan(0);
    for (const [where, pod] of podSpecs) {
      expect({ where, pod: pod.securityContext }).toMatchObject({ where, pod: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } });
      for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect({ where, container: container.name, context: container.securityContext }).toMatchObject({
          where,
          container: container.name,
          context: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        });
        // A container-level setting overrides the pod's: it must not undo runAsNonRoot or run as root.
        expect({ where, container: container.name, runAsNonRoot: container.securityContext.runAsNonRoot ?? true, root: container.securityContext.runAsUser === 0 }).toEqual({
          where,
          container: container.name,
          runAsNonRoot: true,
          root: false,
        });
      }
    }
  });

  test('20. every container has CPU and memory requests and limits and an exactly tagged image', () => {
    for (const [where, pod] of podSpecs) {
      for (const container of pod.containers) {
        for (const kind of ['requests', 'limits']) {
          expect({ where, kind, cpu: !!container.resources?.[kind]?.cpu, memory: !!container.resources?.[kind]?.memory }).toEqual({ where, kind, cpu: true, memory: true });
        }
        expect({ where, image: container.image }).toEqual({ where, image: expect.stringMatching(/:(?!latest$)[\w][\w.-]*$|@sha256:[0-9a-f]{64}$/) });
      }
    }
  });

  test('21. probes, no host namespaces/ports/paths, own service account without an API token, secrets as files', () => {
    const serviceAccounts = ofKind('ServiceAccount').map((sa) => sa.metadata.name);
    for (const [where, pod] of podSpecs) {
      expect({ where, hostNetwork: !!pod.hostNetwork, hostPID: !!pod.hostPID, hostIPC: !!pod.hostIPC }).toEqual({ where, hostNetwork: false, hostPID: false, hostIPC: false });
      expect({ where, hostPath: (pod.volumes ?? []).filter((v: any) => v.hostPath) }).toEqual({ where, hostPath: [] });
      expect(serviceAccounts).toContain(pod.serviceAccountName);
      expect({ where, automount: pod.automountServiceAccountToken }).toEqual({ where, automount: false });
      for (const container of pod.containers) {
        expect({ where, liveness: !!container.livenessProbe, readiness: !!container.readinessProbe }).toEqual({ where, liveness: true, readiness: true });
        expect({ where, hostPorts: (container.ports ?? []).filter((p: any) => p.hostPort) }).toEqual({ where, hostPorts: [] });
        expect({ where, secretEnv: (container.env ?? []).filter((e: any) => e.valueFrom?.secretKeyRef) }).toEqual({ where, secretEnv: [] });
      }
    }
  });

  test('the observer watches exactly the environment\'s feeds, with only the log notifier', () => {
    const [config] = ofKind('ConfigMap').filter((c) => c.metadata.name === 'pyth-observer-config');
    const observerConfig = parse(config.data['config.yaml']);
    expect(observerConfig.events).toEqual(['LogEvent']);
    const feeds = new Set([...Object.keys(JSON.parse(config.data['coingecko.json'])), ...Object.keys(observerConfig.checks).filter((k) => k !== 'global')]);
    for (const symbol of feeds) expect(Object.keys(env.priceFeeds.feeds)).toContain(symbol);
    expect(ofKind('Deployment').find((d) => d.metadata.name === 'pyth-observer')!.spec.replicas).toBe(env.priceFeeds.observer.replicas);
  });

  test('the PrometheusRule, as synthesized, passes promtool check rules with lint fatal and is the rendered rules file', () => {
    expect(rule.spec).toEqual(JSON.parse(JSON.stringify(renderPriceFeedRules(environmentPriceFeeds(env)).rulesFile)));
    const file = writeRulesFile(rule.spec);
    try {
      const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', file]);
      expect(result.output).toContain('SUCCESS');
      expect(result.status).toBe(0);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  test('every alert routes by environment and team, and links a runbook page that exists', () => {
    for (const { rule: alert } of alertsOf(rule.spec)) {
      expect({ alert: alert.alert, environment: alert.labels.environment, team: !!alert.labels.team }).toEqual({ alert: alert.alert, environment: name, team: true });
      const page = alert.annotations.runbook_url.split('/').pop()!;
      expect(alert.annotations.runbook_url.startsWith(`${env.alerting.runbookBaseUrl}/`)).toBe(true);
      expect({ alert: alert.alert, runbook: fs.existsSync(path.join(RUNBOOKS, page)) }).toEqual({ alert: alert.alert, runbook: true });
    }
  });

  test('the ServiceMonitor gives the observer the job the rules select', () => {
    const monitor = ofKind('ServiceMonitor').find((m) => m.metadata.name === 'pyth-observer')!;
    const service = ofKind('Service').find((m) => m.metadata.name === 'pyth-observer')!;
    const job = service.metadata.labels[monitor.spec.jobLabel];
    expect(JSON.stringify(rule.spec)).toContain(`job=\\"${job}\\"`);
  });

  test('dashboards are ConfigMaps the Grafana sidecar picks up', () => {
    const dashboards = ofKind('ConfigMap').filter((c) => c.metadata.labels?.grafana_dashboard === '1');
    expect(dashboards.map((d) => Object.keys(d.data)[0]).sort()).toEqual(
      ['feedops-endpoints.json', 'feedops-price-feeds.json', 'feedops-publishers.json', 'feedops-slos.json', ...(env.wallets ? ['feedops-wallets.json'] : [])].sort(),
    );
  });
});
