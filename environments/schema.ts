import { z } from 'zod';
import { heartbeatUrlSchema, routingSchema, slackReceiversSchema } from '../constructs/alerting/alertmanager/routing-schema';
import { priceFeedsSchema } from '../constructs/price-feeds/schema';
import { walletsSchema } from '../constructs/wallets/schema';
import { endpointsSchema } from '../constructs/endpoints/schema';

/**
 * The schema of one environment's configuration. Types come from it (`EnvironmentConfig`), so the data files
 * are type-checked by the compiler and the same rules run again at start-up on whatever actually loaded.
 * Cross-field rules (CIDR overlap, production requirements) live in validate.ts.
 */

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const logRetentionDays = z
  .number()
  .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
    message: `not a CloudWatch Logs retention period (allowed: ${LOG_RETENTION_DAYS.join(', ')})`,
  });

const dnsLabel = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/, { message: 'must be lower-case letters, digits and "-", 2-40 characters (allowed: e.g. "feedops-dev")' });

const roleArn = z
  .string()
  .regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/, { message: 'is not an IAM role ARN (allowed: arn:aws:iam::<12 digits>:role/<name>)' });

const nodeGroupSchema = z.strictObject({
  /** EKS node-group name; defaults to `<cluster>-<key>`. Set it to keep an existing group's name when its key changes. */
  name: dnsLabel.optional(),
  instanceTypes: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { message: 'is not an EC2 instance type (allowed: e.g. "m7i.large")' })).min(1),
  /** CPU architecture of the AL2023 AMI. */
  architecture: z.enum(['x86_64', 'arm64']),
  capacityType: z.enum(['ON_DEMAND', 'SPOT']),
  minSize: z.number().int().min(0),
  maxSize: z.number().int().min(1),
  desiredSize: z.number().int().min(0),
  /** Root volume size (GiB, gp3, encrypted). */
  diskSizeGiB: z.number().int().min(20).max(16384),
  labels: z.record(z.string(), z.string()).optional(),
  taints: z
    .array(z.strictObject({ key: z.string(), value: z.string().optional(), effect: z.enum(['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE']) }))
    .optional(),
});

const availabilityZoneSchema = z.strictObject({
  /** Subnet for nodes and pods; no route from the internet. */
  privateSubnetCidr: z.string(),
  /** Subnet for internet-facing load balancers and NAT gateways only. */
  publicSubnetCidr: z.string(),
});

const quantity = (what: string, example: string) =>
  z.string().regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti)?$/, { message: `is not a Kubernetes ${what} quantity (allowed: e.g. "${example}")` });
const resourcesSchema = z.strictObject({
  requests: z.strictObject({ cpu: quantity('CPU', '500m'), memory: quantity('memory', '2Gi') }),
  limits: z.strictObject({ cpu: quantity('CPU', '2'), memory: quantity('memory', '4Gi') }),
});

const monitoringSchema = z.strictObject({
  prometheus: z.strictObject({
    replicas: z.number().int().min(1),
    /** How long samples are kept, a Prometheus duration. */
    retention: z.string().regex(/^\d+(h|d|w|y)$/, { message: 'is not a retention period (allowed: e.g. "15d", "8w")' }),
    /** Volume per replica (GiB); retentionSize is 80% of it. */
    storageGiB: z.number().int().min(10),
    resources: resourcesSchema.optional(),
  }),
  alertmanager: z.strictObject({
    replicas: z.number().int().min(1),
    storageGiB: z.number().int().min(1),
    resources: resourcesSchema.optional(),
  }),
  blackboxExporter: z.strictObject({ replicas: z.number().int().min(1) }),
});

const alertingSchema = z.strictObject({
  /** Runbook pages live at `<runbookBaseUrl>/<AlertName>.md`. */
  runbookBaseUrl: z.string().regex(/^https:\/\/[^\s]+[^/]$/, { message: '(allowed: an https URL without a trailing "/")' }),
  /** Slack receivers keyed by receiver name; each webhook URL is a key of the Slack secret in Secrets Manager. */
  slackReceivers: slackReceiversSchema,
  /** Receivers per severity and per `team` label (missing severities fall back to bySeverity). */
  routing: routingSchema,
  /** Dead-man's switch pinged while Watchdog fires; the URL holds no secret, the credential comes from Secrets Manager. */
  heartbeat: z.strictObject({
    url: heartbeatUrlSchema,
    authorizationType: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, { message: '(allowed: an Authorization scheme such as "GenieKey" or "Bearer")' }).optional(),
  }),
});

/** The tag that bills an environment's resources to its owner. */
export const COST_CENTER_TAG = 'cost-center';

export const environmentSchema = z.strictObject({
  /** Short name; prefixes every stack (`<name>-cluster`). */
  name: z.string().regex(/^[a-z][a-z0-9]{1,11}$/, { message: 'must be 2-12 lower-case letters or digits (allowed: e.g. "dev", "prod")' }),
  /**
   * `production` turns on the production requirements checked in validate.ts (3 zones, private endpoint only,
   * NAT per zone, deletion protection, at least 2 nodes per group). It is data, not a name test.
   */
  tier: z.enum(['production', 'non-production']),
  account: z.strictObject({
    id: z.string().regex(/^\d{12}$/, { message: 'must be a 12-digit AWS account ID' }),
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: 'is not an AWS region (allowed: e.g. "eu-west-1")' }),
  }),
  /**
   * Extra default tags on every AWS resource (environment, stack and managed-by are always set). The cost center is
   * required: each environment states its own (validate.ts reports one equal to another environment's).
   */
  tags: z.object({ [COST_CENTER_TAG]: z.string().min(1) }).catchall(z.string()),
  network: z.strictObject({
    vpcCidr: z.string(),
    /** Keyed by availability-zone name (e.g. `eu-west-1a`); at least 2, 3 in production. */
    availabilityZones: z.record(z.string(), availabilityZoneSchema),
    /** `single`: one NAT gateway for all zones (cheaper, one zone's failure cuts egress); `one-per-az`: one per zone. */
    natGateways: z.enum(['single', 'one-per-az']),
    flowLogRetentionDays: logRetentionDays,
  }),
  cluster: z.strictObject({
    name: dnsLabel,
    /** Kubernetes minor version, one of SUPPORTED_KUBERNETES_VERSIONS. */
    kubernetesVersion: z.string(),
    /** CIDRs allowed to reach the public API endpoint; empty turns the public endpoint off (required in production). */
    publicEndpointCidrs: z.array(z.string()),
    controlPlaneLogRetentionDays: logRetentionDays,
    /** IAM roles granted cluster-admin through EKS access entries (besides the CI apply role). */
    adminRoleArns: z.array(roleArn),
    /** Terraform `prevent_destroy` on the cluster. */
    deletionProtection: z.boolean(),
    /** Managed node groups keyed by a logical name (lower-case, used in resource names). */
    nodeGroups: z.record(z.string(), nodeGroupSchema),
  }),
  /** Sizing of the monitoring stack (kube-prometheus-stack, blackbox exporter). */
  monitoring: monitoringSchema,
  /** Who gets which alert, and where runbooks live. */
  alerting: alertingSchema,
  /** Which price feeds are watched, with which thresholds (the price-feed pack's own schema). */
  priceFeeds: priceFeedsSchema,

  // ---- wallets monitor pack (constructs/wallets) ----
  /** Wallets whose balance and runway are watched, with the networks and RPC endpoints they are read from. @default - none watched */
  wallets: walletsSchema.optional(),
  // ---- endpoint probes (issue 10): the schema is owned by the endpoints monitor pack ----
  /** Services probed through the blackbox exporter (Hermes, Pythnet RPC, chain RPC providers), keyed by name. */
  endpoints: endpointsSchema,
});

export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type NodeGroupConfig = z.infer<typeof nodeGroupSchema>;
export type MonitoringConfig = z.infer<typeof monitoringSchema>;
export type AlertingConfig = z.infer<typeof alertingSchema>;
export type { PriceFeedsConfig } from '../constructs/price-feeds/schema';
export type { WalletsConfig } from '../constructs/wallets/schema';
export type { EndpointsConfig } from '../constructs/endpoints/schema';
