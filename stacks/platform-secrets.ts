import { DEFAULT_SLACK_WEBHOOK_SECRET_NAME } from '../constructs/alerting/alertmanager/defaults';
import type { SyncedSecretSpec } from '../constructs/secrets/external-secret';
import type { EnvironmentConfig } from '../environments/schema';

/** Prefix of every Secrets Manager name an environment's External Secrets Operator may read. */
export function secretNamePrefix(environment: string): string {
  return `${environment}/feedops/`;
}

export const GRAFANA_ADMIN_SECRET = 'grafana-admin';
export const HEARTBEAT_SECRET = { secretName: 'alertmanager-heartbeat', key: 'credentials' } as const;

/**
 * The secrets the monitoring platform reads, as "Kubernetes Secret <- Secrets Manager name". An operator creates
 * each Secrets Manager secret once per environment (README: "Secrets to create"); nothing else holds the values.
 */
export function platformSecrets(env: EnvironmentConfig, namespace: string): SyncedSecretSpec[] {
  const prefix = secretNamePrefix(env.name);
  return [
    {
      name: GRAFANA_ADMIN_SECRET,
      namespace,
      remoteName: `${prefix}grafana-admin`,
      keys: { 'admin-user': 'admin-user', 'admin-password': 'admin-password' },
    },
    {
      name: DEFAULT_SLACK_WEBHOOK_SECRET_NAME,
      namespace,
      remoteName: `${prefix}alertmanager-slack-webhooks`,
      // One JSON property per Slack receiver, holding that channel's incoming-webhook URL.
      keys: Object.fromEntries(Object.keys(env.alerting.slackReceivers).map((receiver) => [receiver, receiver])),
    },
    {
      name: HEARTBEAT_SECRET.secretName,
      namespace,
      remoteName: `${prefix}alertmanager-heartbeat`,
      keys: { [HEARTBEAT_SECRET.key]: 'api-key' },
    },
  ];
}
