import { problemsOf, withChange } from './support/problems';

// The validations of environments/validate.ts that had no test, each at its boundary: the last accepted value and
// the first rejected one, with the exact message (environment, field path, bad value, what is allowed).

describe('network.vpcCidr prefix', () => {
  test.each(['10.10.0.0/15', '10.10.0.0/25'])('fails when the VPC is %s, outside /16 to /24', (cidr) => {
    const prefix = cidr.split('/')[1];
    expect(problemsOf(withChange((e) => (e.dev.network.vpcCidr = cidr)))).toContainEqual(`dev: network.vpcCidr: "${cidr}" has prefix /${prefix} (allowed: /16 to /24)`);
  });

  test.each(['10.10.0.0/16', '10.10.0.0/24'])('accepts a VPC of %s (the edges of the range)', (cidr) => {
    const problems = problemsOf(withChange((e) => (e.dev.network.vpcCidr = cidr)));
    expect(problems.filter((line) => line.startsWith('dev: network.vpcCidr:'))).toEqual([]);
  });
});

describe('priceFeeds.observer.replicas in production', () => {
  test('fails when production runs one observer', () => {
    expect(problemsOf(withChange((e) => (e.prod.priceFeeds.observer.replicas = 1)))).toEqual(['prod: priceFeeds.observer.replicas: 1 in production (allowed: at least 2)']);
  });

  test('accepts two observers in production and one elsewhere', () => {
    expect(problemsOf(withChange((e) => ((e.prod.priceFeeds.observer.replicas = 2), (e.staging.priceFeeds.observer.replicas = 1))))).toEqual([]);
  });
});

describe('production monitoring replicas at the boundary', () => {
  test('accepts 2 Prometheus and 3 Alertmanager replicas in production', () => {
    expect(problemsOf(withChange((e) => ((e.prod.monitoring.prometheus.replicas = 2), (e.prod.monitoring.alertmanager.replicas = 3))))).toEqual([]);
  });
});

test('fails when an environment\'s name differs from the name it is registered under', () => {
  expect(problemsOf(withChange((e) => (e.staging.name = 'stage')))).toContainEqual('staging: name: "stage" differs from the name the environment is registered under (allowed: "staging")');
});

test('fails when a node-group key is not a short lower-case name', () => {
  const problems = problemsOf(withChange((e) => (e.dev.cluster.nodeGroups.Monitors_1 = e.dev.cluster.nodeGroups.monitors)));
  expect(problems).toContainEqual('dev: cluster.nodeGroups.Monitors_1: key "Monitors_1" (allowed: lower-case letters, digits and "-", up to 20 characters, starting with a letter)');
});

test('accepts a node-group key of exactly 20 characters and fails at 21', () => {
  const twenty = 'a'.repeat(20);
  const accepted = problemsOf(withChange((e) => (e.dev.cluster.nodeGroups[twenty] = { ...e.dev.cluster.nodeGroups.monitors, name: 'twenty' })));
  expect(accepted.filter((line) => line.includes('key "'))).toEqual([]);
  const rejected = problemsOf(withChange((e) => (e.dev.cluster.nodeGroups[`${twenty}a`] = { ...e.dev.cluster.nodeGroups.monitors, name: 'twentyone' })));
  expect(rejected).toContainEqual(expect.stringMatching(/^dev: cluster\.nodeGroups\.a{21}: key "a{21}" \(allowed: /));
});

test('fails when a node group\'s desired size is outside min..max', () => {
  const problems = problemsOf(withChange((e) => Object.assign(e.staging.cluster.nodeGroups.monitors, { minSize: 2, maxSize: 4, desiredSize: 5 })));
  expect(problems).toEqual(['staging: cluster.nodeGroups.monitors.desiredSize: 5 is outside 2..4 (allowed: minSize <= desiredSize <= maxSize)']);
});

test('fails when an environment has no node groups', () => {
  expect(problemsOf(withChange((e) => (e.dev.cluster.nodeGroups = {})))).toContainEqual('dev: cluster.nodeGroups: no node groups (allowed: at least one)');
});

test('fails when a severity routes to an undeclared Slack receiver', () => {
  expect(problemsOf(withChange((e) => (e.prod.alerting.routing = { ...e.prod.alerting.routing, bySeverity: { ...e.prod.alerting.routing.bySeverity, critical: 'pager' } })))).toContainEqual(
    expect.stringMatching(/^prod: alerting\.routing\.bySeverity\.critical: receiver "pager" is not declared in alerting\.slackReceivers \(allowed: feeds-critical, /),
  );
});

test('fails when the default receiver is not declared', () => {
  expect(problemsOf(withChange((e) => (e.dev.alerting.routing = { ...e.dev.alerting.routing, defaultReceiver: 'nowhere' })))).toContainEqual(
    expect.stringMatching(/^dev: alerting\.routing\.defaultReceiver: receiver "nowhere" is not declared in alerting\.slackReceivers \(allowed: /),
  );
});

test('fails when two environments use the same cluster name in one account and region', () => {
  const problems = problemsOf(withChange((e) => (e.staging.cluster.name = e.dev.cluster.name)));
  expect(problems).toContainEqual(expect.stringMatching(/^staging: cluster\.name: "feedops-dev" gives staging the same names as dev \(cluster\.name "feedops-dev"\) in account 111122223333: IAM role feedops-dev-cluster, .* \(allowed: a cluster name no other environment of the account uses or extends/));
});

test('reports the price-feed pack\'s own problems under priceFeeds (abandoned not beyond stale)', () => {
  const problems = problemsOf(
    withChange((e) => (e.dev.priceFeeds.feeds['Crypto.BTC/USD'] = { ...e.dev.priceFeeds.feeds['Crypto.BTC/USD'], staleAfterSlots: 200, abandonedAfterSlots: 100 })),
  );
  expect(problems).toEqual(['dev: priceFeeds.feeds["Crypto.BTC/USD"].abandonedAfterSlots: number 100 (allowed: more than staleAfterSlots (200))']);
});

describe('priceFeeds.assetTypes.<type>.pendingFor at the boundary', () => {
  test('accepts a stale pending time of 0s (the staleness count is the wait) and 1m for every other condition', () => {
    const problems = problemsOf(withChange((e) => (e.dev.priceFeeds.assetTypes = { Crypto: { pendingFor: { stale: '0s', notTrading: '1m' } } })));
    expect(problems).toEqual([]);
  });

  test('fails when another condition waits under 1m', () => {
    const problems = problemsOf(withChange((e) => (e.dev.priceFeeds.assetTypes = { Crypto: { pendingFor: { notTrading: '59s' } } })));
    expect(problems).toEqual([expect.stringMatching(/^dev: priceFeeds\.assetTypes\.Crypto\.pendingFor\.notTrading: .*\(allowed: a duration of at least 1m, e\.g\. "5m"\)$/)]);
  });
});
