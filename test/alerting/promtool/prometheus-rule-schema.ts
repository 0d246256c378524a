import { spawnSync } from 'child_process';
import * as path from 'path';

const PROJECT_ROOT = path.resolve(__dirname, '../../../..');

// @kubernetes-models/prometheus-operator is ESM-only and cannot load inside jest's VM, so a child node
// process validates the object read from stdin and prints the schema error, if any.
const VALIDATE_SCRIPT = `
const { PrometheusRule } = await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule');
let input = '';
for await (const chunk of process.stdin) input += chunk;
try {
  new PrometheusRule(JSON.parse(input)).validate();
  process.stdout.write('valid');
} catch (error) {
  process.stdout.write(String(error.message));
}
`;

/** Validates a PrometheusRule against the prometheus-operator CRD schema; returns 'valid' or the schema error. */
export function validatePrometheusRule(manifest: unknown): string {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', VALIDATE_SCRIPT], {
    cwd: PROJECT_ROOT,
    input: JSON.stringify(manifest),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`schema validation did not run: ${result.stderr}`);
  return result.stdout;
}
