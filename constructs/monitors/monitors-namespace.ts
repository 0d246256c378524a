/** The namespace of feedops' monitor workloads, with Pod Security "restricted" enforced (CHECKS.md 18). */
import { RESTRICTED_NAMESPACE_LABELS } from './pod-security';

export const MONITORS_NAMESPACE = 'monitors';

export function renderMonitorsNamespace(name: string = MONITORS_NAMESPACE): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...RESTRICTED_NAMESPACE_LABELS, 'app.kubernetes.io/part-of': 'feedops' } },
  };
}
