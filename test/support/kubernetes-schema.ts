import { spawnSync } from 'child_process';
import * as path from 'path';

const CHECKER = path.resolve(__dirname, '../../../test/support/kubernetes-schema-check.mjs');

/** Schema problems of the given manifests (empty when all are valid), checked by kubernetes-models in a child process. */
export function kubernetesSchemaProblems(manifests: readonly unknown[]): string[] {
  const result = spawnSync(process.execPath, [CHECKER], {
    input: JSON.stringify(manifests),
    encoding: 'utf8',
    cwd: path.resolve(__dirname, '../../..'),
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`kubernetes schema check failed to run: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}
