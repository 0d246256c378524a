import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import type { RulesFile } from '../../../constructs/alerting/rules/render-rules';

/** Writes a rendered rules file as YAML into a fresh temporary directory; returns its path. */
export function writeRulesFile(rulesFile: RulesFile, fileName = 'rules.yaml'): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-rules-'));
  const file = path.join(directory, fileName);
  fs.writeFileSync(file, stringify(rulesFile, { lineWidth: 0 }));
  return file;
}
