import { Duration } from '../../constructs/core/duration';
import { EVM_EXPORTER_METRICS, PRICE_PUSHER_METRICS, SOLANA_EXPORTER_METRICS } from '../../constructs/wallets/wallet-metrics';
import type { InputSeries } from '../alerting/promtool/rule-test-case';
import { wallet } from './fixtures';

/*
 * promtool traces of the wallet pack, one sample a minute, written from the domain: balances in the exporters' own
 * units (ethpandaops raw wei, solana-exporter SOL, price pusher native), floors 1.5/0.5 ETH for eth-pusher,
 * runway objectives ticket < 144 h, page < 48 h, spend measured over 6h once an hour of history exists.
 * Expected values are worked out by hand in the comments; eval times sit at …m30s, between evaluations.
 */

export interface WalletExpectedAlert {
  readonly labels: Readonly<Record<string, string>>;
  /** Text the annotations show for the balance and runway (`unknown` while a series is missing). */
  readonly balance?: string;
  readonly runway?: string;
}

export interface WalletRuleCase {
  readonly name: string;
  readonly alert: string;
  readonly group: string;
  readonly at: Duration;
  readonly series: readonly InputSeries[];
  readonly firing: readonly WalletExpectedAlert[];
}

const at = (minutes: number, seconds = 30) => Duration.seconds(minutes * 60 + seconds);

const EVM_TARGET = (replica: string, execution = 'alchemy') => ({ job: 'wallet-exporter-ethereum', instance: `10.0.1.${replica}:9090`, namespace: 'monitors', execution });
const SOLANA_TARGET = { job: 'wallet-exporter-solana', instance: '10.0.1.30:8080', namespace: 'monitors' };

function series(metric: string, labels: Readonly<Record<string, string>>, values: string): InputSeries {
  return { series: `${metric}{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}`, values };
}

const ETH = wallet('eth-pusher');
const SOL = wallet('sol-pusher');
const ARB = wallet('arb-pusher');

/** eth-pusher's balance in raw wei as ethpandaops exports it, from one execution node. */
const ethWei = (values: string, target = EVM_TARGET('21')) => series(EVM_EXPORTER_METRICS.balance, { ...target, name: ETH.name, address: ETH.address }, values);
const contract = (w: typeof ETH) => ({ environment: 'prod', wallet: w.name, chain: w.family, network: w.network, address: w.address, team: w.team });
/** `up` of an exporter target (target labels only; `execution` belongs to the exporter's own series). */
const up = (values: string, target: Record<string, string> = EVM_TARGET('21')) =>
  series('up', Object.fromEntries(Object.entries(target).filter(([label]) => label !== 'execution')), values);

/** Healthy balances of the other wallets, so absent() cases show only the wallet under test. */
function otherWalletsPresent(except: string, samples = 200): InputSeries[] {
  return [
    ...(except === ETH.name ? [] : [ethWei(`5e18x${samples}`)]),
    ...(except === SOL.name ? [] : [series(SOLANA_EXPORTER_METRICS.balance, { ...SOLANA_TARGET, address: SOL.address }, `20x${samples}`)]),
    ...(except === ARB.name ? [] : [series(PRICE_PUSHER_METRICS.balance, { job: 'price-pusher', instance: '10.0.2.5:9090', wallet_address: ARB.address, network: '42161' }, `1x${samples}`)]),
  ];
}

const ETH_GROUP = 'wallet-eth-pusher';
// Steady drain: 2 ETH, 0.01 ETH a minute (0.6 ETH/h). Warning floor 1.5 is reached at 50m exactly and crossed at 51m;
// critical floor 0.5 reached at 150m, crossed at 151m. Spend is known from 60m on: 0.6 ETH/h.
const STEADY_DRAIN = ethWei('2e18-1e16x200');
// Sudden drain: 10 ETH spent at 0.0005 ETH/min (0.03 ETH/h, 333 h of runway) for 400 m, then a stuck loop burns
// 0.04 ETH/min and empties it at 645m. Mean spend over 6h at 424m = (24*0.04 + 337*0.0005)/361*60 = 0.188 ETH/h,
// runway 8.84/0.188 = 47.0 h < 48 h: pending from 424m, paging at 434m; the critical floor is crossed only at 633m.
const SUDDEN_DRAIN = ethWei('1e19-5e14x400 9.76e18-4e16x244 0x20');
// Sawtooth: 0.0005 ETH/min (0.03 ETH/h), refilled to 8 ETH every day; the low point 7.28 ETH has 242 h of runway.
// The spend is measured over 6h, so a point depends only on the 6h before it: the trace joins the day 400m before its
// first refill (a full window of steady spend before it), then a whole day to the second refill. The points checked are
// each refill's minute before and after, and 9.3 h and 18.7 h past the first, as at the second day of a longer trace;
// each minute simulated costs promtool a 6h subquery.
const SAWTOOTH_FIRST_REFILL = 400;
const SAWTOOTH = ethWei(`7.48e18-5e14x${SAWTOOTH_FIRST_REFILL - 1} 8e18-5e14x1439 8e18-5e14x10`);
// Low and spending 0.001 ETH/min (0.06 ETH/h) from 3.2 ETH: runway under 48 h (balance < 2.88) from 321m, paging at
// 331m; refilled to 12 ETH at 360m, where the runway is 12/0.06 = 200 h.
const LOW_THEN_REFILLED = ethWei('3.2e18-1e15x359 12e18-1e15x60');

export const WALLET_RULE_CASES: readonly WalletRuleCase[] = [
  // --- floors, steady drain -------------------------------------------------------------------------------------------
  { name: 'steady drain: exactly at the warning floor is not below it', alert: 'WalletBalanceBelowWarningFloor', group: ETH_GROUP, at: at(50), series: [STEADY_DRAIN], firing: [] },
  { name: 'steady drain: below the warning floor for 4m30s is still pending', alert: 'WalletBalanceBelowWarningFloor', group: ETH_GROUP, at: at(55), series: [STEADY_DRAIN], firing: [] },
  {
    name: 'steady drain: below the warning floor for 5m warns, runway not yet measured',
    alert: 'WalletBalanceBelowWarningFloor',
    group: ETH_GROUP,
    at: at(56),
    series: [STEADY_DRAIN],
    firing: [{ labels: contract(ETH), balance: '1.44', runway: 'unknown' }],
  },
  { name: 'steady drain: exactly at the critical floor does not page', alert: 'WalletBalanceBelowCriticalFloor', group: ETH_GROUP, at: at(150), series: [STEADY_DRAIN], firing: [] },
  { name: 'steady drain: the warning holds down to the critical floor', alert: 'WalletBalanceBelowWarningFloor', group: ETH_GROUP, at: at(150), series: [STEADY_DRAIN], firing: [{ labels: contract(ETH), balance: '0.5', runway: '0.8' }] },
  { name: 'steady drain: below the critical floor for 1m30s is still pending', alert: 'WalletBalanceBelowCriticalFloor', group: ETH_GROUP, at: at(152), series: [STEADY_DRAIN], firing: [] },
  { name: 'steady drain: below the critical floor the warning gives way to the page', alert: 'WalletBalanceBelowWarningFloor', group: ETH_GROUP, at: at(153), series: [STEADY_DRAIN], firing: [] },
  {
    name: 'steady drain: below the critical floor for 2m pages with balance and runway (0.47 ETH at 0.6 ETH/h)',
    alert: 'WalletBalanceBelowCriticalFloor',
    group: ETH_GROUP,
    at: at(153),
    series: [STEADY_DRAIN],
    firing: [{ labels: contract(ETH), balance: '0.47', runway: '0.8' }],
  },
  {
    name: 'two execution nodes disagree: the lower balance counts',
    alert: 'WalletBalanceBelowCriticalFloor',
    group: ETH_GROUP,
    at: at(10),
    series: [ethWei('6e17x20', EVM_TARGET('21', 'alchemy')), ethWei('4e17x20', EVM_TARGET('21', 'publicnode'))],
    firing: [{ labels: contract(ETH), balance: '0.4', runway: 'unknown' }],
  },
  // --- dust ------------------------------------------------------------------------------------------------------------
  { name: 'dust: 1 wei is a known balance below the critical floor', alert: 'WalletBalanceBelowCriticalFloor', group: ETH_GROUP, at: at(10), series: [ethWei('1x20')], firing: [{ labels: contract(ETH), balance: '1e-18', runway: 'unknown' }] },
  { name: 'dust: an empty wallet pages as below the floor, not as unknown', alert: 'WalletBalanceBelowCriticalFloor', group: ETH_GROUP, at: at(10), series: [ethWei('0x20')], firing: [{ labels: contract(ETH), balance: '0', runway: 'unknown' }] },
  { name: 'dust: an empty wallet is not reported absent', alert: 'WalletBalanceAbsent', group: ETH_GROUP, at: at(30), series: [ethWei('0x40'), ...otherWalletsPresent(ETH.name)], firing: [] },
  // 5 ETH losing 1 wei a minute: below float64 resolution at 5e18 wei (the exporter's own type), so no spend and no runway.
  { name: 'dust: a wallet losing 1 wei a minute has no runway page', alert: 'WalletRunwayBelowPageObjective', group: ETH_GROUP, at: at(100), series: [ethWei('5e18-1x120')], firing: [] },
  { name: 'dust: nor a runway ticket', alert: 'WalletRunwayBelowTicketObjective', group: ETH_GROUP, at: at(100), series: [ethWei('5e18-1x120')], firing: [] },
  // --- sudden drain ----------------------------------------------------------------------------------------------------
  { name: 'sudden drain: runway under 48 h for 9m30s is pending', alert: 'WalletRunwayBelowPageObjective', group: ETH_GROUP, at: at(433), series: [SUDDEN_DRAIN], firing: [] },
  // At 435m: 8.4 ETH; spend (35*0.04 + 326*0.0005)/361*60 = 0.2598 ETH/h; runway 32.3 h.
  { name: 'sudden drain: the runway page arrives 3.5 h before empty', alert: 'WalletRunwayBelowPageObjective', group: ETH_GROUP, at: at(435), series: [SUDDEN_DRAIN], firing: [{ labels: contract(ETH), balance: '8.4', runway: '32.3' }] },
  { name: 'sudden drain: when the runway pages, the floor has not', alert: 'WalletBalanceBelowCriticalFloor', group: ETH_GROUP, at: at(435), series: [SUDDEN_DRAIN], firing: [] },
  { name: 'sudden drain: the ticket gives way to the page', alert: 'WalletRunwayBelowTicketObjective', group: ETH_GROUP, at: at(435), series: [SUDDEN_DRAIN], firing: [] },
  // --- runway ticket: 3.2 ETH at 0.06 ETH/h is 53 h, between the objectives, from the first hour of history (60m). ---
  { name: 'runway ticket: without an hour of history there is no runway', alert: 'WalletRunwayBelowTicketObjective', group: ETH_GROUP, at: at(70), series: [LOW_THEN_REFILLED], firing: [] },
  // Runway measured from 60m, pending 15m: fires from 75m. At 80m: 3.12 ETH / 0.06 = 52.0 h.
  { name: 'runway ticket: 52 h of runway tickets', alert: 'WalletRunwayBelowTicketObjective', group: ETH_GROUP, at: at(80), series: [LOW_THEN_REFILLED], firing: [{ labels: contract(ETH), balance: '3.12', runway: '52.0' }] },
  { name: 'runway page: 48.3 h of runway does not page yet', alert: 'WalletRunwayBelowPageObjective', group: ETH_GROUP, at: at(300), series: [LOW_THEN_REFILLED], firing: [] },
  // Under 48 h from 321m (2.879 ETH), paging from 331m: 2.869 / 0.06 = 47.8 h.
  { name: 'runway page: 47.8 h of runway pages after 10m', alert: 'WalletRunwayBelowPageObjective', group: ETH_GROUP, at: at(331), series: [LOW_THEN_REFILLED], firing: [{ labels: contract(ETH), balance: '2.869', runway: '47.8' }] },
  { name: 'refill: right after the refill to 12 ETH (200 h) the runway page is gone', alert: 'WalletRunwayBelowPageObjective', group: ETH_GROUP, at: at(360), series: [LOW_THEN_REFILLED], firing: [] },
  { name: 'refill: and no ticket replaces it', alert: 'WalletRunwayBelowTicketObjective', group: ETH_GROUP, at: at(390), series: [LOW_THEN_REFILLED], firing: [] },
  // --- sawtooth: daily refills never page, before or after a refill ---------------------------------------------------
  ...[-1, 1, 560, 1120, 1439, 1441].map((sinceFirstRefill) => SAWTOOTH_FIRST_REFILL + sinceFirstRefill).flatMap((minute) => [
    { name: `sawtooth at ${minute}m: no runway page`, alert: 'WalletRunwayBelowPageObjective', group: ETH_GROUP, at: at(minute), series: [SAWTOOTH], firing: [] },
    { name: `sawtooth at ${minute}m: no runway ticket`, alert: 'WalletRunwayBelowTicketObjective', group: ETH_GROUP, at: at(minute), series: [SAWTOOTH], firing: [] },
    { name: `sawtooth at ${minute}m: no warning floor`, alert: 'WalletBalanceBelowWarningFloor', group: ETH_GROUP, at: at(minute), series: [SAWTOOTH], firing: [] },
  ]),
  // --- exporter restart: 2 scrapes missing, same balance after ---------------------------------------------------------
  ...['WalletBalanceAbsent', 'WalletRunwayBelowPageObjective', 'WalletBalanceBelowWarningFloor'].map((alert) => ({
    name: `exporter restart: ${alert} stays quiet`,
    alert,
    group: ETH_GROUP,
    at: at(100),
    series: [ethWei('8e18-5e14x89 _x2 7.954e18-5e14x20'), ...otherWalletsPresent(ETH.name)],
    firing: [],
  })),
  { name: 'exporter restart: two failed scrapes are not an exporter down', alert: 'WalletExporterDown', group: 'wallet-exporters', at: at(95), series: [up('1x89 0x2 1x20')], firing: [] },
  {
    name: 'exporter down for 5m warns the exporter team',
    alert: 'WalletExporterDown',
    group: 'wallet-exporters',
    at: at(20),
    series: [up('1x9 0x20')],
    firing: [{ labels: { job: 'wallet-exporter-ethereum', instance: '10.0.1.21:9090', namespace: 'monitors' } }],
  },
  // Down from 10m: pending for 4m30s at 14m30s, firing once 5m have passed (15m evaluation).
  { name: 'exporter down for 4m30s is still pending', alert: 'WalletExporterDown', group: 'wallet-exporters', at: at(14), series: [up('1x9 0x20')], firing: [] },
  {
    name: 'exporter down for exactly 5m (the 15m evaluation) warns',
    alert: 'WalletExporterDown',
    group: 'wallet-exporters',
    at: at(15),
    series: [up('1x9 0x20')],
    firing: [{ labels: { job: 'wallet-exporter-ethereum', instance: '10.0.1.21:9090', namespace: 'monitors' } }],
  },
  // --- balance unknown ----------------------------------------------------------------------------------------------------
  // The series ends at 10m; Prometheus still sees it for 5m of lookback, absent from 15m, firing from 30m.
  { name: 'a vanished balance is unknown after 15m', alert: 'WalletBalanceAbsent', group: ETH_GROUP, at: at(31), series: [ethWei('5e18x10'), ...otherWalletsPresent(ETH.name)], firing: [{ labels: { wallet: ETH.name } }] },
  { name: 'a vanished balance is not yet unknown after 14m', alert: 'WalletBalanceAbsent', group: ETH_GROUP, at: at(28), series: [ethWei('5e18x10'), ...otherWalletsPresent(ETH.name)], firing: [] },
  {
    name: 'a configured wallet with no series at all is unknown',
    alert: 'WalletBalanceAbsent',
    group: 'wallet-sol-pusher',
    at: at(20),
    series: [series(SOLANA_EXPORTER_METRICS.balance, { ...SOLANA_TARGET, address: 'SomeOtherAddress' }, '3x30'), ...otherWalletsPresent(SOL.name)],
    firing: [{ labels: { wallet: SOL.name } }],
  },
  // --- RPC errors -----------------------------------------------------------------------------------------------------
  {
    name: 'an RPC error burst of 3m does not warn',
    alert: 'WalletExporterRpcErrors',
    group: 'wallet-exporters',
    at: at(20),
    series: [series(EVM_EXPORTER_METRICS.errors, { ...EVM_TARGET('21', 'publicnode'), name: ETH.name, address: ETH.address }, '0x5 0+4x3 12x20')],
    firing: [],
  },
  {
    name: 'RPC errors for 10m warn about that execution node',
    alert: 'WalletExporterRpcErrors',
    group: 'wallet-exporters',
    at: at(20),
    series: [series(EVM_EXPORTER_METRICS.errors, { ...EVM_TARGET('21', 'publicnode'), name: ETH.name, address: ETH.address }, '0+4x30')],
    firing: [{ labels: { job: 'wallet-exporter-ethereum', execution: 'publicnode' } }],
  },
  // Errors rise from 1m (the first rate over two samples): pending for 9m30s at 10m30s, firing from the 11m evaluation.
  {
    name: 'RPC errors for 9m30s are still pending',
    alert: 'WalletExporterRpcErrors',
    group: 'wallet-exporters',
    at: at(10),
    series: [series(EVM_EXPORTER_METRICS.errors, { ...EVM_TARGET('21', 'publicnode'), name: ETH.name, address: ETH.address }, '0+4x30')],
    firing: [],
  },
  {
    name: 'RPC errors for exactly 10m (the 11m evaluation) warn',
    alert: 'WalletExporterRpcErrors',
    group: 'wallet-exporters',
    at: at(11),
    series: [series(EVM_EXPORTER_METRICS.errors, { ...EVM_TARGET('21', 'publicnode'), name: ETH.name, address: ETH.address }, '0+4x30')],
    firing: [{ labels: { job: 'wallet-exporter-ethereum', execution: 'publicnode' } }],
  },
  {
    name: 'an unhealthy Solana RPC node for 10m warns',
    alert: 'WalletExporterRpcErrors',
    group: 'wallet-exporters',
    at: at(20),
    series: [series(SOLANA_EXPORTER_METRICS.nodeHealthy, SOLANA_TARGET, '1x5 0x30')],
    firing: [{ labels: { job: 'wallet-exporter-solana' } }],
  },
  { name: 'a healthy Solana RPC node does not warn', alert: 'WalletExporterRpcErrors', group: 'wallet-exporters', at: at(20), series: [series(SOLANA_EXPORTER_METRICS.nodeHealthy, SOLANA_TARGET, '1x30')], firing: [] },
  // --- other sources ------------------------------------------------------------------------------------------------------
  {
    name: 'solana-exporter reports SOL: 0.8 SOL is below the 1 SOL critical floor',
    alert: 'WalletBalanceBelowCriticalFloor',
    group: 'wallet-sol-pusher',
    at: at(10),
    series: [series(SOLANA_EXPORTER_METRICS.balance, { ...SOLANA_TARGET, address: SOL.address }, '1.2x3 0.8x10')],
    firing: [{ labels: contract(SOL), balance: '0.8', runway: 'unknown' }],
  },
  { name: 'solana-exporter: 1.2 SOL does not page', alert: 'WalletBalanceBelowCriticalFloor', group: 'wallet-sol-pusher', at: at(10), series: [series(SOLANA_EXPORTER_METRICS.balance, { ...SOLANA_TARGET, address: SOL.address }, '1.2x13')], firing: [] },
  {
    name: 'price pusher wallets read pyth_wallet_balance in native units, whatever the address case',
    alert: 'WalletBalanceBelowCriticalFloor',
    group: 'wallet-arb-pusher',
    at: at(10),
    series: [series(PRICE_PUSHER_METRICS.balance, { job: 'price-pusher', instance: '10.0.2.5:9090', wallet_address: ARB.address.toLowerCase(), network: '42161' }, '0.02x3 0.008x10')],
    firing: [{ labels: contract(ARB), balance: '0.008', runway: 'unknown' }],
  },
];
