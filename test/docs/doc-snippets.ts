import * as fs from 'fs';
import * as path from 'path';

/** A ```ts block of a README, as the reader sees it. */
export interface DocSnippet {
  /** `README.md#2`: the file (from the repository root) and the block's number in it. */
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

export const PROJECT_ROOT = path.resolve(__dirname, '../../..');

/** README.md and every README under constructs/: the documents other teams read. */
export function documentedReadmes(): string[] {
  const found: string[] = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name === 'README.md') found.push(relative);
    }
  };
  walk('constructs');
  return found.sort();
}

export function snippetsOf(file: string): DocSnippet[] {
  const lines = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8').split('\n');
  const snippets: DocSnippet[] = [];
  let start = -1;
  lines.forEach((line, index) => {
    if (start < 0 && /^```(ts|typescript)\s*$/.test(line)) start = index + 1;
    else if (start >= 0 && /^```\s*$/.test(line)) {
      snippets.push({ name: `${file}#${snippets.length + 1}`, file, line: start, code: lines.slice(start, index).join('\n') });
      start = -1;
    }
  });
  return snippets;
}
