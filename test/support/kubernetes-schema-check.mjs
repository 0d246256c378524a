// Validates Kubernetes manifests against the schemas of kubernetes-models and @kubernetes-models/prometheus-operator.
// Those packages are ESM-only and cannot load inside jest's VM, so this runs as a worker thread (real node, outside
// jest's registry), started once per jest worker by kubernetes-schema.ts and kept: each model module loads once.
// Protocol: a request { manifests } on workerData.port; the reply { problems } or { error } on the same port, then
// workerData.signal[0] is set to 1 and notified, which wakes the caller blocked in Atomics.wait.
import { workerData } from 'node:worker_threads';

const MODULES = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1': 'kubernetes-models/rbac.authorization.k8s.io/v1',
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

/** "<kind>/<name>: <problem>" for every manifest that does not match its schema. */
async function schemaProblems(manifests) {
  const problems = [];
  for (const manifest of manifests) {
    const where = `${manifest.kind}/${manifest.metadata?.name}`;
    const modulePath = MODULES[manifest.apiVersion];
    if (!modulePath) {
      problems.push(`${where}: no schema known for apiVersion ${manifest.apiVersion}`);
      continue;
    }
    const Model = (await import(modulePath))[manifest.kind];
    if (!Model) {
      problems.push(`${where}: ${manifest.apiVersion} has no kind ${manifest.kind}`);
      continue;
    }
    try {
      new Model(manifest).validate();
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
    }
  }
  return problems;
}

const { port, signal } = workerData;
port.on('message', async ({ manifests }) => {
  try {
    port.postMessage({ problems: await schemaProblems(manifests) });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.stack : String(error) });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
