/**
 * Markdown building blocks that stay correct whatever a resource address contains: Terraform `for_each` keys are
 * arbitrary strings, so an address may hold backticks, pipes, `<`, or even line breaks.
 */

/** Replaces line breaks and other control characters with visible escapes, so one value is one line. */
export function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (character) => JSON.stringify(character).slice(1, -1));
}

/** An inline code span that shows `text` literally: the fence is longer than any run of backticks inside. */
export function inlineCode(text: string): string {
  const content = singleLine(text);
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space keeps a leading or trailing backtick from joining the fence; CommonMark strips one space each side.
  const padded = content.startsWith('`') || content.endsWith('`') ? ` ${content} ` : content;
  return `${fence}${padded}${fence}`;
}

/** Thousands separators, so large counts read at a glance. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
