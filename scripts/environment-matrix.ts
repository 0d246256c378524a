import { ENVIRONMENTS } from '../environments';

/**
 * The environments in apply order (the registry, environments/index.ts) as the JSON list the workflows' matrices
 * read: `_synth.yml` prints it into its `environments` output, plan.yml, drift.yml and apply.yml use
 * `fromJSON(needs.synth.outputs.environments)`. Built by `npm run synth` (scripts/build/synth-build.mjs).
 */
export function environmentMatrix(): string[] {
  return Object.keys(ENVIRONMENTS);
}

if (require.main === module) process.stdout.write(`${JSON.stringify(environmentMatrix())}\n`);
