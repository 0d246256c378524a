import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { alertmanagerConfigToYaml } from '../../constructs/alerting/alertmanager/alertmanager-config-yaml';
import { ALERTMANAGER_SECRETS_DIRECTORY } from '../../constructs/alerting/alertmanager/defaults';
import { renderAlertmanagerConfig } from '../../constructs/alerting/alertmanager/render-alertmanager-config';
import type { AlertRoutingModel } from '../../constructs/alerting/alertmanager/routing-model';
import { pointRoutingAtRecorder } from './local-alertmanager';
import { freePort, httpOk, MetricsServer, RecordingServer, ServerProcess, temporaryDirectory, waitFor } from './local-servers';

/**
 * The whole alert path on 127.0.0.1 with the real servers: a target serving observer metrics -> Prometheus (the
 * rendered rules) -> Alertmanager (the rendered routing) -> a local stand-in for Slack's incoming webhooks and the
 * heartbeat endpoint. Used by the end-to-end test (short intervals) and the benchmark (production intervals).
 */
export interface AlertPathOptions {
  /** The rules file exactly as promtool checks it. */
  readonly rules: unknown;
  /** The environment's routing model; webhook URLs and the heartbeat URL are pointed at the local stand-in. */
  readonly routing: AlertRoutingModel;
  /**
   * The Alertmanager configuration as synthesized (from the kube-prometheus-stack values), run as it is except
   * that its secret-file paths and heartbeat URL are pointed at the local stand-in.
   * @default - rendered from `routing`
   */
  readonly alertmanagerConfig?: Record<string, unknown>;
  readonly scrapeInterval: string;
  readonly evaluationInterval: string;
  /** Prometheus' `--rules.alert.resend-delay`: how soon a firing alert is sent again. @default '1m' (Prometheus' own) */
  readonly resendDelay?: string;
  /** Prometheus external labels (the chart sets `environment`). */
  readonly externalLabels: Readonly<Record<string, string>>;
  /** The `job` label the rules expect on the observer's target. */
  readonly job: string;
  /**
   * Prometheus text served at every scrape by the one target of `job` that AlertPath starts.
   * @default - no such target: `targetsFile` lists the job's targets
   */
  readonly metrics?: () => string;
  /**
   * A file_sd file listing targets of `job` (written by the caller, who runs them). Rewrite it while Prometheus runs
   * (write a new file and rename it over the old) to remove a target and add another, as a restarted pod does.
   * @default - none
   */
  readonly targetsFile?: string;
  /**
   * More scrape jobs, as Prometheus configuration (e.g. the blackbox exporter's probes, from probeScrapeConfig).
   * @default []
   */
  readonly extraScrapeConfigs?: readonly unknown[];
  /** Paths to the binaries (see test/support/tools.ts). */
  readonly binaries: { readonly prometheus: string; readonly alertmanager: string };
}

export interface SlackMessage {
  readonly receiver: string;
  readonly receivedAt: number;
  readonly payload: { channel?: string; attachments?: Array<{ title?: string; text?: string; color?: string }> };
}

export class AlertPath {
  private constructor(
    private readonly directory: string,
    private readonly recorder: RecordingServer,
    private readonly target: MetricsServer | undefined,
    private readonly servers: ServerProcess[],
    public readonly prometheusUrl: string,
  ) {}

  public static async start(options: AlertPathOptions): Promise<AlertPath> {
    const directory = temporaryDirectory('feedops-alert-path-');
    const started: { recorder?: RecordingServer; target?: MetricsServer; servers: ServerProcess[] } = { servers: [] };
    try {
      started.recorder = await RecordingServer.start();
      if (options.metrics) started.target = await MetricsServer.start(options.metrics);
      const recorder = started.recorder;

      // Alertmanager reads webhook URLs from files, as in the cluster; here they point at the local stand-in.
      const routing = pointRoutingAtRecorder(options.routing, directory, recorder);
      const secretsDirectory = routing.secretsDirectory;
      const alertmanagerConfig = path.join(directory, 'alertmanager.yml');
      const config = options.alertmanagerConfig
        ? pointedAtLocal(options.alertmanagerConfig, { [options.routing.secretsDirectory ?? ALERTMANAGER_SECRETS_DIRECTORY]: secretsDirectory, [options.routing.heartbeat.url]: routing.heartbeat.url })
        : renderAlertmanagerConfig(routing);
      fs.writeFileSync(alertmanagerConfig, alertmanagerConfigToYaml(config as ReturnType<typeof renderAlertmanagerConfig>));

      const alertmanagerPort = await freePort();
      const alertmanager = ServerProcess.start('alertmanager', options.binaries.alertmanager, [
        `--config.file=${alertmanagerConfig}`,
        `--storage.path=${path.join(directory, 'alertmanager-data')}`,
        `--web.listen-address=127.0.0.1:${alertmanagerPort}`,
        '--cluster.listen-address=',
      ]);
      started.servers.push(alertmanager);

      const rulesFile = path.join(directory, 'rules.yml');
      fs.writeFileSync(rulesFile, stringify(options.rules, { lineWidth: 0 }));
      const prometheusConfig = path.join(directory, 'prometheus.yml');
      fs.writeFileSync(
        prometheusConfig,
        stringify({
          global: { scrape_interval: options.scrapeInterval, evaluation_interval: options.evaluationInterval, external_labels: options.externalLabels },
          rule_files: [rulesFile],
          alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${alertmanagerPort}`] }] }] },
          scrape_configs: [
            {
              job_name: options.job,
              ...(started.target ? { static_configs: [{ targets: [`127.0.0.1:${started.target.port}`] }] } : {}),
              ...(options.targetsFile ? { file_sd_configs: [{ files: [options.targetsFile] }] } : {}),
            },
            ...(options.extraScrapeConfigs ?? []),
          ],
        }),
      );
      const prometheusPort = await freePort();
      const prometheus = ServerProcess.start('prometheus', options.binaries.prometheus, [
        `--config.file=${prometheusConfig}`,
        `--storage.tsdb.path=${path.join(directory, 'prometheus-data')}`,
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
        `--rules.alert.resend-delay=${options.resendDelay ?? '1m'}`,
      ]);
      started.servers.push(prometheus);

      const alertPath = new AlertPath(directory, recorder, started.target, started.servers, `http://127.0.0.1:${prometheusPort}`);
      for (const [server, url] of [[alertmanager, `http://127.0.0.1:${alertmanagerPort}/-/ready`], [prometheus, `${alertPath.prometheusUrl}/-/ready`]] as const) {
        await waitFor(async () => server.exited || (await httpOk(url)), 30_000, () => `${server.name} did not become ready:\n${server.log}`);
        if (server.exited) throw new Error(`${server.name} exited:\n${server.log}`);
      }
      return alertPath;
    } catch (error) {
      await Promise.allSettled([...started.servers.map((s) => s.stop()), started.recorder?.stop(), started.target?.stop()]);
      fs.rmSync(directory, { recursive: true, force: true });
      throw error;
    }
  }

  /** Slack messages received so far, per receiver (the webhook path names it). */
  public slackMessages(receiver?: string): SlackMessage[] {
    return this.recorder.requests
      .filter((request) => request.path.startsWith('/slack/'))
      .map((request) => ({ receiver: request.path.slice('/slack/'.length), receivedAt: request.receivedAt, payload: JSON.parse(request.body) }))
      .filter((message) => receiver === undefined || message.receiver === receiver);
  }

  /** Heartbeat pings received so far (Alertmanager's webhook payloads). */
  public heartbeats(): Array<{ receivedAt: number; payload: { status: string; alerts: Array<{ labels: Record<string, string> }> } }> {
    return this.recorder.requests
      .filter((request) => request.path === '/heartbeat')
      .map((request) => ({ receivedAt: request.receivedAt, payload: JSON.parse(request.body) }));
  }

  /** Server logs, for failure messages. */
  public get logs(): string {
    return this.servers.map((server) => `--- ${server.name}\n${server.log}`).join('\n');
  }

  public async stop(): Promise<void> {
    await Promise.allSettled([...this.servers.map((server) => server.stop()), this.recorder.stop(), this.target?.stop()]);
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}

/** A deep copy of `value` with every string that starts with a key of `replacements` starting with its value instead. */
function pointedAtLocal(value: unknown, replacements: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    const from = Object.keys(replacements).find((prefix) => prefix !== '' && value.startsWith(prefix));
    return from === undefined ? value : replacements[from] + value.slice(from.length);
  }
  if (Array.isArray(value)) return value.map((item) => pointedAtLocal(item, replacements));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pointedAtLocal(item, replacements)]));
  }
  return value;
}
