import { actionName, allJobs, allSteps, isLocal, loadCompositeActions, loadWorkflows } from './workflow-files';

const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const USES_LINE = /^\s*(?:-\s+)?uses:\s*(\S+)\s*(#.*)?$/;

function everyUses(): { where: string; uses: string }[] {
  const fromJobs = allJobs().flatMap(({ where, job }) => (job.uses ? [{ where, uses: job.uses }] : []));
  const fromSteps = allSteps().flatMap(({ where, step }) => (step.uses ? [{ where, uses: step.uses }] : []));
  return [...fromJobs, ...fromSteps];
}

describe('action pinning', () => {
  test('every third-party action is pinned to a full 40-hex commit SHA', () => {
    const violations = everyUses()
      .filter(({ uses }) => !isLocal(uses) && !PINNED.test(uses))
      .map(({ where, uses }) => `${where}: ${uses}`);
    expect(violations).toEqual([]);
  });

  test('every pinned SHA carries a "# vX.Y.Z" comment naming its release', () => {
    const violations = [...loadWorkflows(), ...loadCompositeActions()].flatMap(({ file, text }) =>
      text.split('\n').flatMap((line, index) => {
        const match = USES_LINE.exec(line);
        if (!match || isLocal(match[1])) return [];
        return /^# v\d+\.\d+\.\d+$/.test(match[2] ?? '') ? [] : [`${file}:${index + 1}: ${line.trim()}`];
      }),
    );
    expect(violations).toEqual([]);
  });

  test('each action is pinned to one SHA and version everywhere', () => {
    const pins = new Map<string, Map<string, string[]>>();
    for (const { file, text } of [...loadWorkflows(), ...loadCompositeActions()]) {
      for (const line of text.split('\n')) {
        const match = USES_LINE.exec(line);
        if (!match || isLocal(match[1])) continue;
        const byPin = pins.get(actionName(match[1])) ?? new Map<string, string[]>();
        const pin = `${match[1].split('@')[1]} ${match[2] ?? ''}`.trim();
        byPin.set(pin, [...(byPin.get(pin) ?? []), file]);
        pins.set(actionName(match[1]), byPin);
      }
    }
    const inconsistent = [...pins]
      .filter(([, byPin]) => byPin.size > 1)
      .map(([name, byPin]) => `${name}: ${[...byPin].map(([pin, files]) => `${pin} in ${files.join(', ')}`).join(' | ')}`);
    expect(inconsistent).toEqual([]);
  });

  test('every setup-terraform step installs one exact Terraform version, without the wrapper', () => {
    const steps = allSteps().filter(({ step }) => step.uses !== undefined && actionName(step.uses) === 'hashicorp/setup-terraform');
    const violations = steps.flatMap(({ where, step }) => {
      const version = step.with?.terraform_version;
      return [
        ...(typeof version === 'string' && /^\d+\.\d+\.\d+$/.test(version) ? [] : [`${where}: terraform_version ${JSON.stringify(version)} is not an exact x.y.z`]),
        ...(step.with?.terraform_wrapper === false ? [] : [`${where}: terraform_wrapper is not false (it hides exit codes and stdout)`]),
      ];
    });
    const versions = new Set(steps.map(({ step }) => step.with?.terraform_version));
    expect({ steps: steps.length > 0, violations, versions: versions.size }).toEqual({ steps: true, violations: [], versions: 1 });
  });
});
