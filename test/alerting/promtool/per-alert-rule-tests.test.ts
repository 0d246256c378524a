import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { RulesFile } from '../../../constructs/alerting/rules/render-rules';
import { Duration } from '../../../constructs/core/duration';
import { runTool } from '../../support/tools';
import { ruleTestsPerAlert, subsetOfRules, writeAlertRuleTests } from './per-alert-rule-tests';
import type { AlertRuleCase } from './rule-test-case';

const alertRule = (alert: string, expr: string) => ({ alert, expr, for: '1m', labels: { severity: 'warning' }, annotations: { summary: alert, description: alert, runbook_url: 'https://runbooks.example.com' } });
const RULES: RulesFile = {
  groups: [
    { name: 'a', rules: [alertRule('TargetDown', 'up == 0'), { record: 'job:up:sum', expr: 'sum by (job) (up)' }, alertRule('JobGone', 'job:up:sum == 0')] },
    { name: 'b', rules: [alertRule('TargetDown', 'up{job="b"} == 0')] },
    { name: 'c', rules: [alertRule('Other', 'vector(1)')] },
  ],
};
const downCase = (firing: AlertRuleCase['firing']): AlertRuleCase => ({
  name: `TargetDown ${firing.length > 0 ? 'fires' : 'is quiet'}`,
  alert: 'TargetDown',
  group: 'a',
  at: Duration.seconds(150),
  series: [{ series: 'up{job="a",instance="x"}', values: '0x5' }],
  firing,
});

const ruleNames = (rulesFile: RulesFile) => rulesFile.groups.map((group) => [group.name, group.rules.map((rule) => ('alert' in rule ? rule.alert : rule.record))]);

test('an alert runs with every group that has it, keeping only its rules and the recording rules they read', () => {
  const jobGone: AlertRuleCase = { ...downCase([]), name: 'JobGone is quiet', alert: 'JobGone' };
  const [targetDown, gone] = ruleTestsPerAlert(RULES, [downCase([]), jobGone]);
  expect(targetDown.alert).toBe('TargetDown');
  expect(ruleNames(targetDown.rulesFile)).toEqual([
    ['a', ['TargetDown']],
    ['b', ['TargetDown']],
  ]);
  expect(ruleNames(gone.rulesFile)).toEqual([['a', ['job:up:sum', 'JobGone']]]);
});

test('each case goes to its own alert only', () => {
  const jobGone: AlertRuleCase = { ...downCase([]), name: 'JobGone is quiet', alert: 'JobGone' };
  expect(ruleTestsPerAlert(RULES, [downCase([]), jobGone]).map((tests) => [tests.alert, tests.cases.map((c) => c.name)])).toEqual([
    ['TargetDown', ['TargetDown is quiet']],
    ['JobGone', ['JobGone is quiet']],
  ]);
});

test('fails when a rule reads ALERTS, since its alert then depends on the others', () => {
  const reading: RulesFile = { groups: [{ name: 'x', rules: [alertRule('Meta', 'ALERTS{alertname="TargetDown"} == 1')] }] };
  expect(() => ruleTestsPerAlert(reading, [])).toThrow('rules Meta read ALERTS');
});

describe('a subset of groups', () => {
  const balance = (wallet: string) => ({ record: 'wallet:balance', expr: `balance{wallet="${wallet}"}`, labels: { wallet } });
  const perWallet: RulesFile = {
    groups: [
      { name: 'wallet-a', rules: [balance('a'), alertRule('Low', 'wallet:balance{wallet="a"} < 1')] },
      { name: 'wallet-b', rules: [balance('b'), alertRule('Low', 'wallet:balance{wallet="b"} < 1')] },
      { name: 'totals', rules: [alertRule('AllLow', 'sum(wallet:balance) < 1')] },
    ],
  };
  const only = (name: string) => subsetOfRules(perWallet, (group) => group.name === name, () => true);

  test('keeps a group whose rules select only its own recorded series', () => {
    expect(only('wallet-a').groups.map((group) => group.name)).toEqual(['wallet-a']);
  });

  test('refuses a group that reads a series recorded by a group left out', () => {
    expect(() => only('totals')).toThrow('AllLow may read wallet:balance{"wallet":"a"}, recorded by a rule outside the subset');
  });

  test('refuses a selector that does not pin the recorded labels away', () => {
    const loose: RulesFile = { groups: [perWallet.groups[0], { name: 'x', rules: [alertRule('AnyLow', 'wallet:balance{job="w"} < 1')] }] };
    expect(() => subsetOfRules(loose, (group) => group.name === 'x', () => true)).toThrow('AnyLow may read wallet:balance');
  });
});

describe('under promtool', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-per-alert-'));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
  const promtool = (testCase: AlertRuleCase) => {
    const [tests] = ruleTestsPerAlert(RULES, [testCase]);
    return runTool('promtool', ['test', 'rules', writeAlertRuleTests(directory, tests)], { cwd: directory }).status;
  };

  test('a right expectation passes', () => {
    expect(promtool(downCase([{ labels: { job: 'a', instance: 'x' } }]))).toBe(0);
  });

  test('a wrong expectation fails', () => {
    expect(promtool(downCase([]))).not.toBe(0);
  });
});
