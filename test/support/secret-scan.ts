/** What a leaked secret looks like (CHECKS.md 15). */
export const SECRET_PATTERNS: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp }> = [
  { name: 'Slack incoming webhook', pattern: /hooks\.slack\.com\/services\//i },
  { name: 'Slack token', pattern: /xox[abprs]-[0-9A-Za-z-]+/ },
  { name: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'AWS access key', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: '64-hex raw key', pattern: /\b(0x)?[0-9a-fA-F]{64}\b/ },
];

/** Every secret-looking match in `text`, named by `where` (a stack, a file). */
export function findSecrets(where: string, text: string): string[] {
  return SECRET_PATTERNS.flatMap(({ name, pattern }) => {
    const match = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`).exec(text);
    return match ? [`${where}: ${name} "${match[0].slice(0, 24)}..."`] : [];
  });
}
