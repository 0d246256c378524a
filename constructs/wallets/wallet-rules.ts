import { Duration } from '../core/duration';
import type { AlertRule } from '../alerting/rules/alert-rule';
import type { RecordingRule } from '../alerting/rules/recording-rule';
import { renderRules, type RenderedRules } from '../alerting/rules/render-rules';
import type { RuleGroup } from '../alerting/rules/rule-group';
import { Runbook } from '../alerting/rules/runbook';
import { Severity } from '../alerting/rules/severity';
import { WALLET_ALERTS } from './alert-names';
import type { ResolvedWallet, ResolvedWallets } from './resolve';
import { watchedNetworks } from './resolve';
import { EVM_EXPORTER_METRICS, PRICE_PUSHER_METRICS, SOLANA_EXPORTER_METRICS, WALLET_SERIES, WEI_PER_ETHER } from './wallet-metrics';

export const WALLET_RULES_NAME = 'feedops-wallets';
export const WALLET_RULE_LABELS: Readonly<Record<string, string>> = { 'app.kubernetes.io/part-of': 'wallets' };

/** How long each condition must hold. A balance only moves on a transaction, so short `for`s do not flap. */
export const WALLET_ALERT_FOR = {
  warningFloor: Duration.minutes(5),
  criticalFloor: Duration.minutes(2),
  runwayTicket: Duration.minutes(15),
  runwayPage: Duration.minutes(10),
  /** Longer than a rollout or an exporter restart, shorter than any runway objective. */
  balanceAbsent: Duration.minutes(15),
  exporterDown: Duration.minutes(5),
  rpcErrors: Duration.minutes(10),
} as const;
export const RPC_ERRORS_WINDOW = Duration.minutes(5);

const quote = (value: string) => JSON.stringify(value);

/** The wallet's balance series: `feedops:wallet_balance:native{wallet="..."}`. */
export function balanceSelector(wallet: string): string {
  return `${WALLET_SERIES.balance}{wallet=${quote(wallet)}}`;
}

/**
 * The exporter-specific read of one wallet, in native units. Several replicas or RPC nodes report the same
 * wallet: the lowest value wins (a lagging node shows an older, higher balance; paging early is the safe side).
 */
export function nativeBalanceExpr(wallet: ResolvedWallet): string {
  if (wallet.source === 'price-pusher') {
    // The pusher's address spelling is not fixed by its docs: match EVM addresses case-insensitively.
    const address = wallet.family === 'evm' ? `wallet_address=~${quote(`(?i)${wallet.address}`)}` : `wallet_address=${quote(wallet.address)}`;
    return `min(${PRICE_PUSHER_METRICS.balance}{${address}})`;
  }
  const job = `job=${quote(wallet.exporterJob!)}`;
  if (wallet.family === 'evm') return `min(${EVM_EXPORTER_METRICS.balance}{${job},address=${quote(wallet.address)}}) / ${WEI_PER_ETHER}`;
  return `min(${SOLANA_EXPORTER_METRICS.balance}{${job},address=${quote(wallet.address)}})`;
}

/** Go template text that prints the wallet's current balance (or "unknown") inside an annotation. */
export function balanceTemplate(wallet: ResolvedWallet): string {
  return `{{ with query \`${balanceSelector(wallet.name)}\` }}{{ . | first | value | printf "%.6g" }}{{ else }}unknown{{ end }}`;
}

/** Go template text that prints the wallet's runway in hours (or "unknown" while nothing is spent). */
export function runwayTemplate(wallet: ResolvedWallet): string {
  return `{{ with query \`${WALLET_SERIES.runway}{wallet=${quote(wallet.name)}}\` }}{{ . | first | value | printf "%.1f" }}{{ else }}unknown{{ end }}`;
}

/** The spend rate (native per hour) from per-step decreases only: a refill is an upward step and adds nothing. */
export function spendRateExpr(wallet: ResolvedWallet, spend: ResolvedWallets['spend']): string {
  const balance = balanceSelector(wallet.name);
  const step = spend.resolution.toPrometheus();
  const decreases = `clamp_min(${balance} offset ${step} - ${balance}, 0)[${spend.window.toPrometheus()}:${step}]`;
  const stepsPerHour = 3600 / spend.resolution.toSeconds();
  const minimumSteps = Math.ceil(spend.minimumHistory.toSeconds() / spend.resolution.toSeconds());
  return `sum_over_time(${decreases}) / count_over_time(${decreases}) * ${stepsPerHour}\nand\ncount_over_time(${decreases}) >= ${minimumSteps}`;
}

function walletGroup(wallet: ResolvedWallet, pack: ResolvedWallets): RuleGroup {
  const balance = balanceSelector(wallet.name);
  const runway = `${WALLET_SERIES.runway}{wallet=${quote(wallet.name)}}`;
  const contract = { environment: pack.environment, wallet: wallet.name, chain: wallet.family, network: wallet.network, address: wallet.address, team: wallet.team };
  const recording: RecordingRule[] = [
    { record: WALLET_SERIES.balance, expr: nativeBalanceExpr(wallet), labels: contract },
    // The wallet label is already on the series; naming it keeps the rules distinct for promtool's duplicate lint.
    { record: WALLET_SERIES.spendRate, expr: spendRateExpr(wallet, pack.spend), labels: { wallet: wallet.name } },
    { record: WALLET_SERIES.runway, expr: `${balance} / (${WALLET_SERIES.spendRate}{wallet=${quote(wallet.name)}} > 0)`, labels: { wallet: wallet.name } },
  ];
  const where = `${wallet.name} (${wallet.purpose}) on ${wallet.network} (${wallet.family}${wallet.chainId !== undefined ? ` chain ${wallet.chainId}` : ''}), address ${wallet.address}`;
  const unit = wallet.unit;
  const status = (balanceText: string, runwayText: string) => `Balance ${balanceText} ${unit}, runway ${runwayText} h.`;
  const floors = `Floors: warning ${wallet.floors.warning} ${unit}, critical ${wallet.floors.critical} ${unit}; runway objective: ticket below ${wallet.runwayHours.ticket} h, page below ${wallet.runwayHours.page} h.`;
  const alert = (name: string, rule: Omit<AlertRule, 'alert' | 'team' | 'runbook'>): AlertRule => ({
    alert: name,
    ...rule,
    team: wallet.team,
    runbook: Runbook.at(pack.runbookBaseUrl, name),
    labels: { wallet: wallet.name, ...rule.labels },
  });
  const valueBalance = '{{ printf "%.6g" $value }}';
  const valueRunway = '{{ printf "%.1f" $value }}';
  const { ticket, page } = wallet.runwayHours;
  const alerts: AlertRule[] = [
    alert(WALLET_ALERTS.belowWarningFloor, {
      // A band: below the critical floor the critical alert speaks instead.
      expr: `${balance} < ${wallet.floors.warning} and ${balance} >= ${wallet.floors.critical}`,
      for: WALLET_ALERT_FOR.warningFloor,
      severity: Severity.WARNING,
      summary: `Wallet ${wallet.name} on ${wallet.network} is below its warning floor of ${wallet.floors.warning} ${unit}`,
      description: `${where}. ${status(valueBalance, runwayTemplate(wallet))} Top it up before it reaches the critical floor. ${floors}`,
    }),
    alert(WALLET_ALERTS.belowCriticalFloor, {
      expr: `${balance} < ${wallet.floors.critical}`,
      for: WALLET_ALERT_FOR.criticalFloor,
      severity: Severity.CRITICAL,
      summary: `Wallet ${wallet.name} on ${wallet.network} is below its critical floor of ${wallet.floors.critical} ${unit}`,
      description: `${where}. ${status(valueBalance, runwayTemplate(wallet))} Updates it pays for stop when it runs dry: top it up now. ${floors}`,
    }),
    alert(WALLET_ALERTS.runwayBelowTicket, {
      expr: `${runway} < ${ticket} and ${runway} >= ${page}`,
      for: WALLET_ALERT_FOR.runwayTicket,
      severity: Severity.WARNING,
      summary: `Wallet ${wallet.name} on ${wallet.network} runs dry in under ${ticket} h at its recent spend`,
      description: `${where}. ${status(balanceTemplate(wallet), valueRunway)} Plan a top-up or find out why it spends faster. ${floors}`,
    }),
    alert(WALLET_ALERTS.runwayBelowPage, {
      expr: `${runway} < ${page}`,
      for: WALLET_ALERT_FOR.runwayPage,
      severity: Severity.CRITICAL,
      summary: `Wallet ${wallet.name} on ${wallet.network} runs dry in under ${page} h at its recent spend`,
      description: `${where}. ${status(balanceTemplate(wallet), valueRunway)} At the spend of the last ${pack.spend.window.toPrometheus()} it is empty within ${page} h: top it up or stop what drains it. ${floors}`,
    }),
    alert(WALLET_ALERTS.balanceAbsent, {
      expr: `absent(${balance})`,
      for: WALLET_ALERT_FOR.balanceAbsent,
      severity: Severity.CRITICAL,
      summary: `The balance of wallet ${wallet.name} on ${wallet.network} is unknown`,
      description:
        `${where}. No balance series for ${WALLET_ALERT_FOR.balanceAbsent.toPrometheus()}: ` +
        (wallet.source === 'price-pusher'
          ? `the price pusher's ${PRICE_PUSHER_METRICS.balance} for this address is not scraped`
          : `exporter ${wallet.exporterJob} is down, cannot read its RPC, or does not watch this address`) +
        '. Floor and runway alerts are blind for it.',
      labels: { network: wallet.network, address: wallet.address, chain: wallet.family },
    }),
  ];
  return { name: `wallet-${wallet.name}`, rules: [...recording, ...alerts] };
}

function exporterGroup(pack: ResolvedWallets): RuleGroup | undefined {
  const networks = watchedNetworks(pack);
  if (networks.length === 0) return undefined;
  const jobs = (family?: (name: string) => boolean) => networks.filter((n) => !family || family(n.family)).map((n) => n.job);
  const jobMatcher = (list: string[]) => `job=~${quote(list.join('|'))}`;
  const alert = (name: string, rule: Omit<AlertRule, 'alert' | 'team' | 'runbook'>): AlertRule => ({
    alert: name,
    ...rule,
    team: pack.exporterTeam,
    runbook: Runbook.at(pack.runbookBaseUrl, name),
  });
  const evmJobs = jobs((f) => f === 'evm');
  const solanaJobs = jobs((f) => f !== 'evm');
  const rpcConditions = [
    ...(evmJobs.length ? [`sum by (job, execution) (rate(${EVM_EXPORTER_METRICS.errors}{${jobMatcher(evmJobs)}}[${RPC_ERRORS_WINDOW.toPrometheus()}])) > 0`] : []),
    ...(solanaJobs.length ? [`min by (job) (${SOLANA_EXPORTER_METRICS.nodeHealthy}{${jobMatcher(solanaJobs)}}) == 0`] : []),
  ];
  return {
    name: 'wallet-exporters',
    rules: [
      alert(WALLET_ALERTS.exporterDown, {
        expr: `up{${jobMatcher(jobs())}} == 0`,
        for: WALLET_ALERT_FOR.exporterDown,
        severity: Severity.WARNING,
        summary: 'Wallet exporter {{ $labels.job }} at {{ $labels.instance }} cannot be scraped',
        description:
          'Prometheus cannot scrape {{ $labels.job }} at {{ $labels.instance }}. solana-exporter also fails its whole scrape when its RPC read fails. ' +
          `While no replica is scraped, the balances it reads are unknown and ${WALLET_ALERTS.balanceAbsent} follows for each of its wallets.`,
      }),
      alert(WALLET_ALERTS.exporterRpcErrors, {
        expr: rpcConditions.join('\nor\n'),
        for: WALLET_ALERT_FOR.rpcErrors,
        severity: Severity.WARNING,
        summary: 'Wallet exporter {{ $labels.job }} keeps failing to read balances from its RPC {{ $labels.execution }}',
        description:
          `{{ $labels.job }} has failed RPC reads for ${WALLET_ALERT_FOR.rpcErrors.toPrometheus()} (EVM: eth_getBalance errors against node "{{ $labels.execution }}"; ` +
          'Solana/Pythnet: the RPC node reports unhealthy). Balances from that node are stale or missing; other nodes, where configured, still report.',
      }),
    ],
  };
}

/** Every rule group of the pack: one per wallet (recording rules, then its alerts), and the exporters' health. */
export function walletRuleGroups(pack: ResolvedWallets): RuleGroup[] {
  const exporters = exporterGroup(pack);
  return [...pack.wallets.map((wallet) => walletGroup(wallet, pack)), ...(exporters ? [exporters] : [])];
}

export function renderWalletRules(pack: ResolvedWallets): RenderedRules {
  return renderRules(walletRuleGroups(pack), { environment: pack.environment, name: WALLET_RULES_NAME, namespace: pack.namespace, labels: WALLET_RULE_LABELS });
}
