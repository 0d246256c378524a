import { invalid } from '../core/validation-error';
/**
 * Pod Security "restricted" for feedops workloads (CHECKS.md 19), as values rather than per-workload copies.
 * Every field is set explicitly so a scanner (and a reviewer) does not have to know the defaults.
 */
export const RESTRICTED_CONTAINER_SECURITY_CONTEXT = {
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/** Pod-level context: non-root with a fixed UID/GID, files owned by the group, RuntimeDefault seccomp. */
export function restrictedPodSecurityContext(userId: number): Record<string, unknown> {
  if (!Number.isInteger(userId) || userId < 1000) {
    invalid('pod security context', 'runAsUser', `${userId} (allowed: a non-root UID of at least 1000)`);
  }
  return {
    runAsNonRoot: true,
    runAsUser: userId,
    runAsGroup: userId,
    fsGroup: userId,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Labels that make a namespace enforce (and warn and audit on) Pod Security "restricted". */
export const RESTRICTED_NAMESPACE_LABELS = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/enforce-version': 'latest',
  'pod-security.kubernetes.io/warn': 'restricted',
  'pod-security.kubernetes.io/audit': 'restricted',
} as const;
