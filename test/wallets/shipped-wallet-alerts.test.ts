import { resources, synthesizedStacks } from '../support/synth';

// Golden expectations for the wallet alerts prod ships, written by hand from the paging policy and prod's wallet list
// (owner team, floors, runway objective), not read back from the pack: who is paged, how urgently, after how long,
// at which balance, and from which exporter series in which unit.

/** [alert, severity, for]: floors and runway page or ticket; an unknown balance pages (the floor alerts are blind). */
const WALLET_ALERT_POLICY: ReadonlyArray<readonly [string, string, string]> = [
  ['WalletBalanceBelowWarningFloor', 'warning', '5m'],
  ['WalletBalanceBelowCriticalFloor', 'critical', '2m'],
  ['WalletRunwayBelowTicketObjective', 'warning', '15m'],
  ['WalletRunwayBelowPageObjective', 'critical', '10m'],
  ['WalletBalanceAbsent', 'critical', '15m'],
];
const EXPORTER_ALERT_POLICY: ReadonlyArray<readonly [string, string, string]> = [
  ['WalletExporterDown', 'warning', '5m'],
  ['WalletExporterRpcErrors', 'warning', '10m'],
];

/** Prod's wallets: owner team, floors (native units), runway hours (ticket, page), and the series the balance comes from. */
const PROD_WALLETS: Record<string, { team: string; warning: string; critical: string; ticketHours: number; pageHours: number; balance: RegExp }> = {
  'ethereum-pusher': { team: 'feeds', warning: '1.5', critical: '0.5', ticketHours: 144, pageHours: 48, balance: /^min\(eth_address_account_balance\{.*\}\) \/ 1e18$/ },
  'ethereum-entropy-keeper': { team: 'platform', warning: '0.5', critical: '0.1', ticketHours: 96, pageHours: 36, balance: /^min\(eth_address_account_balance\{.*\}\) \/ 1e18$/ },
  'arbitrum-pusher': { team: 'feeds', warning: '0.05', critical: '0.01', ticketHours: 144, pageHours: 48, balance: /^min\(pyth_wallet_balance\{.*\}\)$/ },
  'solana-pusher': { team: 'feeds', warning: '5', critical: '1', ticketHours: 144, pageHours: 48, balance: /^min\(solana_account_balance\{.*\}\)$/ },
  'pythnet-publisher': { team: 'feeds', warning: '2', critical: '1', ticketHours: 144, pageHours: 48, balance: /^min\(solana_account_balance\{.*\}\)$/ },
};

type Rule = { alert?: string; record?: string; expr: string; for?: string; labels?: Record<string, string> };

const manifest = resources(synthesizedStacks()['prod-monitors'], 'kubernetes_manifest')
  .map((resource) => resource.config.manifest)
  .find((m) => m.kind === 'PrometheusRule' && m.metadata.name === 'feedops-wallets');
const groups: Array<{ name: string; rules: Rule[] }> = manifest?.spec.groups ?? [];
const groupOf = (name: string) => groups.find((group) => group.name === name)?.rules ?? [];
const alertIn = (group: string, alert: string) => groupOf(group).find((rule) => rule.alert === alert);

test('prod ships one rule group per wallet and one for the exporters', () => {
  expect(groups.map((group) => group.name).sort()).toEqual([...Object.keys(PROD_WALLETS).map((wallet) => `wallet-${wallet}`), 'wallet-exporters'].sort());
});

describe.each(Object.entries(PROD_WALLETS))('wallet %s', (wallet, expected) => {
  const group = `wallet-${wallet}`;

  test.each(WALLET_ALERT_POLICY)('%s is %s after %s, for its owner team in prod', (alert, severity, duration) => {
    const rule = alertIn(group, alert);
    expect({ for: rule?.for, severity: rule?.labels?.severity, team: rule?.labels?.team, environment: rule?.labels?.environment, wallet: rule?.labels?.wallet }).toEqual({
      for: duration,
      severity,
      team: expected.team,
      environment: 'prod',
      wallet,
    });
  });

  test('the floors sit at its warning and critical balances, the warning a band above the critical', () => {
    const balance = `feedops:wallet_balance:native{wallet="${wallet}"}`;
    expect(alertIn(group, 'WalletBalanceBelowCriticalFloor')?.expr).toBe(`${balance} < ${expected.critical}`);
    expect(alertIn(group, 'WalletBalanceBelowWarningFloor')?.expr).toBe(`${balance} < ${expected.warning} and ${balance} >= ${expected.critical}`);
  });

  test('the runway objectives sit at its ticket and page hours', () => {
    const runway = `feedops:wallet_runway:hours{wallet="${wallet}"}`;
    expect(alertIn(group, 'WalletRunwayBelowPageObjective')?.expr).toBe(`${runway} < ${expected.pageHours}`);
    expect(alertIn(group, 'WalletRunwayBelowTicketObjective')?.expr).toBe(`${runway} < ${expected.ticketHours} and ${runway} >= ${expected.pageHours}`);
  });

  test('its balance is read from its exporter\'s series, in native units', () => {
    const record = groupOf(group).find((rule) => rule.record === 'feedops:wallet_balance:native');
    expect(record?.expr).toMatch(expected.balance);
    expect(record?.labels?.team).toBe(expected.team);
  });
});

test.each(EXPORTER_ALERT_POLICY)('exporter alert %s is %s after %s, for the platform team', (alert, severity, duration) => {
  const rule = alertIn('wallet-exporters', alert);
  expect({ for: rule?.for, severity: rule?.labels?.severity, team: rule?.labels?.team }).toEqual({ for: duration, severity, team: 'platform' });
});
