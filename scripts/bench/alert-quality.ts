import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ALERTMANAGER_SECRETS_DIRECTORY } from '../../constructs/alerting/alertmanager/defaults';
import type { AlertRoutingModel } from '../../constructs/alerting/alertmanager/routing-model';
import { PRICE_FEED_ALERTS } from '../../constructs/price-feeds/rules/alert-names';
import { OBSERVER_NAME } from '../../constructs/price-feeds/observer/observer-manifests';
import type { EnvironmentConfig } from '../../environments/schema';
import { alertRoutingModel } from '../../stacks/alert-routing';
import { AlertPath, type SlackMessage } from '../alert-path/alert-path';
import { LoopingObserver } from '../alert-path/looping-observer';
import { ObserverSimulator } from '../alert-path/observer-simulator';
import type { StaleFeedAlerting } from '../alert-path/synthesized-alerting';
import { scoreTrace, type Notifications, type TraceScore } from './alert-quality-scoring';
import { feedTraces, TAIL_SECONDS, TRACE_SECONDS, type FeedTrace, type TraceStep } from './feed-traces';
import { designReceiver, designRuleGroups, designScrapeConfigs, SHIPPED_DESIGN, withDesignRoutes, type StaleRuleDesign } from './stale-rule-designs';

/** Seconds between Prometheus being ready and the traces starting: a few scrapes and observer loops, and Alertmanager found. */
const WARM_UP_SECONDS = 40;
const STALE_ALERT = PRICE_FEED_ALERTS.priceFeedStale;

/** One run of every trace, each on its own crypto feed, scored for the shipped rule and every design. */
export interface AlertQualityRun {
  readonly symbols: Readonly<Record<string, string>>;
  /** trace name -> design name -> score */
  readonly scores: Readonly<Record<string, Readonly<Record<string, TraceScore>>>>;
  /** Pages of other alerts on the critical receivers (alertname, symbol, seconds into the traces): none should come from the restarts. */
  readonly otherPages: readonly string[];
}

/**
 * Replays the traces through real Prometheus and Alertmanager run with what the synthesized stacks of
 * `alerting.environment` deploy (every rule, the scrape and evaluation intervals, the Alertmanager configuration),
 * plus one copy of the stale rule per design. About WARM_UP + TRACE + TAIL seconds (~12 minutes), mostly waiting.
 */
export async function replayAlertQuality(
  alerting: StaleFeedAlerting,
  env: EnvironmentConfig,
  designs: readonly StaleRuleDesign[],
  binaries: { prometheus: string; alertmanager: string },
): Promise<AlertQualityRun> {
  const traces = feedTraces();
  const crypto = Object.keys(env.priceFeeds.feeds).filter((symbol) => symbol.startsWith('Crypto.'));
  if (crypto.length < traces.length) throw new Error(`${env.name} has ${crypto.length} crypto feeds; the alert-quality traces need ${traces.length}`);
  const symbolOf = new Map(traces.map((trace, index) => [trace, crypto[index]]));
  const ownObserverSymbols = traces.filter((trace) => trace.ownObserver).map((trace) => symbolOf.get(trace)!);
  const main = new LoopingObserver(new ObserverSimulator(Object.keys(env.priceFeeds.feeds).filter((symbol) => !ownObserverSymbols.includes(symbol))));
  const restarting = new LoopingObserver(new ObserverSimulator(ownObserverSymbols));
  const observerOf = (trace: FeedTrace) => (trace.ownObserver ? restarting : main);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-alert-quality-'));
  const targetsFile = path.join(work, 'observer-targets.json');
  const writeTargets = () => {
    const targets = [main, restarting].filter((observer) => observer.running).map((observer) => observer.target);
    fs.writeFileSync(`${targetsFile}.next`, JSON.stringify([{ targets }]));
    fs.renameSync(`${targetsFile}.next`, targetsFile);
  };
  await main.start(undefined, true);
  await restarting.start(undefined, true);
  writeTargets();

  const baseRouting = alertRoutingModel(env);
  const routing: AlertRoutingModel = {
    ...baseRouting,
    slackReceivers: { ...baseRouting.slackReceivers, ...Object.fromEntries(designs.map((design) => [designReceiver(design), { channel: '#alert-quality' }])) },
  };
  const job = OBSERVER_NAME;
  let alertPath: AlertPath | undefined;
  try {
    alertPath = await AlertPath.start({
      rules: { groups: [...alerting.rulesFile.groups, ...designRuleGroups(designs, alerting, job)] },
      routing,
      alertmanagerConfig: withDesignRoutes(alerting.alertmanagerConfig, designs, alerting, routing.secretsDirectory ?? ALERTMANAGER_SECRETS_DIRECTORY),
      scrapeInterval: alerting.scrapeInterval,
      evaluationInterval: alerting.evaluationInterval,
      externalLabels: { environment: env.name },
      job,
      targetsFile,
      extraScrapeConfigs: designScrapeConfigs(designs, alerting, job, targetsFile),
      binaries,
    });
    await sleep(WARM_UP_SECONDS * 1000);
    const startedAt = Date.now();
    const stepTimes = new Map<FeedTrace, number[]>(traces.map((trace) => [trace, []]));
    const act = async (trace: FeedTrace, step: TraceStep) => {
      const observer = observerOf(trace);
      const symbol = symbolOf.get(trace)!;
      stepTimes.get(trace)!.push(Date.now());
      switch (step.action.kind) {
        case 'stop':
          observer.simulator.stopFeed(symbol);
          return;
        case 'resume':
          observer.simulator.resumeFeed(symbol);
          return;
        case 'crash': {
          const port = await observer.stop();
          await sleep(step.action.downSeconds * 1000);
          await observer.start(port);
          return;
        }
        case 'replace':
          await observer.stop();
          writeTargets();
          await sleep(step.action.gapSeconds * 1000);
          await observer.start();
          writeTargets();
          return;
      }
    };
    // Each trace runs its steps in order, on time; the traces run side by side.
    await Promise.all(
      traces.map(async (trace) => {
        for (const step of trace.steps) {
          await sleep(Math.max(0, startedAt + step.at * 1000 - Date.now()));
          await act(trace, step);
        }
      }),
    );
    await sleep(Math.max(0, startedAt + (TRACE_SECONDS + TAIL_SECONDS) * 1000 - Date.now()));
    const endOfRun = Date.now();

    const messages = alertPath.slackMessages();
    const designNames = [SHIPPED_DESIGN, ...designs.map((design) => design.name)];
    const receiverOf = (design: string) => (design === SHIPPED_DESIGN ? alerting.receiver : designReceiver(designs.find((d) => d.name === design)!));
    const scores = Object.fromEntries(
      traces.map((trace) => [
        trace.name,
        Object.fromEntries(
          designNames.map((design) => [
            design,
            scoreTrace(trace, stepTimes.get(trace)!, notificationsOf(messages, receiverOf(design), symbolOf.get(trace)!), endOfRun),
          ]),
        ),
      ]),
    );
    const critical = criticalReceivers(env);
    const otherPages = messages
      .filter((message) => critical.has(message.receiver) && parse(message).status === 'firing' && parse(message).alertname !== STALE_ALERT)
      .map((message) => {
        const symbol = [...symbolOf.values()].find((s) => parse(message).text.includes(`, ${s})`)) ?? 'no symbol';
        return `${parse(message).alertname} ${symbol} at ${((message.receivedAt - startedAt) / 1000).toFixed(0)} s`;
      });
    return { symbols: Object.fromEntries(traces.map((trace) => [trace.name, symbolOf.get(trace)!])), scores, otherPages };
  } finally {
    await Promise.allSettled([alertPath?.stop(), main.running ? main.stop() : undefined, restarting.running ? restarting.stop() : undefined]);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function parse(message: SlackMessage): { status: 'firing' | 'resolved' | 'other'; alertname: string; text: string } {
  const attachment = message.payload.attachments?.[0];
  const title = attachment?.title ?? '';
  const status = title.startsWith('[FIRING') ? 'firing' : title.startsWith('[RESOLVED') ? 'resolved' : 'other';
  const alertname = /\] \S+ (\S+) in /.exec(title)?.[1] ?? '';
  return { status, alertname, text: attachment?.text ?? '' };
}

/** The stale pages one receiver got for one feed (its group_by has `symbol`: one feed per message). */
function notificationsOf(messages: readonly SlackMessage[], receiver: string, symbol: string): Notifications {
  const mine = messages.filter((message) => message.receiver === receiver && parse(message).alertname === STALE_ALERT && parse(message).text.includes(`, ${symbol})`));
  return {
    firing: mine.filter((message) => parse(message).status === 'firing').map((message) => message.receivedAt),
    resolved: mine.filter((message) => parse(message).status === 'resolved').map((message) => message.receivedAt),
  };
}

function criticalReceivers(env: EnvironmentConfig): Set<string> {
  const { routing } = env.alerting;
  return new Set([routing.bySeverity.critical, ...Object.values(routing.byTeam ?? {}).map((team) => team.critical)].filter((name): name is string => !!name));
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
