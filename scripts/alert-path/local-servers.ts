import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

/** A port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ReceivedRequest {
  readonly path: string;
  readonly body: string;
  readonly receivedAt: number;
}

/** An HTTP server on 127.0.0.1 that records every POST and answers like Slack ("ok"). */
export class RecordingServer {
  private constructor(
    private readonly server: http.Server,
    public readonly port: number,
    public readonly requests: ReceivedRequest[],
  ) {}

  public static async start(): Promise<RecordingServer> {
    const port = await freePort();
    const requests: ReceivedRequest[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        requests.push({ path: request.url ?? '/', body, receivedAt: Date.now() });
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return new RecordingServer(server, port, requests);
  }

  public url(pathname: string): string {
    return `http://127.0.0.1:${this.port}${pathname}`;
  }

  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** An HTTP server on 127.0.0.1 serving Prometheus text from a function, called at every scrape. */
export class MetricsServer {
  private constructor(private readonly server: http.Server, public readonly port: number) {}

  /** `port`: listen there again (a process restarted in the same pod keeps its address). @default - a free port */
  public static async start(render: () => string, port?: number): Promise<MetricsServer> {
    port ??= await freePort();
    const server = http.createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      response.end(render());
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return new MetricsServer(server, port);
  }

  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** A server process (prometheus, alertmanager) whose output is kept for error messages and that is always stopped. */
export class ServerProcess {
  private output = '';
  private constructor(private readonly child: ChildProcess, public readonly name: string) {
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    child.once('exit', () => running.delete(child));
  }

  /** `env` adds variables to this process' environment (e.g. a CA bundle). */
  public static start(name: string, binary: string, args: readonly string[], env?: Readonly<Record<string, string>>): ServerProcess {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ? { ...process.env, ...env } : process.env });
    running.add(child);
    return new ServerProcess(child, name);
  }

  public get log(): string {
    return this.output.slice(-4000);
  }

  public get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  public async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/** Waits until `ready()` resolves true, polling; fails with `describe()` after `timeoutMs`. */
export async function waitFor(ready: () => Promise<boolean> | boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
}

export async function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(1000, () => request.destroy());
  });
}

export function temporaryDirectory(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
