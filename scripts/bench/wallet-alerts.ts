import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { PROMETHEUS_EVALUATION_INTERVAL } from '../../constructs/monitoring/kube-prometheus-stack';
import { EVM_EXPORTER_CHECK_INTERVAL } from '../../constructs/wallets/evm-exporter';
import { WALLET_SCRAPE_INTERVAL } from '../../constructs/wallets/exporter-workload';
import { resolveWallets, type ResolvedWallets } from '../../constructs/wallets/resolve';
import { EVM_EXPORTER_METRICS } from '../../constructs/wallets/wallet-metrics';
import { renderWalletRules } from '../../constructs/wallets/wallet-rules';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { alertRoutingModel } from '../../stacks/alert-routing';
import { AlertPath } from '../alert-path/alert-path';
import { EvmAddressExporterSimulator } from '../alert-path/evm-address-exporter-simulator';
import { waitFor } from '../alert-path/local-servers';
import { prometheusSeconds } from '../alert-path/shorten-rules';

const ETH = 1e18;

function prodWallets(): { env: ReturnType<typeof validateEnvironments>['environments'][number]; pack: ResolvedWallets } {
  const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((e) => e.name === 'prod');
  if (!env?.wallets) throw new Error('no prod wallets to measure');
  return { env, pack: resolveWallets(env.wallets, { environment: env.name, namespace: 'monitors', runbookBaseUrl: env.alerting.runbookBaseUrl }) };
}

/**
 * Seconds from an EVM wallet's balance crossing its critical floor to the Slack page, through real Prometheus and
 * Alertmanager with prod's wallet rules and routing and the production intervals: the exporter's 15 s check
 * interval (modelled: a new balance shows at its next check), the 30 s scrape, 15 s rule evaluation, `for` and
 * the critical group_wait.
 */
export async function measureCriticalFloorLatency(binaries: { prometheus: string; alertmanager: string }): Promise<number> {
  const { env, pack } = prodWallets();
  const wallet = pack.wallets.find((w) => w.family === 'evm' && w.source === 'exporter')!;
  const network = pack.networks.find((n) => n.name === wallet.network)!;
  const receiver = env.alerting.routing.byTeam?.[wallet.team]?.critical ?? env.alerting.routing.bySeverity.critical;
  const exporter = new EvmAddressExporterSimulator(
    network.exporterWallets.map((w) => ({ name: w.name, address: w.address, wei: (Number(w.floors.warning) + 1) * ETH })),
    network.rpc.map((endpoint) => endpoint.name),
  );
  const alertPath = await AlertPath.start({
    rules: renderWalletRules(pack).rulesFile,
    routing: alertRoutingModel(env),
    scrapeInterval: WALLET_SCRAPE_INTERVAL,
    evaluationInterval: PROMETHEUS_EVALUATION_INTERVAL,
    externalLabels: { environment: env.name },
    job: network.job,
    metrics: () => exporter.render(),
    binaries,
  });
  exporter.startChecks(prometheusSeconds(EVM_EXPORTER_CHECK_INTERVAL) * 1000);
  try {
    await sleep(45_000 + Math.random() * 30_000);
    exporter.address(wallet.name).wei = (Number(wallet.floors.critical) / 2) * ETH;
    const crossedAt = Date.now();
    const paged = () =>
      alertPath.slackMessages(receiver).find((m) => {
        const attachment = m.payload.attachments?.[0];
        return (attachment?.title ?? '').includes('WalletBalanceBelowCriticalFloor') && (attachment?.text ?? '').includes(`${wallet.name} (`);
      });
    await waitFor(() => paged() !== undefined, 400_000, () => `no floor page within 400 s\n${alertPath.logs}`);
    return (paged()!.receivedAt - crossedAt) / 1000;
  } finally {
    exporter.stopChecks();
    await alertPath.stop();
  }
}

export interface SuddenDrainLead {
  readonly emptyAtMinute: number;
  readonly runwayPageAtMinute: number;
  readonly floorPageAtMinute: number;
}

/**
 * The sudden-drain trace through prod's wallet rules under `promtool test rules` (1-minute evaluations): 10 ETH
 * spent at 0.03 ETH/h for 400 minutes, then a stuck loop burns 0.04 ETH a minute and empties it at minute 645.
 * Returns when the runway page and the critical-floor page first fire.
 */
export function measureSuddenDrainLead(promtool: string): SuddenDrainLead {
  const { pack } = prodWallets();
  const wallet = pack.wallets.find((w) => w.family === 'evm' && w.source === 'exporter')!;
  const drainStart = 400;
  const emptyAt = drainStart + 9.8 / 0.04;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-wallet-bench-'));
  try {
    fs.writeFileSync(path.join(directory, 'rules.yaml'), stringify(renderWalletRules(pack).rulesFile, { lineWidth: 0 }));
    const alerts = ['WalletRunwayBelowPageObjective', 'WalletBalanceBelowCriticalFloor'];
    const minutes = Array.from({ length: emptyAt - drainStart + 10 }, (_, i) => drainStart + i);
    fs.writeFileSync(
      path.join(directory, 'tests.yaml'),
      stringify({
        rule_files: ['rules.yaml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [
              {
                series: `${EVM_EXPORTER_METRICS.balance}{job="${wallet.exporterJob}",instance="bench:9090",name="${wallet.name}",address="${wallet.address}",execution="bench"}`,
                values: `1e19-5e14x${drainStart} 9.76e18-4e16x${emptyAt - drainStart - 1} 0x20`,
              },
            ],
            // Expect silence at every minute: promtool reports each minute an alert fires.
            alert_rule_test: minutes.flatMap((minute) => alerts.map((alertname) => ({ eval_time: `${minute}m`, alertname, exp_alerts: [] }))),
          },
        ],
      }),
    );
    const result = spawnSync(promtool, ['test', 'rules', 'tests.yaml'], { cwd: directory, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const output = `${result.stdout}${result.stderr}`;
    const firstFiring = (alert: string) => {
      const times = [...output.matchAll(new RegExp(`alertname: ${alert}, time: ([0-9hms]+)`, 'g'))].map((m) => prometheusSeconds(m[1]) / 60);
      if (times.length === 0) throw new Error(`${alert} never fired on the sudden-drain trace:\n${output.slice(0, 2000)}`);
      return Math.min(...times);
    };
    return { emptyAtMinute: emptyAt, runwayPageAtMinute: firstFiring(alerts[0]), floorPageAtMinute: firstFiring(alerts[1]) };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
