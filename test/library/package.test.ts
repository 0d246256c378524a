// Library use as another team has it: `npm pack`, a fresh project that installs the tarball with its own peer
// versions (cdktf, constructs, the providers), compiles its stack in strict mode against the packed types and
// synthesizes it: connected to a feedops cluster, with its own rules, dashboard and the price-feed pack, guardrails on.
// It runs at both ends of the supported `constructs` range, and breaks a guardrail on purpose.
// Needs the npm registry (or npm's cache, `--prefer-offline`) for the tarball's own dependencies and `constructs`.
// The other peers (cdktf and 540 MB of provider bindings, at the versions this checkout installed) are hard-linked
// from this checkout's node_modules first: npm keeps them, since they are what the consumer's package.json asks for,
// and checks them against the tarball's peer ranges; unpacking them again cost 6 s of CPU on every run.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
const PEERS: Record<string, string> = PACKAGE.peerDependencies;
const DEV: Record<string, string> = PACKAGE.devDependencies;
/**
 * The newest `constructs` 10.x on the npm registry (`npm view constructs versions --json`, December 2026): the top
 * of the supported range. The bottom is the range's floor (cdktf 0.21's own peer floor).
 */
const NEWEST_CONSTRUCTS = '10.8.1';
const OLDEST_CONSTRUCTS = /^>=(\d+\.\d+\.\d+) /.exec(PEERS.constructs)?.[1] ?? '(peer range without a floor)';
/**
 * The two TypeScript compilers this project pins (README "Requirements"): a team on the oldest constructs compiles
 * with 5.x, one on the newest with the native 7.x, both against the declarations the package ships.
 */
const COMPILERS = {
  typescript5: { name: `TypeScript ${DEV.typescript}`, tsc: path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc') },
  typescript7: { name: `TypeScript ${DEV['typescript-native'].replace(/^npm:typescript@/, '')}`, tsc: path.join(PROJECT_ROOT, 'node_modules/typescript-native/bin/tsc') },
};
/** The peers at this checkout's versions; `constructs` comes from npm, at both ends of its range. */
const SEEDED_PEERS = ['cdktf', '@cdktf/provider-aws', '@cdktf/provider-helm', '@cdktf/provider-kubernetes'];
const NPM_INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

let work: string;
let consumer: string;
let packedFiles: string[];

const run = (command: string, args: string[], cwd = consumer, timeout = 300_000): SpawnSyncReturns<string> =>
  spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_update_notifier: 'false' } });

/** Hard-links `peer` as installed in this checkout into the consumer's node_modules (a copy across file systems). */
function seedPeer(peer: string, version: string): void {
  const installed = path.join(PROJECT_ROOT, 'node_modules', peer);
  const installedVersion = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version;
  if (installedVersion !== version) throw new Error(`${peer} ${installedVersion} is installed here, the consumer asks for ${version}: run npm ci`);
  const target = path.join(consumer, 'node_modules', peer);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (run('cp', ['-al', installed, target]).status === 0) return;
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(installed, target, { recursive: true, verbatimSymlinks: true });
}

function npm(args: string[]): void {
  const result = run('npm', args);
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${consumer} (the registry or npm's cache must be reachable):\n${result.stderr}`);
}

const CONSUMER_STACK = `
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  Duration, FeedopsClusterConnection, GrafanaDashboard, Guardrails, PriceFeedMonitoring, PrometheusRules, resolvePriceFeeds, Runbook, Severity,
} from 'feedops';
import { ManagedNodeGroup } from 'feedops/platform';

class PaymentsMonitors extends TerraformStack {
  constructor(scope: Construct, id: string, breakGuardrail: boolean) {
    super(scope, id);
    Guardrails.of(this);
    new AwsProvider(this, 'aws', { region: 'eu-west-1', allowedAccountIds: ['111122223333'] });
    const { cluster } = new FeedopsClusterConnection(this, 'feedops', { clusterName: 'feedops-prod' });
    new PrometheusRules(this, 'payments-rules', {
      environment: 'prod',
      namespace: 'payments',
      groups: [{ name: 'payments', rules: [{
        alert: 'PaymentsApiDown', expr: 'up{job="payments-api"} == 0', for: Duration.minutes(2), severity: Severity.CRITICAL,
        team: 'payments', summary: 'Payments API is down', description: 'No payments API target is up.',
        runbook: Runbook.at('https://runbooks.example.com', 'PaymentsApiDown'),
      }] }],
    });
    new GrafanaDashboard(this, 'payments-dashboard', {
      namespace: 'payments',
      dashboard: { uid: 'payments', title: 'Payments', refresh: Duration.seconds(30), timeRange: Duration.hours(6),
        rows: [{ title: 'API', panels: [{ kind: 'timeseries', title: 'Targets up', unit: 'none', queries: [{ expr: 'sum(up{job="payments-api"})' }] }] }] },
    });
    const feeds = resolvePriceFeeds({
      network: { name: 'pythnet', httpEndpoint: 'https://api2.pythnet.pyth.network', wsEndpoint: 'wss://api2.pythnet.pyth.network',
        firstMapping: 'AHtgzX45WTKfkPG53L6WYhGEXwQkN1BVknET3sVsLL8J' },
      team: 'payments', publishers: {}, observer: { replicas: 2 },
      feeds: { 'Crypto.BTC/USD': { coingeckoId: 'bitcoin' } },
    }, { environment: 'prod', runbookBaseUrl: 'https://runbooks.example.com', namespace: 'payments-feeds' });
    new PriceFeedMonitoring(this, 'price-feeds', { feeds });
    if (breakGuardrail) {
      new ManagedNodeGroup(this, 'nodes', { clusterName: cluster.clusterName, nodeGroupName: 'payments', nodeRoleArn: 'arn:aws:iam::111122223333:role/nodes',
        subnetIds: ['subnet-a'], instanceTypes: ['m7i.large'], minSize: 1, maxSize: 2, imdsHopLimit: 2 });
    }
  }
}

const app = new App({ outdir: process.argv[2] });
new PaymentsMonitors(app, 'payments-monitors', process.argv.includes('--break-guardrail'));
app.synth();
`;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-consumer-'));
  consumer = path.join(work, 'payments-monitors');
  fs.mkdirSync(path.join(consumer, 'src'), { recursive: true });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: PROJECT_ROOT, encoding: 'utf8' }));
  packedFiles = packed.files.map((file: { path: string }) => file.path);
  fs.writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({
      name: 'payments-monitors',
      private: true,
      dependencies: {
        feedops: `file:${path.join(work, packed.filename)}`,
        // The team's own peers: the versions feedops is built with, constructs at the bottom of the range first.
        cdktf: DEV.cdktf,
        constructs: OLDEST_CONSTRUCTS,
        '@cdktf/provider-aws': DEV['@cdktf/provider-aws'],
        '@cdktf/provider-helm': DEV['@cdktf/provider-helm'],
        '@cdktf/provider-kubernetes': DEV['@cdktf/provider-kubernetes'],
      },
    }),
  );
  fs.writeFileSync(
    path.join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true, target: 'ES2022', module: 'node16', moduleResolution: 'node16', outDir: 'dist', rootDir: 'src', skipLibCheck: true,
        types: ['node'], typeRoots: [path.join(PROJECT_ROOT, 'node_modules/@types')],
      },
      include: ['src'],
    }),
  );
  fs.writeFileSync(path.join(consumer, 'src', 'main.ts'), CONSUMER_STACK);
  for (const peer of SEEDED_PEERS) seedPeer(peer, DEV[peer]);
  npm(NPM_INSTALL);
}, 600_000);

afterAll(() => work && fs.rmSync(work, { recursive: true, force: true }));

describe('the tarball', () => {
  test('holds the compiled constructs with types, the READMEs and the changelog; no app, tests or environment data', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/constructs/index.js', 'dist/constructs/index.d.ts', 'dist/constructs/platform.js', 'CHANGELOG.md', 'package.json']));
    expect(packedFiles.filter((file) => /(^|\/)(test|environments|stacks|scripts)\/|^dist\/main\.js/.test(file))).toEqual([]);
  });

  test('every source map a packed file points at is packed, with its sources inline', () => {
    const installed = path.join(consumer, 'node_modules', 'feedops');
    const dangling: string[] = [];
    for (const file of packedFiles.filter((name) => name.endsWith('.js'))) {
      const reference = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(fs.readFileSync(path.join(installed, file), 'utf8'))?.[1];
      if (!reference) continue;
      const map = path.join(path.dirname(file), reference);
      if (!packedFiles.includes(map)) dangling.push(`${file} -> ${map} (not packed)`);
      else if (!JSON.parse(fs.readFileSync(path.join(installed, map), 'utf8')).sourcesContent?.every((source: unknown) => typeof source === 'string')) {
        dangling.push(`${map} has no sourcesContent (its sources are not packed)`);
      }
    }
    expect(dangling).toEqual([]);
    expect(packedFiles.some((file) => file.endsWith('.js.map'))).toBe(true);
  });

  test('declares exactly the packages the packed code requires: runtime dependencies plus the peers', () => {
    const installed = path.join(consumer, 'node_modules', 'feedops');
    const required = new Set<string>();
    for (const file of packedFiles.filter((name) => name.endsWith('.js'))) {
      for (const [, specifier] of fs.readFileSync(path.join(installed, file), 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
        if (specifier.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'util', 'child_process'].includes(specifier)) continue;
        required.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
      }
    }
    expect([...required].sort()).toEqual([...Object.keys(PACKAGE.dependencies), ...Object.keys(PEERS)].sort());
    for (const dependency of Object.keys(PEERS)) expect(PACKAGE.dependencies[dependency]).toBeUndefined();
  });

  test('has a semver version with a CHANGELOG entry', () => {
    expect(PACKAGE.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## ${PACKAGE.version}`);
  });
});

/** Compiles the consumer in strict mode against what is installed; tsc prints nothing when it succeeds. */
function compileConsumer(tsc: string): { status: number | null; output: string } {
  const compile = run(process.execPath, [tsc, '-p', 'tsconfig.json']);
  return { status: compile.status, output: compile.stdout + compile.stderr };
}

/** Synthesizes the compiled consumer, and reads its stack. */
function synthConsumer(extraArgs: string[] = []): { synth: SpawnSyncReturns<string>; stack: () => Record<string, any> } {
  const outdir = path.join(work, `out-${Date.now()}`);
  const synth = run(process.execPath, ['dist/main.js', outdir, ...extraArgs]);
  return { synth, stack: () => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'payments-monitors', 'cdk.tf.json'), 'utf8')) };
}

/** Every package of the consumer's tree, as `npm ls --all --parseable --long` lists them: "<path>:<name>@<version>". */
function installedTree(): string[] {
  const listing = run('npm', ['ls', '--all', '--parseable', '--long']);
  if (listing.status !== 0) throw new Error(`npm ls failed in ${consumer}:\n${listing.stderr}`);
  return listing.stdout.split('\n').filter(Boolean);
}

function expectOneCopyOf(tree: readonly string[], peer: string, version: string): void {
  const copies = tree.filter((line) => line.slice(0, line.lastIndexOf(':')).endsWith(`${path.sep}node_modules${path.sep}${peer}`));
  expect(copies).toEqual([`${path.join(consumer, 'node_modules', peer)}:${peer}@${version}`]);
  expect(fs.existsSync(path.join(consumer, 'node_modules', 'feedops', 'node_modules', peer))).toBe(false);
}

describe.each([
  ['oldest', OLDEST_CONSTRUCTS, COMPILERS.typescript5],
  ['newest', NEWEST_CONSTRUCTS, COMPILERS.typescript7],
])('a team on the %s supported constructs (%s)', (_end, constructsVersion, compiler) => {
  // One compile per constructs version: every test of the version runs the same compiled stack.
  let compiled: { status: number | null; output: string };
  beforeAll(() => {
    if (constructsVersion !== OLDEST_CONSTRUCTS) npm([...NPM_INSTALL, `constructs@${constructsVersion}`]);
    compiled = compileConsumer(compiler.tsc);
  }, 300_000);

  test(`compiles with ${compiler.name}`, () => {
    expect(compiler.name).toMatch(/^TypeScript \d+\.\d+\.\d+$/);
    const installed = JSON.parse(fs.readFileSync(path.join(path.dirname(compiler.tsc), '..', 'package.json'), 'utf8'));
    expect(`${installed.name} ${installed.version}`).toBe(`typescript ${compiler.name.replace('TypeScript ', '')}`);
  });

  test('the supported peer range admits it', () => {
    expect(PEERS.constructs).toBe('>=10.4.2 <11.0.0');
    expect(constructsVersion).toMatch(/^10\.\d+\.\d+$/);
  });

  test('has exactly one copy of each peer, its own', () => {
    const tree = installedTree();
    expectOneCopyOf(tree, 'constructs', constructsVersion);
    for (const peer of SEEDED_PEERS) expectOneCopyOf(tree, peer, DEV[peer]);
  });

  test('compiles its stack in strict mode and synthesizes rules, a dashboard and the price-feed pack on the feedops cluster', () => {
    expect(compiled).toEqual({ status: 0, output: '' });
    const { synth, stack } = synthConsumer();
    expect({ status: synth.status, stderr: synth.stderr }).toEqual({ status: 0, stderr: '' });
    const tf = stack();
    expect(Object.values<any>(tf.data.aws_eks_cluster).map((cluster) => cluster.name)).toEqual(['feedops-prod']);
    expect(tf.provider.kubernetes[0].host).toMatch(/^\$\{data\.aws_eks_cluster\..+\.endpoint\}$/);
    const manifests = Object.values<any>(tf.resource.kubernetes_manifest).map((resource) => resource.manifest);
    const rule = manifests.find((manifest) => manifest.kind === 'PrometheusRule' && manifest.metadata.name === 'payments-rules');
    expect(rule.spec.groups[0].rules[0]).toEqual(expect.objectContaining({ alert: 'PaymentsApiDown', for: '2m', labels: expect.objectContaining({ severity: 'critical', team: 'payments', environment: 'prod' }) }));
    const dashboard = manifests.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === 'grafana-dashboard-payments');
    expect(JSON.parse(dashboard.data['payments.json']).title).toBe('Payments');
    expect(manifests.find((manifest) => manifest.kind === 'Deployment')?.metadata).toEqual(expect.objectContaining({ name: 'pyth-observer', namespace: 'payments-feeds' }));
  });

  test('an IMDS hop limit of 2 through the public API fails synth, naming the launch template and the rule', () => {
    expect(compiled.status).toBe(0);
    const { synth } = synthConsumer(['--break-guardrail']);
    expect(synth.status).not.toBe(0);
    expect(synth.stderr).toMatch(/guardrail IMDS_HOP_LIMIT broken by aws_launch_template\.\S+ \(construct payments-monitors\/nodes\/launch-template\): metadata_options\.http_put_response_hop_limit is 2/);
  });
});

test('internal modules are not importable: only the package root and feedops/platform are exported', () => {
  const internal = run(process.execPath, ['-e', "require('feedops/dist/stacks/app')"]);
  expect(internal.status).not.toBe(0);
  expect(internal.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED|Cannot find module/);
  const platform = run(process.execPath, ['-e', "console.log(typeof require('feedops/platform').EksCluster)"]);
  expect(platform.stdout.trim()).toBe('function');
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
      proberAddress: 'blackbox-exporter-prometheus-blackbox-exporter.blackbox-exporter.svc:9115',
    });
    app.synth();
  `;
  // Run inside the consumer project, which installed the tarball with its own peers.
  const result = spawnSync(process.execPath, ['-e', app], { cwd: consumer, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const tf = JSON.parse(fs.readFileSync(path.join(work, 'out-slo', 'stacks', 'payments-slos', 'cdk.tf.json'), 'utf8'));
  const manifests = Object.values<any>(tf.resource.kubernetes_manifest).map((r) => r.manifest);
  expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual(['Probe/endpoint-payments-api', 'PrometheusRule/feedops-endpoints', 'PrometheusRule/slo-api-availability']);
});
