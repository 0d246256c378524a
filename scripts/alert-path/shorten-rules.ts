import type { RulesFile } from '../../constructs/alerting/rules/render-rules';

/**
 * The same rules with every `for` and `keep_firing_for` capped at `maxSeconds`: the expressions, labels and
 * annotations under test stay exactly as rendered; only the waiting is shortened so a test runs in seconds.
 */
export function withShortPendingDurations(rulesFile: RulesFile, maxSeconds: number): RulesFile {
  const cap = (duration: string | undefined) => (duration === undefined ? undefined : `${Math.min(prometheusSeconds(duration), maxSeconds)}s`);
  return {
    groups: rulesFile.groups.map((group) => ({
      ...group,
      rules: group.rules.map((rule) => {
        if (!('alert' in rule)) return rule;
        const shortened = { ...rule };
        if (rule.for !== undefined) shortened.for = cap(rule.for);
        if (rule.keep_firing_for !== undefined) shortened.keep_firing_for = cap(rule.keep_firing_for);
        return shortened;
      }),
    })),
  };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds of a Prometheus duration such as "1h30m" or "45s". */
export function prometheusSeconds(duration: string): number {
  const parts = [...duration.matchAll(/(\d+)([smhd])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== duration) throw new Error(`"${duration}" is not a Prometheus duration (allowed: e.g. 1h30m)`);
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_SECONDS[unit], 0);
}
