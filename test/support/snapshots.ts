import { parse } from 'yaml';
import type { TerraformJson } from './synth';

/** CI must compare against the reviewed snapshots, never rewrite them (a rewrite would pass any change). */
export function refuseUpdateUnderCi(environment: NodeJS.ProcessEnv): void {
  const ci = environment.CI;
  if (environment.UPDATE_SNAPSHOTS === '1' && ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') {
    throw new Error(
      `UPDATE_SNAPSHOTS=1 is refused under CI (CI=${ci}): CI compares the synthesized stacks with the reviewed snapshots in __snapshots__/. ` +
        'Run `npm run snapshots:update` on your machine, review the diff and commit it.',
    );
  }
}
/**
 * The stack as the snapshot shows it: the synthesized JSON, except that each helm_release's `values` (YAML documents
 * as Terraform hands them to Helm) is shown parsed, one key per line, so a diff names the changed key instead of
 * one 20,000-character line. Everything else is byte for byte what Terraform receives.
 */
export function reviewable(stack: TerraformJson): TerraformJson {
  const copy = JSON.parse(JSON.stringify(stack)) as TerraformJson;
  for (const release of Object.values(copy.resource?.helm_release ?? {})) {
    if (Array.isArray(release.values)) release.values = release.values.map((document: unknown) => (typeof document === 'string' ? { yaml: parse(document) } : document));
  }
  return copy;
}

