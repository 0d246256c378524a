import { invalid } from '../core/validation-error';
import { RESTRICTED_NAMESPACE_LABELS } from './pod-security';

/** The namespace of feedops' monitor workloads. */
export const MONITORS_NAMESPACE = 'monitors';

/** A namespace that enforces Pod Security "restricted" (CHECKS.md 18). */
export function renderRestrictedNamespace(name: string, partOf = 'feedops'): Record<string, unknown> {
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) invalid('namespace', 'name', `"${name}" (allowed: a DNS label)`);
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...RESTRICTED_NAMESPACE_LABELS, 'app.kubernetes.io/part-of': partOf } },
  };
}
