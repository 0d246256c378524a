import { Network, NetworkProps } from '../../../constructs/network/network';
import { resources, synthConstruct } from '../../support/synth';

const THREE_ZONES: NetworkProps['availabilityZones'] = {
  'eu-west-1a': { privateSubnetCidr: '10.0.0.0/19', publicSubnetCidr: '10.0.128.0/22' },
  'eu-west-1b': { privateSubnetCidr: '10.0.32.0/19', publicSubnetCidr: '10.0.132.0/22' },
  'eu-west-1c': { privateSubnetCidr: '10.0.64.0/19', publicSubnetCidr: '10.0.136.0/22' },
};
const BASE: NetworkProps = { name: 'test', accountId: '111122223333', region: 'eu-west-1', vpcCidr: '10.0.0.0/16', availabilityZones: THREE_ZONES };

const synthNetwork = (overrides: Partial<NetworkProps> = {}) => synthConstruct((scope) => new Network(scope, 'network', { ...BASE, ...overrides }));

test('creates a NAT gateway per zone by default', () => {
  expect(resources(synthNetwork(), 'aws_nat_gateway')).toHaveLength(3);
});

test('creates one NAT gateway shared by every zone when natGateways is single', () => {
  const tf = synthNetwork({ natGateways: 'single' });
  const [nat] = resources(tf, 'aws_nat_gateway');
  expect(resources(tf, 'aws_nat_gateway')).toHaveLength(1);
  const privateRoutes = resources(tf, 'aws_route').filter((route) => route.config.nat_gateway_id);
  expect(privateRoutes).toHaveLength(3);
  expect(new Set(privateRoutes.map((route) => route.config.nat_gateway_id))).toEqual(new Set([`\${${nat.address}.id}`]));
});

test('creates a private and a public subnet per zone, tagged for internal and internet-facing load balancers', () => {
  const subnets = resources(synthNetwork({ clusterName: 'feedops-test' }), 'aws_subnet');
  const internal = subnets.filter((s) => s.config.tags['kubernetes.io/role/internal-elb'] === '1');
  const external = subnets.filter((s) => s.config.tags['kubernetes.io/role/elb'] === '1');
  expect(internal.map((s) => s.config.cidr_block).sort()).toEqual(['10.0.0.0/19', '10.0.32.0/19', '10.0.64.0/19']);
  expect(external.map((s) => s.config.cidr_block).sort()).toEqual(['10.0.128.0/22', '10.0.132.0/22', '10.0.136.0/22']);
  for (const subnet of subnets) {
    expect(subnet.config.tags['kubernetes.io/cluster/feedops-test']).toBe('shared');
    expect(subnet.config.map_public_ip_on_launch).toBe(false);
  }
});

test('leaves out the cluster tag when no cluster name is given', () => {
  for (const subnet of resources(synthNetwork(), 'aws_subnet')) {
    expect(Object.keys(subnet.config.tags).filter((tag) => tag.startsWith('kubernetes.io/cluster/'))).toEqual([]);
  }
});

test('routes only public subnets to the internet gateway', () => {
  const tf = synthNetwork();
  const [igwRoute] = resources(tf, 'aws_route').filter((route) => route.config.gateway_id);
  const publicTable = igwRoute.config.route_table_id;
  const associated = resources(tf, 'aws_route_table_association').filter((a) => a.config.route_table_id === publicTable);
  const publicSubnetRefs = resources(tf, 'aws_subnet').filter((s) => s.config.tags['kubernetes.io/role/elb'] === '1').map((s) => `\${${s.address}.id}`);
  expect(associated.map((a) => a.config.subnet_id).sort()).toEqual(publicSubnetRefs.sort());
});

test('writes flow logs of all traffic to an encrypted log group kept 365 days by default', () => {
  const tf = synthNetwork();
  const [flowLog] = resources(tf, 'aws_flow_log');
  const [group] = resources(tf, 'aws_cloudwatch_log_group');
  expect(flowLog.config.traffic_type).toBe('ALL');
  expect(flowLog.config.log_destination).toBe(`\${${group.address}.arn}`);
  expect(group.config.retention_in_days).toBe(365);
  expect(group.config.kms_key_id).toMatch(/^\$\{aws_kms_key\./);
});

test('keeps flow logs for flowLogRetentionDays when set', () => {
  const [group] = resources(synthNetwork({ flowLogRetentionDays: 30 }), 'aws_cloudwatch_log_group');
  expect(group.config.retention_in_days).toBe(30);
});

test('takes over the default security group with no rules', () => {
  const [group] = resources(synthNetwork(), 'aws_default_security_group');
  expect(group.config.ingress).toEqual([]);
  expect(group.config.egress).toEqual([]);
});

test('fails when fewer than two availability zones are given', () => {
  expect(() => synthNetwork({ availabilityZones: { 'eu-west-1a': THREE_ZONES['eu-west-1a'] } })).toThrow(
    'test/network: availabilityZones: 1 zone(s) (allowed: at least 2)',
  );
});
