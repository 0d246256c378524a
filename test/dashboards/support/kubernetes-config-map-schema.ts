import { spawnSync } from 'child_process';
import * as path from 'path';

const REPOSITORY_ROOT = path.resolve(__dirname, '../../../..');
// kubernetes-models 5.x is ESM-only, which jest's module system cannot load: validate in a child node process.
const VALIDATE = `
const { ConfigMap } = await import('kubernetes-models/v1/ConfigMap');
let input = '';
for await (const chunk of process.stdin) input += chunk;
try {
  new ConfigMap(JSON.parse(input)).validate();
  console.log('valid');
} catch (error) {
  console.log(error.message);
  process.exitCode = 1;
}
`;

/** Validates a ConfigMap against the Kubernetes schema of kubernetes-models; returns the problems ([] when valid). */
export function configMapSchemaProblems(manifest: unknown): string[] {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', VALIDATE], {
    cwd: REPOSITORY_ROOT,
    input: JSON.stringify(manifest),
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status === 0) return [];
  return [`${result.stdout}${result.stderr}`.trim() || `node exited with ${result.status}`];
}
