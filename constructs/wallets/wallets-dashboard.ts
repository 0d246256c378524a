import { Duration } from '../core/duration';
import type { DashboardModel, DashboardRow, Panel, Thresholds } from '../dashboards/dashboard-model';
import { EVM_EXPORTER_METRICS, SOLANA_EXPORTER_METRICS, WALLET_SERIES } from './wallet-metrics';
import { RPC_ERRORS_WINDOW } from './wallet-rules';
import type { ResolvedWallet, ResolvedWallets } from './resolve';
import { watchedNetworks } from './resolve';

export const WALLETS_DASHBOARD_UID = 'feedops-wallets';
/** Balances move per transaction: a minute's refresh is plenty. */
export const WALLETS_REFRESH = Duration.minutes(1);
export const WALLETS_TIME_RANGE = Duration.hours(24);

/** Balance colours: red below the critical floor, orange below the warning floor, green above (the alerts' own numbers). */
export function balanceThresholds(wallet: ResolvedWallet): Thresholds {
  return {
    base: 'red',
    steps: [
      { from: Number(wallet.floors.critical), color: 'orange' },
      { from: Number(wallet.floors.warning), color: 'green' },
    ],
  };
}

/** Runway colours: red below the page objective, orange below the ticket objective. */
export function runwayThresholds(wallet: ResolvedWallet): Thresholds {
  return {
    base: 'red',
    steps: [
      { from: wallet.runwayHours.page, color: 'orange' },
      { from: wallet.runwayHours.ticket, color: 'green' },
    ],
  };
}

const of = (series: string, wallet: string) => `${series}{wallet=${JSON.stringify(wallet)}}`;

function walletRow(wallet: ResolvedWallet): DashboardRow {
  const unit = `suffix: ${wallet.unit}` as const;
  const panels: Panel[] = [
    {
      kind: 'timeseries',
      title: `Balance (${wallet.unit})`,
      description: `${wallet.purpose}. ${wallet.address} on ${wallet.network}. Lines: warning floor ${wallet.floors.warning}, critical floor ${wallet.floors.critical}.`,
      queries: [{ expr: of(WALLET_SERIES.balance, wallet.name), legend: wallet.name }],
      unit,
      width: 10,
      thresholds: balanceThresholds(wallet),
      showThresholds: 'line',
    },
    {
      kind: 'stat',
      title: 'Runway',
      description: `Hours until empty at the spend of the recent window; no value while nothing is spent. Ticket below ${wallet.runwayHours.ticket} h, page below ${wallet.runwayHours.page} h.`,
      queries: [{ expr: of(WALLET_SERIES.runway, wallet.name) }],
      unit: 'suffix: h',
      decimals: 1,
      width: 4,
      thresholds: runwayThresholds(wallet),
      noValue: 'no spend',
    },
    {
      kind: 'timeseries',
      title: `Spend rate (${wallet.unit}/h)`,
      description: 'Mean hourly spend from decreases only: refills do not count.',
      queries: [{ expr: of(WALLET_SERIES.spendRate, wallet.name), legend: wallet.name }],
      unit: `suffix: ${wallet.unit}/h`,
      width: 10,
    },
  ];
  return { title: `${wallet.name} · ${wallet.network} · ${wallet.team}`, panels };
}

/** "Wallets": each wallet's balance against its floors, its runway and spend, and the health of the exporters. */
export function walletsDashboard(pack: ResolvedWallets): DashboardModel {
  const networks = watchedNetworks(pack);
  const jobs = networks.map((network) => network.job).join('|');
  const evmJobs = networks.filter((n) => n.family === 'evm').map((n) => n.job).join('|');
  const solanaJobs = networks.filter((n) => n.family !== 'evm').map((n) => n.job).join('|');
  const health: Panel[] = [
    ...(jobs ? [{ kind: 'state-timeline' as const, title: 'Exporter targets up', queries: [{ expr: `up{job=~"${jobs}"}`, legend: '{{job}} {{instance}}' }], mappings: [{ value: 1, text: 'Up', color: 'green' as const }, { value: 0, text: 'Down', color: 'red' as const }] }] : []),
    ...(evmJobs ? [{ kind: 'timeseries' as const, title: 'EVM RPC errors per second', queries: [{ expr: `sum by (job, execution) (rate(${EVM_EXPORTER_METRICS.errors}{job=~"${evmJobs}"}[${RPC_ERRORS_WINDOW.toPrometheus()}]))`, legend: '{{job}} {{execution}}' }], unit: 'ops' as const, thresholds: { base: 'green' as const, steps: [{ from: 0.000001, color: 'red' as const }] } }] : []),
    ...(solanaJobs ? [{ kind: 'state-timeline' as const, title: 'Solana RPC node healthy', queries: [{ expr: `min by (job) (${SOLANA_EXPORTER_METRICS.nodeHealthy}{job=~"${solanaJobs}"})`, legend: '{{job}}' }], mappings: [{ value: 1, text: 'Healthy', color: 'green' as const }, { value: 0, text: 'Unhealthy', color: 'red' as const }] }] : []),
  ];
  return {
    uid: WALLETS_DASHBOARD_UID,
    title: 'Wallets',
    description: `Balances, runway and spend of the wallets that pay for ${pack.environment}'s on-chain updates.`,
    tags: ['feedops', 'wallets', pack.environment],
    refresh: WALLETS_REFRESH,
    timeRange: WALLETS_TIME_RANGE,
    variables: [{ kind: 'custom', name: 'environment', values: [pack.environment] }],
    rows: [
      {
        title: 'Overview',
        panels: [
          {
            kind: 'table',
            title: 'Balances now',
            queries: [{ expr: WALLET_SERIES.balance }],
            width: 24,
            height: 6,
            columnNames: { wallet: 'Wallet', network: 'Network', address: 'Address', team: 'Team', Value: 'Balance' },
            sortBy: { column: 'Wallet' },
          },
        ],
      },
      ...pack.wallets.map(walletRow),
      ...(health.length ? [{ title: 'Exporters and RPC', panels: health }] : []),
    ],
  };
}
