// The wallet alert path end to end on 127.0.0.1: a simulated ethpandaops exporter (raw wei) -> Prometheus with the
// wallet rules rendered for prod -> Alertmanager with prod's routing -> the Slack stand-in. Scrape and evaluation
// intervals, `for`s and the spend window are shortened; expressions, labels and annotations are as rendered.
import { Duration } from '../../constructs/core/duration';
import { resolveWallets } from '../../constructs/wallets/resolve';
import { renderWalletRules } from '../../constructs/wallets/wallet-rules';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { AlertPath, SlackMessage } from '../../scripts/alert-path/alert-path';
import { EvmAddressExporterSimulator } from '../../scripts/alert-path/evm-address-exporter-simulator';
import { waitFor } from '../../scripts/alert-path/local-servers';
import { withShortPendingDurations } from '../../scripts/alert-path/shorten-rules';
import { alertRoutingModel } from '../../stacks/alert-routing';
import { toolPath } from '../support/tools';

const env = validateEnvironments(ENVIRONMENTS, delivery).environments.find((e) => e.name === 'prod')!;
const WALLET = 'ethereum-pusher';
const config = env.wallets!;
const walletConfig = config.wallets[WALLET];
const TEAM_CRITICAL = env.alerting.routing.byTeam![walletConfig.team]!.critical!;
const pack = resolveWallets(config, {
  environment: env.name,
  namespace: 'monitors',
  runbookBaseUrl: env.alerting.runbookBaseUrl,
  // An hour of history and a 6h window cannot be waited for here: 10 s of spend at 1 s steps, from 3 s of history.
  spend: { window: Duration.seconds(10), resolution: Duration.seconds(1), minimumHistory: Duration.seconds(3) },
});
const network = pack.networks.find((n) => n.name === walletConfig.network)!;
const ETH = 1e18;
const exporter = new EvmAddressExporterSimulator(
  network.exporterWallets.map((wallet) => ({ name: wallet.name, address: wallet.address, wei: 2 * ETH })),
  network.rpc.map((endpoint) => endpoint.name),
);
const fast = { groupWait: Duration.seconds(1), groupInterval: Duration.seconds(1) };
let alertPath: AlertPath;

beforeAll(async () => {
  alertPath = await AlertPath.start({
    rules: withShortPendingDurations(renderWalletRules(pack).rulesFile, 3),
    routing: { ...alertRoutingModel(env), timing: { critical: fast, warning: fast, info: fast } },
    scrapeInterval: '1s',
    evaluationInterval: '1s',
    resendDelay: '2s',
    externalLabels: { environment: env.name },
    job: network.job,
    metrics: () => exporter.render(),
    binaries: { prometheus: toolPath('prometheus'), alertmanager: toolPath('alertmanager') },
  });
}, 60_000);

afterAll(async () => {
  await alertPath?.stop();
});

const messages = (alert: string, status: 'FIRING' | 'RESOLVED'): SlackMessage[] =>
  alertPath.slackMessages(TEAM_CRITICAL).filter((m) => {
    const attachment = m.payload.attachments?.[0];
    return (attachment?.title ?? '').includes(alert) && (attachment?.title ?? '').startsWith(`[${status}`) && (attachment?.text ?? '').includes(`${WALLET} (`);
  });

test('a draining wallet pages its team for runway, then for the floor, with its details and runbook; a refill resolves both', async () => {
  const wallet = exporter.address(WALLET);
  // A stuck loop: 0.075 ETH a second from 2 ETH, so the runway is seconds while the balance is still above the
  // floors; it crosses the 0.5 ETH critical floor 20 s in, well after the runway page (3 s of history + `for`).
  wallet.drainWeiPerSecond = 0.075 * ETH;
  await waitFor(() => messages('WalletRunwayBelowPageObjective', 'FIRING').length > 0, 90_000, () => `no runway page\n${alertPath.logs}`);
  const runwayPage = messages('WalletRunwayBelowPageObjective', 'FIRING')[0];
  expect(messages('WalletBalanceBelowCriticalFloor', 'FIRING')).toEqual([]);
  await waitFor(() => messages('WalletBalanceBelowCriticalFloor', 'FIRING').length > 0, 90_000, () => `no floor page\n${alertPath.logs}`);
  const floorPage = messages('WalletBalanceBelowCriticalFloor', 'FIRING')[0];
  expect(floorPage.receivedAt).toBeGreaterThan(runwayPage.receivedAt);

  for (const [alert, page] of [['WalletRunwayBelowPageObjective', runwayPage], ['WalletBalanceBelowCriticalFloor', floorPage]] as const) {
    const attachment = page.payload.attachments![0];
    expect(page.payload.channel).toBe(env.alerting.slackReceivers[TEAM_CRITICAL].channel);
    expect(attachment.color).toBe('danger');
    expect(attachment.text).toContain(`address ${walletConfig.address}`);
    expect(attachment.text).toContain(`on ${walletConfig.network} (evm chain 1)`);
    expect(attachment.text).toMatch(/Balance \d+(\.\d+)? ETH, runway \d+\.\d h\./);
    expect(attachment.text).toContain(`<${env.alerting.runbookBaseUrl}/${alert}.md|runbook>`);
  }

  wallet.drainWeiPerSecond = 0;
  wallet.wei = 100 * ETH;
  await waitFor(() => messages('WalletBalanceBelowCriticalFloor', 'RESOLVED').length > 0, 60_000, () => `floor page not resolved\n${alertPath.logs}`);
  // The drain leaves the 10 s spend window, so the runway goes away rather than resetting to nonsense.
  await waitFor(() => messages('WalletRunwayBelowPageObjective', 'RESOLVED').length > 0, 120_000, () => `runway page not resolved\n${alertPath.logs}`);
}, 300_000);
