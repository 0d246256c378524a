import { renderDashboard } from '../../constructs/dashboards/render-dashboard';
import { walletRuleGroups } from '../../constructs/wallets/wallet-rules';
import { walletsDashboard } from '../../constructs/wallets/wallets-dashboard';
import { isAlertRule } from '../../constructs/alerting/rules/rule-group';
import { TEST_PACK } from './fixtures';

const dashboard = renderDashboard(walletsDashboard(TEST_PACK)) as any;
const panels: any[] = dashboard.panels.filter((p: any) => p.type !== 'row');
const groups = walletRuleGroups(TEST_PACK);
/** The number an alert compares its series with: `<series> < N`. */
const threshold = (group: string, alert: string) => {
  const rule = groups.find((g) => g.name === group)!.rules.find((r) => isAlertRule(r) && r.alert === alert)!;
  return Number(/< ([0-9.e-]+)/.exec(rule.expr)![1]);
};
const steps = (title: string, index: number) => panels.filter((p) => p.title === title)[index].fieldConfig.defaults.thresholds.steps.map((s: any) => [s.color, s.value]);

describe('the Wallets dashboard', () => {
  test.each(TEST_PACK.wallets.map((wallet, index) => [wallet.name, index] as const))('%s: balance colours change exactly at the alert floors', (name, index) => {
    const title = panels.filter((p) => p.title.startsWith('Balance ('))[index].title;
    expect(steps(title, panels.filter((p) => p.title === title).indexOf(panels.filter((p) => p.title.startsWith('Balance ('))[index]))).toEqual([
      ['red', null],
      ['orange', threshold(`wallet-${name}`, 'WalletBalanceBelowCriticalFloor')],
      ['green', threshold(`wallet-${name}`, 'WalletBalanceBelowWarningFloor')],
    ]);
  });

  test.each(TEST_PACK.wallets.map((wallet, index) => [wallet.name, index] as const))('%s: runway colours change exactly at the runway objectives', (name, index) => {
    expect(steps('Runway', index)).toEqual([
      ['red', null],
      ['orange', threshold(`wallet-${name}`, 'WalletRunwayBelowPageObjective')],
      ['green', threshold(`wallet-${name}`, 'WalletRunwayBelowTicketObjective')],
    ]);
  });

  test('shows every wallet\'s balance, runway and spend series', () => {
    const exprs = panels.flatMap((p) => (p.targets ?? []).map((t: any) => t.expr)).join('\n');
    for (const wallet of TEST_PACK.wallets) {
      for (const series of ['feedops:wallet_balance:native', 'feedops:wallet_runway:hours', 'feedops:wallet_spend_rate:native_per_hour']) expect(exprs).toContain(`${series}{wallet="${wallet.name}"}`);
    }
  });
});
