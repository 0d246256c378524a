import * as fs from 'fs';
import * as path from 'path';
import { alertmanagerConfigToYaml } from '../../constructs/alerting/alertmanager/alertmanager-config-yaml';
import type { AlertmanagerConfig } from '../../constructs/alerting/alertmanager/alertmanager-config';
import { renderAlertmanagerConfig } from '../../constructs/alerting/alertmanager/render-alertmanager-config';
import type { AlertRoutingModel } from '../../constructs/alerting/alertmanager/routing-model';
import { alertmanagerSecretReferences, secretFilePath } from '../../constructs/alerting/alertmanager/secret-files';
import { freePort, httpOk, RecordingServer, ServerProcess, temporaryDirectory, waitFor } from './local-servers';

/**
 * The routing model pointed at a local stand-in: every receiver's secret file is written under `directory` (Slack
 * webhooks -> `/slack/<receiver>` of the recorder, credentials -> a test value), and the heartbeat URL -> `/heartbeat`.
 */
export function pointRoutingAtRecorder(
  routing: AlertRoutingModel,
  directory: string,
  recorder: RecordingServer,
): AlertRoutingModel & { readonly secretsDirectory: string } {
  const secretsDirectory = path.join(directory, 'secrets');
  const local = { ...routing, secretsDirectory, heartbeat: { ...routing.heartbeat, url: recorder.url('/heartbeat') } };
  for (const reference of alertmanagerSecretReferences(local)) {
    const file = secretFilePath(reference, secretsDirectory);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, reference.key === 'credentials' ? 'test-credential' : recorder.url(`/slack/${reference.key}`));
  }
  return local;
}

/** An alert as Prometheus posts it to `/api/v2/alerts`. */
export interface PostedAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly startsAt: string;
  /** Firing: a time ahead (Prometheus: 4 x its resend delay); resolved: when it resolved. */
  readonly endsAt: string;
}

export interface RecordedSlackMessage {
  readonly receiver: string;
  readonly receivedAt: number;
  readonly title: string;
  readonly text: string;
}

/**
 * A real Alertmanager on 127.0.0.1 running the configuration rendered from a routing model, its Slack receivers and
 * heartbeat pointed at a local recorder. Alerts are posted to its API as Prometheus posts them.
 */
export class LocalAlertmanager {
  private constructor(
    private readonly directory: string,
    private readonly recorder: RecordingServer,
    private readonly server: ServerProcess,
    public readonly url: string,
    /** The rendered configuration it runs. */
    public readonly config: AlertmanagerConfig,
    /** Where that configuration is written (for amtool). */
    public readonly configFile: string,
  ) {}

  /** `env` adds variables to Alertmanager's environment (ZONEINFO for a test's own time zones). */
  public static async start(routing: AlertRoutingModel, binary: string, env?: Readonly<Record<string, string>>): Promise<LocalAlertmanager> {
    const directory = temporaryDirectory('feedops-alertmanager-');
    const recorder = await RecordingServer.start();
    let server: ServerProcess | undefined;
    try {
      const config = renderAlertmanagerConfig(pointRoutingAtRecorder(routing, directory, recorder));
      const configFile = path.join(directory, 'alertmanager.yml');
      fs.writeFileSync(configFile, alertmanagerConfigToYaml(config));
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      server = ServerProcess.start('alertmanager', binary, [
        `--config.file=${configFile}`,
        `--storage.path=${path.join(directory, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
      ], env);
      const started = server;
      await waitFor(async () => started.exited || (await httpOk(`${url}/-/ready`)), 30_000, () => `alertmanager did not become ready:\n${started.log}`);
      if (started.exited) throw new Error(`alertmanager exited:\n${started.log}`);
      return new LocalAlertmanager(directory, recorder, started, url, config, configFile);
    } catch (error) {
      await Promise.allSettled([server?.stop(), recorder.stop()]);
      fs.rmSync(directory, { recursive: true, force: true });
      throw error;
    }
  }

  public async post(alerts: readonly PostedAlert[]): Promise<void> {
    const response = await fetch(`${this.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    if (response.status !== 200) throw new Error(`alertmanager refused the alerts: ${response.status} ${await response.text()}\n${this.log}`);
  }

  /** The alerts Alertmanager holds, with their state ("active", "suppressed"; resolved ones are not listed). */
  public async alerts(): Promise<Array<{ labels: Record<string, string>; status: { state: string } }>> {
    const response = await fetch(`${this.url}/api/v2/alerts`);
    if (response.status !== 200) throw new Error(`alertmanager did not list its alerts: ${response.status}\n${this.log}`);
    return (await response.json()) as Array<{ labels: Record<string, string>; status: { state: string } }>;
  }

  /** Slack messages received so far, per receiver (the webhook path names it), with the first attachment's title and text. */
  public slackMessages(receiver?: string): RecordedSlackMessage[] {
    return this.recorder.requests
      .filter((request) => request.path.startsWith('/slack/'))
      .map((request) => {
        const attachment = (JSON.parse(request.body) as { attachments?: Array<{ title?: string; text?: string }> }).attachments?.[0];
        return { receiver: request.path.slice('/slack/'.length), receivedAt: request.receivedAt, title: attachment?.title ?? '', text: attachment?.text ?? '' };
      })
      .filter((message) => receiver === undefined || message.receiver === receiver);
  }

  public get log(): string {
    return this.server.log;
  }

  public async stop(): Promise<void> {
    await Promise.allSettled([this.server.stop(), this.recorder.stop()]);
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}
