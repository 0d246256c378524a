import { probeCredentialSecrets, renderBlackboxModules, type BlackboxModule } from '../constructs/endpoints/blackbox-modules';
import { PROBE_CREDENTIALS_DIRECTORY, resolveEndpoints } from '../constructs/endpoints/resolve-endpoints';
import type { BlackboxSecretMount } from '../constructs/monitoring/blackbox-exporter';
import type { SyncedSecretSpec } from '../constructs/secrets/external-secret';
import type { EnvironmentConfig } from '../environments/schema';
import { secretNamePrefix } from './platform-secrets';

/** The blackbox exporter's modules for an environment: generated from its `endpoints`, the same model as the Probes. */
export function blackboxModules(env: EnvironmentConfig): Record<string, BlackboxModule> {
  return renderBlackboxModules(resolveEndpoints(env.endpoints));
}

/** Probe credentials: Secrets Manager `<env>/feedops/<secret>` -> a Kubernetes Secret in the exporter's namespace. */
export function probeCredentialSyncedSecrets(env: EnvironmentConfig, namespace: string): SyncedSecretSpec[] {
  return probeCredentialSecrets(resolveEndpoints(env.endpoints)).map((secret) => ({
    name: secret.kubernetesSecret,
    namespace,
    remoteName: `${secretNamePrefix(env.name)}${secret.secretsManagerName}`,
    keys: Object.fromEntries(secret.properties.map((property) => [property, property])),
  }));
}

/** Where the exporter mounts each credential Secret; the modules' `credentials_file` paths point into them. */
export function probeCredentialMounts(env: EnvironmentConfig): BlackboxSecretMount[] {
  return probeCredentialSecrets(resolveEndpoints(env.endpoints)).map((secret) => ({
    secretName: secret.kubernetesSecret,
    mountPath: `${PROBE_CREDENTIALS_DIRECTORY}/${secret.kubernetesSecret}`,
  }));
}
