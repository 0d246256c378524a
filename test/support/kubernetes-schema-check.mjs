// Validates Kubernetes manifests against the schemas of kubernetes-models and @kubernetes-models/prometheus-operator.
// Those packages are ESM-only and cannot load inside jest's VM, so tests run this file in a child node process.
// Input (stdin): a JSON array of manifests. Output (stdout): a JSON array of "<kind>/<name>: <problem>" strings.
const MODULES = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1': 'kubernetes-models/rbac.authorization.k8s.io/v1',
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const manifests = JSON.parse(input);
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
process.stdout.write(JSON.stringify(problems));
