// The only module that imports `@cdktf/provider-aws`, always by deep path: the package barrel loads about
// 2,200 modules (seconds and a gigabyte per process). Add a class here before using it elsewhere.
// First, before anything loads cdktf: it defers cdktf's file-asset modules (see cdktf-savings.ts).
import './cdktf-savings';
export { AwsProvider } from '@cdktf/provider-aws/lib/provider';
export { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
export { DataAwsEksCluster } from '@cdktf/provider-aws/lib/data-aws-eks-cluster';
export { DataAwsEksClusterAuth } from '@cdktf/provider-aws/lib/data-aws-eks-cluster-auth';
export { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
export { Eip } from '@cdktf/provider-aws/lib/eip';
export { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
export { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
export { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
export { EksCluster as AwsEksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
export { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
export { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
export { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
export { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
export { IamRole } from '@cdktf/provider-aws/lib/iam-role';
export { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
export { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
export { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
export { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
export { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
export { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
export { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
export { Route } from '@cdktf/provider-aws/lib/route';
export { RouteTable } from '@cdktf/provider-aws/lib/route-table';
export { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
export { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
export { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
export { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
export { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
export { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
export { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
export { S3BucketVersioningA as S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
export { Subnet } from '@cdktf/provider-aws/lib/subnet';
export { Vpc } from '@cdktf/provider-aws/lib/vpc';
