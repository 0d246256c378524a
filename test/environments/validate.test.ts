import { delivery, ENVIRONMENTS } from '../../environments';
import { EnvironmentFileFailure, loadEnvironmentFile } from '../../environments/load';
import { validateEnvironments } from '../../environments/validate';
import { problemsOf, withChange } from './support/problems';

test('the registered environments are valid', () => {
  const config = validateEnvironments(ENVIRONMENTS, delivery);
  expect(config.environments.map((env) => env.name)).toEqual(Object.keys(ENVIRONMENTS));
  expect(Object.keys(ENVIRONMENTS).length).toBeGreaterThan(1);
});

// zod's JIT compiles a parser per object schema (new Function) on its first parse: a cost a synth, which parses each
// schema a few times, does not earn back (CONFIG_PARSE turns it off). Fresh modules, so no earlier parse compiled them.
test('validating the environments compiles no code at run time, on the valid and the failing path', () => {
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- fresh copies of zod's schemas */
    const fresh = require('../../environments/validate') as typeof import('../../environments/validate');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const compile = jest.spyOn(globalThis, 'Function');
    try {
      expect(fresh.validateEnvironments(ENVIRONMENTS, delivery).environments.length).toBeGreaterThan(1);
      expect(() => fresh.validateEnvironments(withChange((e) => (e.dev.network.vpcCidr = '10.10.0.0/33')), delivery)).toThrow(/vpcCidr/);
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
  });
});

test('fails when a CIDR is malformed', () => {
  const problems = problemsOf(withChange((e) => (e.dev.network.vpcCidr = '10.10.0.0/33')));
  expect(problems).toContainEqual(expect.stringMatching(/^dev: network\.vpcCidr: .*prefix length above 32.*\(allowed: /));
});

test('fails when a CIDR has host bits set, suggesting the network address', () => {
  const problems = problemsOf(withChange((e) => (e.dev.network.availabilityZones['eu-west-1a'].privateSubnetCidr = '10.10.1.0/19')));
  expect(problems).toContainEqual(expect.stringContaining('dev: network.availabilityZones.eu-west-1a.privateSubnetCidr: "10.10.1.0/19" has host bits set (did you mean 10.10.0.0/19?)'));
});

test('fails when subnets overlap', () => {
  const problems = problemsOf(withChange((e) => (e.staging.network.availabilityZones['eu-west-1b'].privateSubnetCidr = '10.20.16.0/20')));
  expect(problems).toContainEqual(
    'staging: network.availabilityZones.eu-west-1b.privateSubnetCidr: "10.20.16.0/20" overlaps network.availabilityZones.eu-west-1a.privateSubnetCidr "10.20.0.0/19" (allowed: non-overlapping subnets)',
  );
});

test('fails when a subnet is outside the VPC', () => {
  const problems = problemsOf(withChange((e) => (e.dev.network.availabilityZones['eu-west-1b'].publicSubnetCidr = '10.99.0.0/22')));
  expect(problems).toContainEqual(expect.stringMatching(/^dev: network\.availabilityZones\.eu-west-1b\.publicSubnetCidr: "10\.99\.0\.0\/22" is outside the VPC \(allowed: a subnet of 10\.10\.0\.0\/16\)$/));
});

test('fails when the Kubernetes version is unknown, listing the supported ones', () => {
  const problems = problemsOf(withChange((e) => (e.prod.cluster.kubernetesVersion = '1.21')));
  expect(problems).toContainEqual(expect.stringMatching(/^prod: cluster\.kubernetesVersion: "1\.21" is not supported \(allowed: 1\.\d+/));
});

test('fails when production has fewer than 3 availability zones', () => {
  const problems = problemsOf(withChange((e) => delete e.prod.network.availabilityZones['eu-west-1c']));
  expect(problems).toContainEqual('prod: network.availabilityZones: 2 zones for a production environment (allowed: at least 3)');
});

test('fails when any environment has a single availability zone', () => {
  const problems = problemsOf(withChange((e) => delete e.dev.network.availabilityZones['eu-west-1b']));
  expect(problems).toContainEqual('dev: network.availabilityZones: 1 zone for a non-production environment (allowed: at least 2)');
});

test('fails when a zone is not in the region', () => {
  const problems = problemsOf(
    withChange((e) => {
      e.dev.network.availabilityZones['us-east-1a'] = e.dev.network.availabilityZones['eu-west-1b'];
      delete e.dev.network.availabilityZones['eu-west-1b'];
    }),
  );
  expect(problems).toContainEqual(expect.stringMatching(/^dev: network\.availabilityZones\.us-east-1a: "us-east-1a" is not a zone of region eu-west-1/));
});

test('fails when a node group has min nodes above max', () => {
  const problems = problemsOf(withChange((e) => (e.staging.cluster.nodeGroups.monitors.minSize = 7)));
  expect(problems).toContainEqual('staging: cluster.nodeGroups.monitors.minSize: 7 is greater than maxSize 6 (allowed: minSize <= desiredSize <= maxSize)');
});

test('fails when a production node group has fewer than 2 nodes', () => {
  const problems = problemsOf(withChange((e) => Object.assign(e.prod.cluster.nodeGroups.system, { minSize: 1, desiredSize: 1 })));
  expect(problems).toContainEqual('prod: cluster.nodeGroups.system.minSize: 1 in production (allowed: at least 2)');
});

test('fails when production has a public endpoint CIDR of 0.0.0.0/0', () => {
  const problems = problemsOf(withChange((e) => (e.prod.cluster.publicEndpointCidrs = ['0.0.0.0/0'])));
  expect(problems).toContainEqual('prod: cluster.publicEndpointCidrs[0]: "0.0.0.0/0" opens the Kubernetes API to the whole internet (allowed: specific office or VPN CIDRs)');
  expect(problems).toContainEqual(expect.stringMatching(/^prod: cluster\.publicEndpointCidrs: \["0\.0\.0\.0\/0"\] in production \(allowed: \[\]/));
});

test('fails when production has any public endpoint CIDR', () => {
  const problems = problemsOf(withChange((e) => (e.prod.cluster.publicEndpointCidrs = ['203.0.113.10/32'])));
  expect(problems).toContainEqual(expect.stringMatching(/^prod: cluster\.publicEndpointCidrs: .* in production/));
});

test('fails when a non-production environment opens the endpoint to ::/0', () => {
  const problems = problemsOf(withChange((e) => (e.dev.cluster.publicEndpointCidrs = ['::/0'])));
  expect(problems).toContainEqual(expect.stringMatching(/^dev: cluster\.publicEndpointCidrs\[0\]: "::\/0" opens the Kubernetes API/));
});

test('fails when two node groups resolve to the same node-group name', () => {
  const problems = problemsOf(withChange((e) => (e.dev.cluster.nodeGroups.monitors.name = 'feedops-dev-system')));
  expect(problems).toContainEqual(
    'dev: cluster.nodeGroups.monitors.name: node-group name "feedops-dev-system" is also used by cluster.nodeGroups.system (allowed: unique names)',
  );
});

test('fails when a field name has a typo, listing the allowed fields', () => {
  const problems = problemsOf(
    withChange((e) => {
      e.dev.cluster.kubernetesVerison = e.dev.cluster.kubernetesVersion;
      delete e.dev.cluster.kubernetesVersion;
    }),
  );
  expect(problems).toContainEqual(expect.stringMatching(/^dev: cluster\.kubernetesVerison: unknown field \(allowed: name, kubernetesVersion, /));
  expect(problems).toContainEqual('dev: cluster.kubernetesVersion: is missing (allowed: string)');
});

test('a typo does not hide the other problems of the same environment', () => {
  const problems = problemsOf(
    withChange((e) => {
      e.dev.network.natGateway = 'single';
      e.dev.cluster.nodeGroups.system.minSize = 9;
    }),
  );
  expect(problems).toContainEqual(expect.stringMatching(/^dev: network\.natGateway: unknown field/));
  expect(problems).toContainEqual(expect.stringMatching(/^dev: cluster\.nodeGroups\.system\.minSize: 9 is greater than maxSize/));
});

test('fails when an enum value is unknown, listing the allowed values', () => {
  const problems = problemsOf(withChange((e) => (e.dev.network.natGateways = 'two')));
  expect(problems).toContainEqual('dev: network.natGateways: "two" (allowed: "single", "one-per-az")');
});

test('fails when a log retention is not a CloudWatch period', () => {
  const problems = problemsOf(withChange((e) => (e.dev.cluster.controlPlaneLogRetentionDays = 100)));
  expect(problems).toContainEqual(expect.stringMatching(/^dev: cluster\.controlPlaneLogRetentionDays: number 100 not a CloudWatch Logs retention period \(allowed: 1, 3, 5/));
});

test('fails when production has one NAT gateway or no deletion protection', () => {
  const problems = problemsOf(withChange((e) => Object.assign(e.prod.network, { natGateways: 'single' }) && Object.assign(e.prod.cluster, { deletionProtection: false })));
  expect(problems).toContainEqual(expect.stringMatching(/^prod: network\.natGateways: "single" in production .*\(allowed: "one-per-az"\)$/));
  expect(problems).toContainEqual('prod: cluster.deletionProtection: false in production (allowed: true)');
});

test('fails when an environment lives in an account that is neither the delivery account nor in delivery.accounts', () => {
  const problems = problemsOf(withChange((e) => (e.staging.account.id = '999999999999')));
  expect(problems).toContainEqual(expect.stringMatching(/^staging: account\.id: "999999999999" is neither the delivery account nor in delivery\.accounts \(allowed: "111122223333"\)/));
});

test('fails when the delivery settings are invalid', () => {
  const problems = problemsOf(ENVIRONMENTS, { ...delivery, githubRepository: 'no-slash' });
  expect(problems).toContainEqual(expect.stringMatching(/^delivery: githubRepository: "no-slash" must be "<org>\/<repo>"/));
});

test('lists the problems of every environment in one error', () => {
  const problems = problemsOf(
    withChange((e) => {
      e.dev.network.vpcCidr = 'not-a-cidr';
      e.prod.cluster.kubernetesVersion = '1.0';
    }),
  );
  expect(problems.map((line) => line.split(':')[0]).sort()).toEqual(['dev', 'prod']);
});

test('fails when production monitoring is not highly available', () => {
  const problems = problemsOf(withChange((e) => Object.assign(e.prod.monitoring, { prometheus: { ...e.prod.monitoring.prometheus, replicas: 1 }, alertmanager: { ...e.prod.monitoring.alertmanager, replicas: 2 } })));
  expect(problems).toContainEqual('prod: monitoring.prometheus.replicas: 1 in production (allowed: at least 2)');
  expect(problems).toContainEqual('prod: monitoring.alertmanager.replicas: 2 in production (allowed: at least 3)');
});

test('fails when a route names an undeclared Slack receiver', () => {
  const problems = problemsOf(withChange((e) => (e.dev.alerting.routing.byTeam.feeds.critical = 'feeds-pager')));
  expect(problems).toContainEqual(expect.stringMatching(/^dev: alerting\.routing\.byTeam\.feeds\.critical: receiver "feeds-pager" is not declared in alerting\.slackReceivers \(allowed: feeds-critical, /));
});

test('fails when a team has no channel', () => {
  const problems = problemsOf(withChange((e) => (e.staging.alerting.routing.byTeam.payments = {})));
  expect(problems).toContainEqual('staging: alerting.routing.byTeam.payments: a team with no channel (allowed: at least one of critical, warning, info)');
});

// ---- issue 17: nothing inherited silently, every problem in one run ----

/** The registered environments plus `qa`, a copy of staging with `change` applied (as README's procedure starts). */
function withQa(change: (qa: Record<string, any>) => void = () => undefined): Record<string, any> {
  const environments = structuredClone(ENVIRONMENTS) as Record<string, any>;
  const qa = structuredClone(environments.staging);
  qa.name = 'qa';
  change(qa);
  return { ...environments, qa };
}

/** `qa` with its own names, CIDRs and identity: valid, so each test below changes one thing back. */
function ownQa(qa: Record<string, any>): void {
  qa.cluster.name = 'feedops-qa';
  qa.tags = { 'cost-center': 'platform-qa' };
  qa.alerting.heartbeat = { ...qa.alerting.heartbeat, url: 'https://api.eu.opsgenie.com/v2/heartbeats/feedops-qa/ping' };
  for (const receiver of Object.values<any>(qa.alerting.slackReceivers)) receiver.channel = receiver.channel.replace('#staging-', '#qa-');
}

test('a copy of staging with its own names and identity is valid', () => {
  expect(problemsOf(withQa(ownQa))).toEqual([]);
});

test('fails when a copied cluster name would give two environments the same IAM roles, naming both', () => {
  const problems = problemsOf(withQa((qa) => (ownQa(qa), (qa.cluster.name = 'feedops-staging'))));
  expect(problems).toContainEqual(
    expect.stringMatching(/^qa: cluster\.name: "feedops-staging" gives qa the same names as staging \(cluster\.name "feedops-staging"\) in account 111122223333: IAM role feedops-staging-cluster, IAM role feedops-staging-node, IAM role feedops-staging-ebs-csi, IAM role feedops-staging-vpc-flow-logs and \d+ more \(allowed: .*"feedops-qa"\)$/),
  );
  expect(problems).toHaveLength(1);
});

test('fails when the cluster names collide in another region of the same account (IAM is account-wide)', () => {
  const problems = problemsOf(
    withQa((qa) => {
      ownQa(qa);
      qa.cluster.name = 'feedops-staging';
      qa.account.region = 'eu-central-1';
      qa.network.availabilityZones = Object.fromEntries(Object.entries(qa.network.availabilityZones).map(([zone, subnets]) => [zone.replace('eu-west-1', 'eu-central-1'), subnets]));
    }),
  );
  expect(problems).toContainEqual(expect.stringMatching(/^qa: cluster\.name: "feedops-staging" gives qa the same names as staging .* in account 111122223333: IAM role feedops-staging-cluster/));
});

test('fails when a cluster name puts another environment\'s roles under its apply role (prefix feedops-staging-*)', () => {
  const problems = problemsOf(withQa((qa) => (ownQa(qa), (qa.cluster.name = 'feedops-staging-qa'))));
  expect(problems).toContainEqual(expect.stringMatching(/^qa: cluster\.name: "feedops-staging-qa" puts names of qa under the staging apply role \(cluster\.name "feedops-staging"\): IAM role feedops-staging-qa-cluster/));
});

test.each([
  ['a Slack channel', (qa: any) => (qa.alerting.slackReceivers['feeds-critical'].channel = '#staging-feeds-critical'), 'qa: alerting.slackReceivers.feeds-critical.channel: "#staging-feeds-critical" is also the channel of staging (alerting.slackReceivers.feeds-critical) (allowed: this environment\'s own channel)'],
  ['the heartbeat', (qa: any) => (qa.alerting.heartbeat.url = 'https://api.eu.opsgenie.com/v2/heartbeats/feedops-staging/ping'), 'qa: alerting.heartbeat.url: "https://api.eu.opsgenie.com/v2/heartbeats/feedops-staging/ping" is also the heartbeat of staging: its dead-man\'s switch would stay green while staging is down (allowed: this environment\'s own heartbeat)'],
  ['the cost-center tag', (qa: any) => (qa.tags['cost-center'] = 'platform-staging'), 'qa: tags.cost-center: "platform-staging" is also the cost center of staging (allowed: this environment\'s own cost center)'],
])('fails when %s equals another environment\'s, naming both', (_what, change, message) => {
  expect(problemsOf(withQa((qa) => (ownQa(qa), change(qa))))).toEqual([message]);
});

test('fails when an environment states no cost center', () => {
  const problems = problemsOf(withQa((qa) => (ownQa(qa), (qa.tags = {}))));
  expect(problems).toEqual(['qa: tags.cost-center: is missing (allowed: string)']);
});

test('reports schema, in-environment and cross-environment problems in one run', () => {
  const problems = problemsOf(
    withQa((qa) => {
      qa.network.natGateways = 'two'; // schema: the network section fails
      qa.cluster.nodeGroups.system.minSize = 9; // a check of the cluster section, which is valid
      qa.account.id = '999999999999'; // an account without delivery settings
    }),
  );
  expect(problems).toEqual(
    expect.arrayContaining([
      'qa: network.natGateways: "two" (allowed: "single", "one-per-az")',
      expect.stringMatching(/^qa: cluster\.nodeGroups\.system\.minSize: 9 is greater than maxSize/),
      expect.stringMatching(/^qa: account\.id: "999999999999" is neither the delivery account nor in delivery\.accounts/),
      expect.stringMatching(/^qa: alerting\.slackReceivers\.feeds-critical\.channel: "#staging-feeds-critical" is also the channel of staging/),
      expect.stringMatching(/^qa: alerting\.heartbeat\.url: .* is also the heartbeat of staging/),
      'qa: tags.cost-center: "platform-staging" is also the cost center of staging (allowed: this environment\'s own cost center)',
    ]),
  );
});

test('still checks the accounts when the delivery settings are invalid elsewhere', () => {
  const problems = problemsOf(withChange((e) => (e.staging.account.id = '999999999999')), { ...delivery, githubRepository: 'no-slash' });
  expect(problems).toContainEqual(expect.stringMatching(/^delivery: githubRepository:/));
  expect(problems).toContainEqual(expect.stringMatching(/^staging: account\.id: "999999999999" is neither/));
});

describe('an environment file that throws while it loads', () => {
  test('is reported as environment: file: what failed, with the other environments\' problems', () => {
    const broken = loadEnvironmentFile('qa', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'region')");
    });
    expect(broken).toBeInstanceOf(EnvironmentFileFailure);
    const problems = problemsOf(withChange((e) => ((e.qa = broken), (e.dev.network.natGateways = 'two'))));
    expect(problems).toEqual([
      'dev: network.natGateways: "two" (allowed: "single", "one-per-az")',
      "qa: environments/qa.ts: TypeError: Cannot read properties of undefined (reading 'region') (while loading the file)",
    ]);
  });

  test('fails when the file does not export the environment under its name', () => {
    const problems = problemsOf({ ...ENVIRONMENTS, qa: loadEnvironmentFile('qa', () => ({ staging: {} })) });
    expect(problems).toEqual(['qa: environments/qa.ts: exports no "qa" (allowed: `export const qa = { name: \'qa\', ... }`; found: staging)']);
  });
});
