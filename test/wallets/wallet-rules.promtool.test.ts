import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { WALLET_ALERTS } from '../../constructs/wallets/alert-names';
import { renderWalletRules } from '../../constructs/wallets/wallet-rules';
import { alertsOf } from '../alerting/promtool/rendered-alerts';
import { subsetOfRules } from '../alerting/promtool/per-alert-rule-tests';
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

  // Each group's cases run with only that group's rules: a wallet's rules read only its own recorded series (the
  // subset refuses otherwise), and promtool evaluates every rule of the file at every step (the sawtooth trace is
  // 48 h of 1-minute steps), so the verdicts are those of the whole file at a third of the cost.
  const groups = [...new Set(WALLET_RULE_CASES.map((c) => c.group))];
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-wallet-rule-tests-'));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test.each(groups)('every trace case of %s passes promtool test rules', (group) => {
    const groupRules = subsetOfRules(rulesFile, (g) => g.name === group, () => true);
    const rulesName = `${group}.rules.yaml`;
    const testsName = `${group}.test.yaml`;
    fs.writeFileSync(path.join(directory, rulesName), stringify(groupRules, { lineWidth: 0 }));
    const cases = WALLET_RULE_CASES.filter((c) => c.group === group);
    fs.writeFileSync(path.join(directory, testsName), stringify(renderWalletRuleTests(groupRules, rulesName, cases, TEST_PACK), { lineWidth: 0 }));
    const result = runTool('promtool', ['test', 'rules', testsName], { cwd: directory });
    expect(result).toMatchObject({ status: 0 });
  });

  test('every rendered group has cases, so no rule goes untested', () => {
    expect(rulesFile.groups.map((g) => g.name).filter((name) => !groups.includes(name))).toEqual([]);
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
