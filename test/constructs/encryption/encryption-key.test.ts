import { EncryptionKey } from '../../../constructs/encryption/encryption-key';
import { policyDocument } from '../../../constructs/core/iam-policy';
import { parsePolicy, resources, synthConstruct } from '../../support/synth';

const synthKey = (deletionWindowInDays?: number) =>
  synthConstruct((scope) => new EncryptionKey(scope, 'key', { description: 'test', alias: 'test', accountId: '111122223333', deletionWindowInDays }));

test('rotates, waits 30 days before deletion, cannot be destroyed by Terraform, and has an alias', () => {
  const tf = synthKey();
  const [key] = resources(tf, 'aws_kms_key');
  expect(key.config).toEqual(expect.objectContaining({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } }));
  expect(resources(tf, 'aws_kms_alias')[0].config.name).toBe('alias/test');
});

test('the key policy names the account root and lists actions instead of kms:*', () => {
  const [key] = resources(synthKey(), 'aws_kms_key');
  const [statement] = parsePolicy(key, 'policy').Statement;
  expect(statement.Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:root' });
  expect(statement.Action).not.toContain('kms:*');
  expect(statement.Action).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:ScheduleKeyDeletion', 'kms:PutKeyPolicy']));
});

test('deletionWindowInDays overrides the window', () => {
  expect(resources(synthKey(7), 'aws_kms_key')[0].config.deletion_window_in_days).toBe(7);
});

test('fails when the deletion window is under 7 days', () => {
  expect(() => synthKey(3)).toThrow('test/key: deletionWindowInDays: 3 (allowed: 7 to 30)');
});

test('fails when a policy statement allows a wildcard action', () => {
  expect(() => policyDocument([{ Sid: 'All', Effect: 'Allow', Action: 's3:*', Resource: '*' }])).toThrow(
    'IAM statement All: Action: "s3:*" grants every action (allowed: named actions such as "s3:GetObject")',
  );
});
