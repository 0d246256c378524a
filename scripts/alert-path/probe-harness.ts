import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import { stringify } from 'yaml';
import type { ProbeManifest } from '../../constructs/endpoints/probes';
import { freePort, ServerProcess, temporaryDirectory, waitFor } from './local-servers';

/**
 * The Prometheus scrape job prometheus-operator generates for a Probe (static targets): Prometheus asks the
 * prober's `/probe` with `module` and `target`, `instance` is the target, the static labels are added and
 * `job` is the Probe's `jobName`. `proberAddress` replaces the in-cluster exporter address.
 */
export function probeScrapeConfig(probe: ProbeManifest, proberAddress: string): Record<string, unknown> {
  const { spec } = probe;
  return {
    job_name: `probe/${probe.metadata.namespace}/${probe.metadata.name}`,
    metrics_path: spec.prober.path,
    scheme: spec.prober.scheme,
    scrape_interval: spec.interval,
    scrape_timeout: spec.scrapeTimeout,
    params: { module: [spec.module] },
    static_configs: [{ targets: spec.targets.staticConfig.static, labels: spec.targets.staticConfig.labels }],
    relabel_configs: [
      { source_labels: ['__address__'], target_label: '__param_target' },
      { source_labels: ['__param_target'], target_label: 'instance' },
      { target_label: '__address__', replacement: proberAddress },
      { target_label: 'job', replacement: spec.jobName },
    ],
  };
}

/** The real blackbox exporter on 127.0.0.1 with the given modules; `trustedCertificates` is its only CA bundle. */
export class BlackboxExporterProcess {
  private constructor(
    private readonly server: ServerProcess,
    private readonly directory: string,
    public readonly address: string,
  ) {}

  public static async start(binary: string, modules: Record<string, unknown>, trustedCertificates: string): Promise<BlackboxExporterProcess> {
    const directory = temporaryDirectory('feedops-blackbox-');
    const config = path.join(directory, 'blackbox.yml');
    fs.writeFileSync(config, stringify({ modules }, { lineWidth: 0 }));
    const bundle = path.join(directory, 'ca.pem');
    fs.writeFileSync(bundle, trustedCertificates);
    const port = await freePort();
    // Go reads its trusted roots from SSL_CERT_FILE: the modules stay exactly as rendered (no insecure_skip_verify).
    const server = ServerProcess.start('blackbox_exporter', binary, [`--config.file=${config}`, `--web.listen-address=127.0.0.1:${port}`], {
      SSL_CERT_FILE: bundle,
      SSL_CERT_DIR: directory,
    });
    const address = `127.0.0.1:${port}`;
    try {
      await waitFor(
        async () => server.exited || (await fetch(`http://${address}/-/healthy`).then((r) => r.ok, () => false)),
        30_000,
        () => `blackbox exporter did not start:\n${server.log}`,
      );
      if (server.exited) throw new Error(`blackbox exporter exited:\n${server.log}`);
    } catch (error) {
      await server.stop();
      fs.rmSync(directory, { recursive: true, force: true });
      throw error;
    }
    return new BlackboxExporterProcess(server, directory, address);
  }

  public get log(): string {
    return this.server.log;
  }

  public async stop(): Promise<void> {
    await this.server.stop();
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}

/** A self-signed certificate for 127.0.0.1 valid for `days`, made with openssl. */
export function selfSignedCertificate(days: number): { key: string; cert: string } {
  const directory = temporaryDirectory('feedops-cert-');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', String(days), '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
        '-keyout', path.join(directory, 'key.pem'), '-out', path.join(directory, 'cert.pem')],
      { stdio: 'pipe' },
    );
    return { key: fs.readFileSync(path.join(directory, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(directory, 'cert.pem'), 'utf8') };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

export type EndpointBehaviour = { readonly kind: 'ok' } | { readonly kind: 'error'; readonly status: number } | { readonly kind: 'slow'; readonly delayMs: number };

/**
 * An HTTPS server on 127.0.0.1 whose paths answer as the test says: healthy (200, a JSON-RPC result for POSTs),
 * an error status, or slowly. Its certificate can be swapped while it runs.
 */
export class SwitchableHttpsServer {
  private constructor(
    private readonly server: https.Server,
    public readonly port: number,
    private readonly behaviours: Map<string, EndpointBehaviour>,
  ) {}

  public static async start(certificate: { key: string; cert: string }): Promise<SwitchableHttpsServer> {
    const port = await freePort();
    const behaviours = new Map<string, EndpointBehaviour>();
    const server = https.createServer(certificate, (request, response) => {
      request.resume();
      request.on('end', () => {
        const behaviour = behaviours.get(request.url ?? '/') ?? { kind: 'ok' };
        const answer = () => {
          if (behaviour.kind === 'error') {
            response.writeHead(behaviour.status, { 'Content-Type': 'text/plain' }).end('failing on purpose');
            return;
          }
          const body = request.method === 'POST' ? JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0x1b4' }) : JSON.stringify({ status: 'ok' });
          response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
        };
        if (behaviour.kind === 'slow') setTimeout(answer, behaviour.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return new SwitchableHttpsServer(server, port, behaviours);
  }

  public url(pathname: string): string {
    return `https://127.0.0.1:${this.port}${pathname}`;
  }

  public behave(pathname: string, behaviour: EndpointBehaviour): void {
    this.behaviours.set(pathname, behaviour);
  }

  /** New connections get this certificate. */
  public useCertificate(certificate: { key: string; cert: string }): void {
    this.server.setSecureContext(certificate);
  }

  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
