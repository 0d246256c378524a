import { invalid } from '../core/validation-error';
import { Construct } from 'constructs';
import {
  DefaultSecurityGroup, Eip, FlowLog, IamRole, IamRolePolicy, InternetGateway, NatGateway, Route, RouteTable,
  RouteTableAssociation, Subnet, Vpc,
} from '../core/aws';
import { policyDocument, serviceTrustPolicy } from '../core/iam-policy';
import { EncryptedLogGroup } from '../encryption/encrypted-log-group';
import { EncryptionKey, cloudWatchLogsKeyStatement } from '../encryption/encryption-key';

/** `single`: one NAT gateway shared by all zones; `one-per-az`: each zone keeps egress if another zone fails. */
export type NatGatewayMode = 'single' | 'one-per-az';

export const DEFAULT_NAT_GATEWAYS: NatGatewayMode = 'one-per-az';
export const DEFAULT_FLOW_LOG_RETENTION_DAYS = 365;
export const MIN_AVAILABILITY_ZONES = 2;

export interface AvailabilityZoneSubnets {
  /** Subnet for nodes and pods. */
  readonly privateSubnetCidr: string;
  /** Subnet for internet-facing load balancers and NAT gateways. */
  readonly publicSubnetCidr: string;
}

export interface NetworkOptions {
  readonly vpcCidr: string;
  /** Subnets keyed by availability-zone name; adding a zone never renames another's resources. */
  readonly availabilityZones: Readonly<Record<string, AvailabilityZoneSubnets>>;
  /** @default 'one-per-az' */
  readonly natGateways?: NatGatewayMode;
  /** @default 365 */
  readonly flowLogRetentionDays?: number;
}

export interface NetworkProps extends NetworkOptions {
  /** Prefix of Name tags, e.g. the cluster name. */
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  /** EKS cluster that will use the subnets; tags them so load balancers find them. @default - no cluster tag */
  readonly clusterName?: string;
}

/** What other constructs need from a network. */
export interface INetwork {
  readonly vpcId: string;
  readonly privateSubnetIds: string[];
  readonly publicSubnetIds: string[];
}

/**
 * A VPC over two or more zones: private subnets for nodes, public subnets only for load balancers and NAT,
 * no public IPs on launch, flow logs to an encrypted log group, and a default security group with no rules.
 */
export class Network extends Construct implements INetwork {
  public readonly vpc: Vpc;
  public readonly vpcId: string;
  public readonly privateSubnetIds: string[] = [];
  public readonly publicSubnetIds: string[] = [];
  public readonly flowLogGroup: EncryptedLogGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const zones = Object.entries(props.availabilityZones);
    if (zones.length < MIN_AVAILABILITY_ZONES) {
      invalid(this.node.path, 'availabilityZones', `${zones.length} zone(s) (allowed: at least ${MIN_AVAILABILITY_ZONES})`);
    }
    const natGateways = props.natGateways ?? DEFAULT_NAT_GATEWAYS;

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: props.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: props.name },
    });
    this.vpcId = this.vpc.id;

    // Take over the default group and leave it without rules, so nothing can use it by accident (CKV2_AWS_12).
    new DefaultSecurityGroup(this, 'default-security-group', {
      vpcId: this.vpc.id,
      ingress: [],
      egress: [],
      tags: { Name: `${props.name}-default-unused` },
    });

    const clusterTag: Record<string, string> = props.clusterName ? { [`kubernetes.io/cluster/${props.clusterName}`]: 'shared' } : {};
    const internetGateway = new InternetGateway(this, 'internet-gateway', { vpcId: this.vpc.id, tags: { Name: props.name } });
    const publicRoutes = new RouteTable(this, 'public-routes', { vpcId: this.vpc.id, tags: { Name: `${props.name}-public` } });
    new Route(this, 'public-default-route', {
      routeTableId: publicRoutes.id,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: internetGateway.id,
    });

    let sharedNat: NatGateway | undefined;
    for (const [zone, subnets] of zones) {
      const publicSubnet = new Subnet(this, `public-${zone}`, {
        vpcId: this.vpc.id,
        availabilityZone: zone,
        cidrBlock: subnets.publicSubnetCidr,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.name}-public-${zone}`, 'kubernetes.io/role/elb': '1', ...clusterTag },
      });
      new RouteTableAssociation(this, `public-routes-${zone}`, { subnetId: publicSubnet.id, routeTableId: publicRoutes.id });
      this.publicSubnetIds.push(publicSubnet.id);

      let nat = sharedNat;
      if (!nat) {
        const address = new Eip(this, `nat-address-${zone}`, { domain: 'vpc', tags: { Name: `${props.name}-nat-${zone}` } });
        nat = new NatGateway(this, `nat-${zone}`, {
          allocationId: address.allocationId,
          subnetId: publicSubnet.id,
          tags: { Name: `${props.name}-${zone}` },
          dependsOn: [internetGateway],
        });
        if (natGateways === 'single') sharedNat = nat;
      }

      const privateSubnet = new Subnet(this, `private-${zone}`, {
        vpcId: this.vpc.id,
        availabilityZone: zone,
        cidrBlock: subnets.privateSubnetCidr,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${props.name}-private-${zone}`, 'kubernetes.io/role/internal-elb': '1', ...clusterTag },
      });
      const privateRoutes = new RouteTable(this, `private-routes-${zone}`, {
        vpcId: this.vpc.id,
        tags: { Name: `${props.name}-private-${zone}` },
      });
      new Route(this, `private-default-route-${zone}`, {
        routeTableId: privateRoutes.id,
        destinationCidrBlock: '0.0.0.0/0',
        natGatewayId: nat.id,
      });
      new RouteTableAssociation(this, `private-routes-${zone}-association`, {
        subnetId: privateSubnet.id,
        routeTableId: privateRoutes.id,
      });
      this.privateSubnetIds.push(privateSubnet.id);
    }

    const logKey = new EncryptionKey(this, 'flow-log-key', {
      description: `VPC flow logs of ${props.name}`,
      alias: `${props.name}-flow-logs`,
      accountId: props.accountId,
      additionalStatements: [cloudWatchLogsKeyStatement(props.accountId, props.region)],
    });
    this.flowLogGroup = new EncryptedLogGroup(this, 'flow-logs', {
      logGroupName: `/aws/vpc/${props.name}/flow-logs`,
      retentionInDays: props.flowLogRetentionDays ?? DEFAULT_FLOW_LOG_RETENTION_DAYS,
      kmsKeyArn: logKey.keyArn,
    });
    const flowLogRole = new IamRole(this, 'flow-log-role', {
      name: `${props.name}-vpc-flow-logs`,
      description: `Delivers VPC flow logs of ${props.name} to CloudWatch Logs`,
      assumeRolePolicy: serviceTrustPolicy('vpc-flow-logs.amazonaws.com', { sourceAccount: props.accountId }),
    });
    new IamRolePolicy(this, 'flow-log-delivery', {
      role: flowLogRole.name,
      name: 'deliver-flow-logs',
      policy: policyDocument([
        {
          Sid: 'WriteFlowLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          Resource: [this.flowLogGroup.logGroup.arn, `${this.flowLogGroup.logGroup.arn}:*`],
        },
      ]),
    });
    new FlowLog(this, 'flow-log', {
      vpcId: this.vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.flowLogGroup.logGroup.arn,
      iamRoleArn: flowLogRole.arn,
      maxAggregationInterval: 60,
      tags: { Name: props.name },
    });
  }
}
