import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '../core/aws';

export interface EncryptedLogGroupProps {
  readonly logGroupName: string;
  /** Retention in days; one of CloudWatch's allowed values. */
  readonly retentionInDays: number;
  /** KMS key ARN; the key policy must let CloudWatch Logs use it (see cloudWatchLogsKeyStatement). */
  readonly kmsKeyArn: string;
}

/** A CloudWatch log group that always has retention and KMS encryption (CKV_AWS_66, CKV_AWS_158). */
export class EncryptedLogGroup extends Construct {
  public readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: props.logGroupName,
      retentionInDays: props.retentionInDays,
      kmsKeyId: props.kmsKeyArn,
    });
  }
}
