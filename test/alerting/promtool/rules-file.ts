import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import type { RulesFile } from '../../../constructs/alerting/rules/render-rules';
import { runTool } from '../../support/tools';
import { renderRuleTests } from './render-rule-tests';
import type { AlertRuleCase } from './rule-test-case';

/** Writes a rendered rules file as YAML into a fresh temporary directory; returns its path. */
export function writeRulesFile(rulesFile: RulesFile, fileName = 'rules.yaml'): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-rules-'));
  const file = path.join(directory, fileName);
  fs.writeFileSync(file, stringify(rulesFile, { lineWidth: 0 }));
  return file;
}

/** Runs `cases` against the whole `rulesFile` with `promtool test rules`; returns promtool's status and output. */
export function runRuleCases(rulesFile: RulesFile, cases: readonly AlertRuleCase[], testsName: string) {
  const rulesPath = writeRulesFile(rulesFile);
  const testsPath = path.join(path.dirname(rulesPath), testsName);
  fs.writeFileSync(testsPath, stringify(renderRuleTests(rulesFile, path.basename(rulesPath), cases), { lineWidth: 0 }));
  return runTool('promtool', ['test', 'rules', path.basename(testsPath)], { cwd: path.dirname(testsPath) });
}
