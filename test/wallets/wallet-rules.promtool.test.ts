import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { WALLET_ALERTS } from '../../constructs/wallets/alert-names';
import { renderWalletRules } from '../../constructs/wallets/wallet-rules';
import { alertsOf } from '../alerting/promtool/rendered-alerts';
import { writeRulesFile } from '../alerting/promtool/rules-file';
import { runTool } from '../support/tools';
import { TEST_PACK } from './fixtures';
import { renderWalletRuleTests } from './render-wallet-rule-tests';
import { WALLET_RULE_CASES } from './wallet-rule-cases';

describe('wallet rules under promtool', () => {
  const { rulesFile } = renderWalletRules(TEST_PACK);

  test('pass promtool check rules with every lint fatal', () => {
    const file = writeRulesFile(rulesFile);
    const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', file]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('every trace case passes promtool test rules', () => {
    const rulesPath = writeRulesFile(rulesFile);
    const testsPath = path.join(path.dirname(rulesPath), 'wallet-rules.test.yaml');
    fs.writeFileSync(testsPath, stringify(renderWalletRuleTests(rulesFile, path.basename(rulesPath), WALLET_RULE_CASES, TEST_PACK), { lineWidth: 0 }));
    const result = runTool('promtool', ['test', 'rules', path.basename(testsPath)], { cwd: path.dirname(testsPath) });
    expect(result).toMatchObject({ status: 0 });
  });

  test.each(Object.values(WALLET_ALERTS))('%s has a firing and a quiet case', (alert) => {
    const cases = WALLET_RULE_CASES.filter((c) => c.alert === alert);
    expect({ alert, firing: cases.some((c) => c.firing.length > 0), quiet: cases.some((c) => c.firing.length === 0) }).toEqual({ alert, firing: true, quiet: true });
  });

  test('every rendered alert is one of the pack\'s named alerts', () => {
    const names = new Set<string>(Object.values(WALLET_ALERTS));
    expect(alertsOf(rulesFile).map(({ rule }) => rule.alert).filter((name) => !names.has(name))).toEqual([]);
  });

  test('case names are unique', () => {
    const names = WALLET_RULE_CASES.map((c) => c.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
