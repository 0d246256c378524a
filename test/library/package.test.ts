// Library use as another team has it: `npm pack`, install the tarball in a fresh project, and synthesize a stack
// through the public API only (the package root export), never through internal paths.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const RUNTIME_DEPENDENCIES = Object.keys(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).dependencies);

let work: string;
let packageDirectory: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-library-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: PROJECT_ROOT, encoding: 'utf8' }));
  const modules = path.join(work, 'node_modules');
  packageDirectory = path.join(modules, 'feedops');
  fs.mkdirSync(packageDirectory, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', packageDirectory, '--strip-components=1']);
  // The consumer's own install of feedops' runtime dependencies (linked, not downloaded).
  for (const dependency of RUNTIME_DEPENDENCIES) {
    const target = path.join(modules, dependency);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules', dependency), target);
  }
}, 60_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test('the tarball holds the compiled constructs with their types, and no app, tests or environment data', () => {
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: packageDirectory, encoding: 'utf8' }).split('\n');
  expect(files).toContain('./dist/constructs/index.js');
  expect(files).toContain('./dist/constructs/index.d.ts');
  expect(files.filter((file) => /\/(test|environments|stacks|scripts)\/|main\.js/.test(file))).toEqual([]);
});

test('another team synthesizes its own stack through the package root', () => {
  const app = `
    const { App, TerraformStack } = require('cdktf');
    const { EksCluster, Network, KubernetesObjects, renderRules, Severity, Runbook, Duration } = require('feedops');
    const app = new App({ outdir: ${JSON.stringify(path.join(work, 'out'))} });
    const stack = new TerraformStack(app, 'payments-monitors');
    // The consumer's stack owns its providers (deep imports, as in feedops).
    const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
    const { KubernetesProvider } = require('@cdktf/provider-kubernetes/lib/provider');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1', allowedAccountIds: ['111122223333'] });
    new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
    const cluster = EksCluster.fromAttributes(stack, 'cluster', {
      clusterName: 'feedops-prod', clusterEndpoint: 'https://example', clusterCertificateAuthorityData: 'Q0E=',
      clusterOidcIssuerUrl: 'https://oidc.example', clusterSecurityGroupId: 'sg-1',
    });
    const rules = renderRules([{ name: 'payments', rules: [{
      alert: 'PaymentsApiDown', expr: 'up{job="payments-api"} == 0', for: Duration.minutes(2), severity: Severity.CRITICAL,
      team: 'payments', summary: 'Payments API is down', description: 'No payments API target is up.',
      runbook: Runbook.at('https://runbooks.example.com', 'PaymentsApiDown'),
    }] }], { environment: 'prod', name: 'payments', namespace: 'payments' });
    new KubernetesObjects(stack, 'rules', { manifests: [rules.prometheusRule] });
    new Network(stack, 'network', { name: cluster.clusterName + '-payments', accountId: '111122223333', region: 'eu-west-1',
      vpcCidr: '10.50.0.0/16', availabilityZones: {
        'eu-west-1a': { privateSubnetCidr: '10.50.0.0/19', publicSubnetCidr: '10.50.128.0/22' },
        'eu-west-1b': { privateSubnetCidr: '10.50.32.0/19', publicSubnetCidr: '10.50.132.0/22' } } });
    app.synth();
  `;
  const result = spawnSync(process.execPath, ['-e', app], { cwd: work, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const tf = JSON.parse(fs.readFileSync(path.join(work, 'out', 'stacks', 'payments-monitors', 'cdk.tf.json'), 'utf8'));
  const [rule] = Object.values<any>(tf.resource.kubernetes_manifest);
  expect(rule.manifest.spec.groups[0].rules[0]).toEqual(expect.objectContaining({ alert: 'PaymentsApiDown', for: '2m' }));
  expect(Object.keys(tf.resource.aws_vpc)).toHaveLength(1);
});

test('internal modules are not importable: only the package root is exported', () => {
  const result = spawnSync(process.execPath, ['-e', "require('feedops/dist/stacks/app')"], { cwd: work, encoding: 'utf8' });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED|Cannot find module/);
});

// Endpoint probes and SLOs (issue 10): the README examples, through the package root.
test('another team renders its own SLO and endpoint probes through the package root', () => {
  const app = `
    const { App, TerraformStack } = require('cdktf');
    const { EndpointMonitoring, endpointsSchema, Runbook, ServiceLevelObjective } = require('feedops');
    const app = new App({ outdir: ${JSON.stringify(path.join(work, 'out-slo'))} });
    const stack = new TerraformStack(app, 'payments-slos');
    const { KubernetesProvider } = require('@cdktf/provider-kubernetes/lib/provider');
    new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
    new ServiceLevelObjective(stack, 'payments-api-availability', {
      environment: 'prod', namespace: 'payments', service: 'api', name: 'availability',
      description: 'Requests to the payments API succeed.', objectivePercent: 99.9,
      sli: { kind: 'events',
        goodQuery: 'sum(rate(http_requests_total{job="payments-api",code!~"5.."}[{{window}}]))',
        totalQuery: 'sum(rate(http_requests_total{job="payments-api"}[{{window}}]))' },
      alertName: 'PaymentsApiAvailability', team: 'payments',
      runbook: Runbook.at('https://github.com/example-org/payments/blob/main/runbooks', 'PaymentsApiAvailability'),
    });
    new EndpointMonitoring(stack, 'endpoints', {
      endpoints: endpointsSchema.parse({ 'payments-api': { kind: 'http', url: 'https://payments.example.com/healthz', team: 'payments', latencyObjectiveSeconds: 0.5 } }),
      environment: 'prod', namespace: 'payments', runbookBaseUrl: 'https://github.com/example-org/payments/blob/main/runbooks',
      proberAddress: 'blackbox-exporter-prometheus-blackbox-exporter.monitoring.svc:9115',
    });
    app.synth();
  `;
  const result = spawnSync(process.execPath, ['-e', app], { cwd: work, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const tf = JSON.parse(fs.readFileSync(path.join(work, 'out-slo', 'stacks', 'payments-slos', 'cdk.tf.json'), 'utf8'));
  const manifests = Object.values<any>(tf.resource.kubernetes_manifest).map((r) => r.manifest);
  expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual(['Probe/endpoint-payments-api', 'PrometheusRule/feedops-endpoints', 'PrometheusRule/slo-api-availability']);
});
