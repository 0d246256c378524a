import { invalid } from '../core/validation-error';
import { Construct } from 'constructs';
import { EksNodeGroup, LaunchTemplate } from '../core/aws';
import type { ITerraformDependable } from '../core/cdktf';

export const DEFAULT_NODE_ARCHITECTURE = 'x86_64';
export const DEFAULT_CAPACITY_TYPE = 'ON_DEMAND';
export const DEFAULT_NODE_DISK_SIZE_GIB = 50;
/** Nodes replaced at a time during an update: one, so a group never loses more than a node's worth of pods. */
export const NODE_UPDATE_MAX_UNAVAILABLE = 1;

/** AL2023 AMI types by architecture; EKS AL2 AMIs reached end of support on 2025-11-26. */
const AL2023_AMI_TYPES = { x86_64: 'AL2023_x86_64_STANDARD', arm64: 'AL2023_ARM_64_STANDARD' } as const;

export interface NodeGroupTaint {
  readonly key: string;
  readonly value?: string;
  readonly effect: 'NO_SCHEDULE' | 'NO_EXECUTE' | 'PREFER_NO_SCHEDULE';
}

export interface NodeGroupOptions {
  /** EKS node-group name. @default - `<cluster>-<key>` */
  readonly name?: string;
  readonly instanceTypes: readonly string[];
  /** @default 'x86_64' */
  readonly architecture?: 'x86_64' | 'arm64';
  /** @default 'ON_DEMAND' */
  readonly capacityType?: 'ON_DEMAND' | 'SPOT';
  readonly minSize: number;
  readonly maxSize: number;
  /** Initial size; later left to the autoscaler (Terraform ignores drift in it). @default - minSize */
  readonly desiredSize?: number;
  /** Root volume, gp3, encrypted. @default 50 */
  readonly diskSizeGiB?: number;
  /** @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly taints?: readonly NodeGroupTaint[];
  /**
   * IMDS hop limit of the nodes. 1 keeps pods away from the node role; anything else fails the IMDS_HOP_LIMIT
   * guardrail at synth unless waived with a reason (`Guardrails.waive`).
   * @default 1
   */
  readonly imdsHopLimit?: number;
}

export interface ManagedNodeGroupProps extends NodeGroupOptions {
  readonly clusterName: string;
  readonly nodeGroupName: string;
  readonly nodeRoleArn: string;
  /** Private subnets only: nodes never get public addresses. */
  readonly subnetIds: string[];
  /** Resources the group must wait for (the networking add-ons). @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * An EKS managed node group on AL2023 through a launch template: IMDSv2 required with hop limit 1 (pods
 * cannot reach node credentials), encrypted gp3 root volume, no SSH key, private subnets.
 */
export class ManagedNodeGroup extends Construct {
  public readonly nodeGroup: EksNodeGroup;
  public readonly launchTemplate: LaunchTemplate;

  constructor(scope: Construct, id: string, props: ManagedNodeGroupProps) {
    super(scope, id);
    const desiredSize = props.desiredSize ?? props.minSize;
    if (props.minSize > props.maxSize || desiredSize < props.minSize || desiredSize > props.maxSize) {
      invalid(this.node.path, 'minSize', `sizes min ${props.minSize}, desired ${desiredSize}, max ${props.maxSize} (allowed: min <= desired <= max)`);
    }
    if (props.instanceTypes.length === 0) {
      invalid(this.node.path, 'instanceTypes', 'is empty (allowed: at least one EC2 instance type)');
    }

    this.launchTemplate = new LaunchTemplate(this, 'launch-template', {
      name: props.nodeGroupName,
      description: `Nodes of ${props.nodeGroupName}: IMDSv2 only, encrypted gp3 root`,
      updateDefaultVersion: true,
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: props.imdsHopLimit ?? 1,
        instanceMetadataTags: 'disabled',
      },
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: {
            volumeSize: props.diskSizeGiB ?? DEFAULT_NODE_DISK_SIZE_GIB,
            volumeType: 'gp3',
            encrypted: 'true',
            deleteOnTermination: 'true',
          },
        },
      ],
      monitoring: { enabled: true },
      tagSpecifications: [
        { resourceType: 'instance', tags: { Name: props.nodeGroupName } },
        { resourceType: 'volume', tags: { Name: props.nodeGroupName } },
      ],
    });

    this.nodeGroup = new EksNodeGroup(this, 'node-group', {
      clusterName: props.clusterName,
      nodeGroupName: props.nodeGroupName,
      nodeRoleArn: props.nodeRoleArn,
      subnetIds: props.subnetIds,
      amiType: AL2023_AMI_TYPES[props.architecture ?? DEFAULT_NODE_ARCHITECTURE],
      capacityType: props.capacityType ?? DEFAULT_CAPACITY_TYPE,
      instanceTypes: [...props.instanceTypes],
      scalingConfig: { minSize: props.minSize, maxSize: props.maxSize, desiredSize },
      updateConfig: { maxUnavailable: NODE_UPDATE_MAX_UNAVAILABLE },
      launchTemplate: { id: this.launchTemplate.id, version: this.launchTemplate.latestVersion.toString() },
      labels: props.labels ? { ...props.labels } : undefined,
      taint: props.taints?.map((taint) => ({ key: taint.key, value: taint.value, effect: taint.effect })),
      // The cluster autoscaler owns the current size once the group exists.
      lifecycle: { ignoreChanges: ['scaling_config[0].desired_size'] },
      dependsOn: props.dependsOn,
    });
  }
}
