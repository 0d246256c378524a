import { ALERTMANAGER_SECRETS_DIRECTORY, DEFAULT_SLACK_WEBHOOK_SECRET_NAME } from './defaults';
import type { AlertRoutingModel, SecretKeyReference, SlackReceiverOptions } from './routing-model';
import { compareText } from '../../core/text-order';

/** The secret key that holds a Slack receiver's webhook URL, defaulted from the receiver name. */
export function slackWebhookReference(receiverName: string, options: SlackReceiverOptions): SecretKeyReference {
  return options.webhookUrl ?? { secretName: DEFAULT_SLACK_WEBHOOK_SECRET_NAME, key: receiverName };
}

/** Where Alertmanager reads a mounted secret key. */
export function secretFilePath(reference: SecretKeyReference, secretsDirectory: string = ALERTMANAGER_SECRETS_DIRECTORY): string {
  return `${secretsDirectory.replace(/\/+$/, '')}/${reference.secretName}/${reference.key}`;
}

/** Every secret key the rendered configuration reads, each once, in a stable order. */
export function alertmanagerSecretReferences(model: AlertRoutingModel): SecretKeyReference[] {
  const references = Object.entries(model.slackReceivers).map(([name, options]) => slackWebhookReference(name, options));
  if (model.heartbeat.authorization) references.push(model.heartbeat.authorization.credentials);
  const unique = new Map(references.map((reference) => [`${reference.secretName}/${reference.key}`, reference]));
  return [...unique.entries()].sort(([a], [b]) => compareText(a, b)).map(([, reference]) => reference);
}

/**
 * The Kubernetes secrets Alertmanager must mount (the chart's `alertmanager.alertmanagerSpec.secrets`), sorted.
 * Each must exist in Alertmanager's namespace with the keys listed by {@link alertmanagerSecretReferences}.
 */
export function alertmanagerSecretNames(model: AlertRoutingModel): string[] {
  return [...new Set(alertmanagerSecretReferences(model).map((reference) => reference.secretName))].sort();
}
