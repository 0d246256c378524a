/** What a leaked secret looks like (CHECKS.md 15). */
export const SECRET_PATTERNS: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp }> = [
  { name: 'Slack incoming webhook', pattern: /hooks\.slack\.com\/services\//i },
  { name: 'Slack token', pattern: /xox[abprs]-[0-9A-Za-z-]+/ },
  { name: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'AWS access key', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: '64-hex raw key', pattern: /\b(0x)?[0-9a-fA-F]{64}\b/ },
];

/**
 * Every secret-looking match in `text`, named by `where` (a stack, a file). `publicIdentifiers` are 64-hex values
 * the model declares public (the feed set's Pyth price ids, `declaredPriceIds`): exactly those pass, any other
 * 64-hex value is still reported.
 */
export function findSecrets(where: string, text: string, publicIdentifiers: ReadonlySet<string> = new Set()): string[] {
  return SECRET_PATTERNS.flatMap(({ name, pattern }) => {
    const matches = [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))];
    const reported = matches.find((match) => !publicIdentifiers.has(match[0].toLowerCase().replace(/^0x/, '')));
    return reported ? [`${where}: ${name} "${reported[0].slice(0, 24)}..."`] : [];
  });
}
