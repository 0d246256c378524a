import * as fs from 'fs';
import * as path from 'path';
import { alertmanagerConfigToYaml } from '../../../constructs/alerting/alertmanager/alertmanager-config-yaml';
import { renderAlertmanagerConfig } from '../../../constructs/alerting/alertmanager/render-alertmanager-config';
import { delivery, ENVIRONMENTS } from '../../../environments';
import { validateEnvironments } from '../../../environments/validate';
import { freePort, ServerProcess, temporaryDirectory, waitFor, httpOk } from '../../../scripts/alert-path/local-servers';
import { alertRoutingModel } from '../../../stacks/alert-routing';
import { toolPath } from '../../support/tools';

/*
 * Inhibition on a real Alertmanager (127.0.0.1) with prod's rendered configuration: alerts are posted to its API
 * and their state read back. A critical alert hides only the lower-severity alerts of the same name about the same
 * object, and a cause hides the symptoms it explains.
 */
const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((candidate) => candidate.name === 'prod')!;
let alertmanager: ServerProcess;
let url: string;

beforeAll(async () => {
  const directory = temporaryDirectory('feedops-inhibition-');
  const configFile = path.join(directory, 'alertmanager.yml');
  fs.writeFileSync(configFile, alertmanagerConfigToYaml(renderAlertmanagerConfig(alertRoutingModel(env))));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  alertmanager = ServerProcess.start('alertmanager', toolPath('alertmanager'), [
    `--config.file=${configFile}`,
    `--storage.path=${path.join(directory, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
  ]);
  await waitFor(() => httpOk(`${url}/-/ready`), 30_000, () => `alertmanager did not start\n${alertmanager.log}`);
}, 40_000);

afterAll(async () => {
  await alertmanager?.stop();
});

type Labels = Record<string, string>;
const feeds = (labels: Labels): Labels => ({ environment: 'prod', team: 'feeds', ...labels });
const platform = (labels: Labels): Labels => ({ environment: 'prod', team: 'platform', ...labels });

let sentinelCount = 0;

/** Posts alerts to Alertmanager's API. */
async function post(alerts: Labels[], startsAt: string): Promise<void> {
  const response = await fetch(`${url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alerts.map((labels) => ({ labels, startsAt, annotations: { summary: 'test' } }))),
  });
  expect(response.status).toBe(200);
}

/**
 * Posts the alerts, then reads back which of them Alertmanager suppresses by inhibition. The inhibitor learns of new
 * alerts on its own goroutine, in the order they were stored, while the API reads inhibition at request time; so a read
 * can come before a source alert reached it (seen under load). A fresh sentinel pair, posted after the alerts, whose
 * warning is inhibited by its critical marks the point where the inhibitor has seen every alert before it.
 */
async function suppressed(alerts: Labels[]): Promise<Record<string, boolean>> {
  const startsAt = new Date().toISOString();
  await post(alerts, startsAt);
  const sentinelInstance = `inhibition-sentinel-${(sentinelCount += 1)}:9100`;
  const sentinel = (severity: string) =>
    platform({ alertname: 'NodeFilesystemSpaceFillingUp', severity, instance: sentinelInstance, mountpoint: '/' });
  await post([sentinel('critical'), sentinel('warning')], startsAt);
  const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort());
  let states: Record<string, boolean> = {};
  await waitFor(
    async () => {
      const current = (await (await fetch(`${url}/api/v2/alerts`)).json()) as Array<{ labels: Labels; status: { inhibitedBy: string[] } }>;
      states = Object.fromEntries(current.map((alert) => [keyOf(alert.labels), alert.status.inhibitedBy.length > 0]));
      return alerts.every((labels) => keyOf(labels) in states) && states[keyOf(sentinel('warning'))] === true;
    },
    10_000,
    () => `alerts not all received, or the sentinel warning never inhibited\n${alertmanager.log}`,
  );
  const name = (labels: Labels) => [labels.alertname, labels.severity, labels.instance ?? labels.symbol ?? labels.namespace].filter(Boolean).join(' ');
  return Object.fromEntries(alerts.map((labels) => [name(labels), states[keyOf(labels)]]));
}

test('a critical filesystem alert hides the warning of the same node and mountpoint only', async () => {
  const states = await suppressed([
    platform({ alertname: 'NodeFilesystemSpaceFillingUp', severity: 'critical', instance: 'node-a:9100', mountpoint: '/' }),
    platform({ alertname: 'NodeFilesystemSpaceFillingUp', severity: 'warning', instance: 'node-a:9100', mountpoint: '/' }),
    platform({ alertname: 'NodeFilesystemSpaceFillingUp', severity: 'warning', instance: 'node-b:9100', mountpoint: '/' }),
  ]);
  expect(states).toEqual({
    'NodeFilesystemSpaceFillingUp critical node-a:9100': false,
    'NodeFilesystemSpaceFillingUp warning node-a:9100': true,
    'NodeFilesystemSpaceFillingUp warning node-b:9100': false,
  });
}, 30_000);

test('a critical PVC alert in one namespace does not hide another namespace\'s warning', async () => {
  const states = await suppressed([
    platform({ alertname: 'KubePersistentVolumeFillingUp', severity: 'critical', namespace: 'payments', persistentvolumeclaim: 'data' }),
    platform({ alertname: 'KubePersistentVolumeFillingUp', severity: 'warning', namespace: 'ledger', persistentvolumeclaim: 'data' }),
  ]);
  expect(states).toEqual({ 'KubePersistentVolumeFillingUp critical payments': false, 'KubePersistentVolumeFillingUp warning ledger': false });
}, 30_000);

test('a stale feed hides its own deviation warning, not another feed\'s', async () => {
  const states = await suppressed([
    feeds({ alertname: 'PythPriceFeedStale', severity: 'critical', symbol: 'Crypto.SOL/USD', asset_type: 'Crypto' }),
    feeds({ alertname: 'PythPriceDeviationFromCoinGeckoHigh', severity: 'warning', symbol: 'Crypto.SOL/USD', asset_type: 'Crypto' }),
    feeds({ alertname: 'PythPriceDeviationFromCoinGeckoHigh', severity: 'warning', symbol: 'Crypto.ETH/USD', asset_type: 'Crypto' }),
  ]);
  expect(states).toEqual({
    'PythPriceFeedStale critical Crypto.SOL/USD': false,
    'PythPriceDeviationFromCoinGeckoHigh warning Crypto.SOL/USD': true,
    'PythPriceDeviationFromCoinGeckoHigh warning Crypto.ETH/USD': false,
  });
}, 30_000);

test('a feed whose series the observer stopped updating hides its own CoinGecko staleness, not another feed\'s', async () => {
  const states = await suppressed([
    feeds({ alertname: 'PythPriceFeedMetricsFrozen', severity: 'critical', symbol: 'Crypto.BTC/USD', asset_type: 'Crypto' }),
    feeds({ alertname: 'CoinGeckoPriceStale', severity: 'warning', symbol: 'Crypto.BTC/USD', asset_type: 'Crypto' }),
    feeds({ alertname: 'CoinGeckoPriceStale', severity: 'warning', symbol: 'Crypto.ETH/USD', asset_type: 'Crypto' }),
  ]);
  expect(states).toEqual({
    'PythPriceFeedMetricsFrozen critical Crypto.BTC/USD': false,
    'CoinGeckoPriceStale warning Crypto.BTC/USD': true,
    'CoinGeckoPriceStale warning Crypto.ETH/USD': false,
  });
}, 30_000);

test('a feed that stopped trading hides its own quorum warning, not another feed\'s', async () => {
  const states = await suppressed([
    feeds({ alertname: 'PythPriceFeedNotTrading', severity: 'critical', symbol: 'FX.EUR/USD', asset_type: 'FX' }),
    feeds({ alertname: 'PythPriceFeedQuorumIntermittent', severity: 'warning', symbol: 'FX.EUR/USD', asset_type: 'FX' }),
    feeds({ alertname: 'PythPriceFeedQuorumIntermittent', severity: 'warning', symbol: 'FX.USD/JPY', asset_type: 'FX' }),
  ]);
  expect(states).toEqual({
    'PythPriceFeedNotTrading critical FX.EUR/USD': false,
    'PythPriceFeedQuorumIntermittent warning FX.EUR/USD': true,
    'PythPriceFeedQuorumIntermittent warning FX.USD/JPY': false,
  });
}, 30_000);

test('an observer that reports no feed hides the per-feed absent alerts and CoinGecko checks', async () => {
  const states = await suppressed([
    feeds({ alertname: 'PythObserverReportsNoFeeds', severity: 'critical', job: 'pyth-observer' }),
    feeds({ alertname: 'PythPriceFeedMetricAbsent', severity: 'warning', job: 'pyth-observer', symbol: 'Crypto.BTC/USD', asset_type: 'Crypto' }),
    feeds({ alertname: 'CoinGeckoPriceMissing', severity: 'warning', job: 'pyth-observer', symbol: 'Crypto.USDC/USD', asset_type: 'Crypto' }),
  ]);
  expect(states).toEqual({
    'PythObserverReportsNoFeeds critical': false,
    'PythPriceFeedMetricAbsent warning Crypto.BTC/USD': true,
    'CoinGeckoPriceMissing warning Crypto.USDC/USD': true,
  });
}, 30_000);

test('a stalled observer hides CoinGecko staleness (its CoinGecko values are frozen too)', async () => {
  const states = await suppressed([
    feeds({ alertname: 'PythObserverStalled', severity: 'critical', job: 'pyth-observer', instance: '10.0.1.23:9001' }),
    feeds({ alertname: 'CoinGeckoPriceStale', severity: 'warning', symbol: 'Crypto.ETH/USD', asset_type: 'Crypto' }),
  ]);
  expect(states).toEqual({ 'PythObserverStalled critical 10.0.1.23:9001': false, 'CoinGeckoPriceStale warning Crypto.ETH/USD': true });
}, 30_000);
