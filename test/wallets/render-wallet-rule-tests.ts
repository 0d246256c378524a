import type { RenderedAlertingRule, RulesFile } from '../../constructs/alerting/rules/render-rules';
import { balanceTemplate, runwayTemplate } from '../../constructs/wallets/wallet-rules';
import type { ResolvedWallets } from '../../constructs/wallets/resolve';
import { expandAnnotation } from '../alerting/promtool/annotation-templates';
import type { PromtoolTestFile } from '../alerting/promtool/render-rule-tests';
import type { WalletRuleCase } from './wallet-rule-cases';

const VALUE_AS_BALANCE = '{{ printf "%.6g" $value }}';
const VALUE_AS_RUNWAY = '{{ printf "%.1f" $value }}';

/**
 * promtool's test file for the wallet cases. Cases over the same input series share one promtool test (it evaluates
 * the trace once and checks each time). Wallet annotations print the balance and runway, from `$value` or a query
 * of the other series; the case states both texts, which replace those template actions. Exporter alerts use only
 * `$labels`, expanded as for every pack.
 */
export function renderWalletRuleTests(rulesFile: RulesFile, ruleFileName: string, cases: readonly WalletRuleCase[], pack: ResolvedWallets): PromtoolTestFile {
  const byTrace = new Map<string, WalletRuleCase[]>();
  for (const testCase of cases) {
    const key = JSON.stringify(testCase.series);
    byTrace.set(key, [...(byTrace.get(key) ?? []), testCase]);
  }
  return {
    rule_files: [ruleFileName],
    evaluation_interval: '1m',
    tests: [...byTrace.values()].map((group) => ({
      name: group.map((c) => c.name).join(' | '),
      interval: '1m',
      input_series: group[0].series.map(({ series, values }) => ({ series, values })),
      alert_rule_test: group.map((testCase) => {
        const rule = findRule(rulesFile, testCase);
        const wallet = pack.wallets.find((w) => `wallet-${w.name}` === testCase.group);
        return {
          eval_time: testCase.at.toPrometheus(),
          alertname: testCase.alert,
          exp_alerts: testCase.firing.map((expected) => ({
            exp_labels: { ...expected.labels, ...rule.labels },
            exp_annotations: Object.fromEntries(
              Object.entries(rule.annotations).map(([name, template]) => {
                if (!wallet) return [name, expandAnnotation(template, expected.labels, 0)];
                const text = template
                  .split(balanceTemplate(wallet)).join(expected.balance ?? 'unknown')
                  .split(runwayTemplate(wallet)).join(expected.runway ?? 'unknown')
                  .split(VALUE_AS_BALANCE).join(expected.balance ?? '')
                  .split(VALUE_AS_RUNWAY).join(expected.runway ?? '');
                if (text.includes('{{')) throw new Error(`case "${testCase.name}": annotation ${name} has a template action the wallet cases cannot expand: ${text}`);
                return [name, text];
              }),
            ),
          })),
        };
      }),
    })),
  };
}

function findRule(rulesFile: RulesFile, testCase: WalletRuleCase): RenderedAlertingRule {
  const group = rulesFile.groups.find((g) => g.name === testCase.group);
  const rule = group?.rules.find((r): r is RenderedAlertingRule => 'alert' in r && r.alert === testCase.alert);
  if (!rule) throw new Error(`case "${testCase.name}": no alert ${testCase.alert} in group ${testCase.group}`);
  return rule;
}
