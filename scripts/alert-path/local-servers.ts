import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

/**
 * A port on 127.0.0.1 for a server process (Prometheus, Alertmanager, the blackbox exporter) to listen on: free now,
 * never handed out before by this process, and below the kernel's ephemeral range. A port from listen(0) is an
 * ephemeral one, which the kernel may give to an outgoing connection (a scrape, a readiness poll) between its close
 * here and the server's bind; the server then exits with "address already in use". Each jest worker draws from a
 * slice of its own, from a random point in it, so two workers do not race for the same port either.
 */
export async function freePort(): Promise<number> {
  return freePortIn(portSlice(process.env.JEST_WORKER_ID));
}

/** A free port of `slice` not handed out before, from a random point in it; fails naming the slice when none is left. */
export async function freePortIn({ first, size }: PortSlice): Promise<number> {
  const start = Math.floor(Math.random() * size);
  for (let step = 0; step < size; step++) {
    const port = first + ((start + step) % size);
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port on 127.0.0.1 in ${first}-${first + size - 1}`);
}

const handedOut = new Set<number>();
/** Ports below this are left to services; the slices lie between it and the ephemeral range. */
const LOWEST_TEST_PORT = 10_000;
const PORT_SLICE_SIZE = 1_000;

export interface PortSlice {
  readonly first: number;
  readonly size: number;
}

/** A jest worker's ports (`JEST_WORKER_ID`; the first slice for a process outside jest). */
export function portSlice(jestWorkerId: string | undefined): PortSlice {
  const slices = Math.max(1, Math.floor((ephemeralPortsStart() - LOWEST_TEST_PORT) / PORT_SLICE_SIZE));
  const worker = Number(jestWorkerId ?? 0);
  return { first: LOWEST_TEST_PORT + ((Number.isInteger(worker) ? worker : 0) % slices) * PORT_SLICE_SIZE, size: PORT_SLICE_SIZE };
}

/** Where the kernel's ephemeral ports begin (Linux: ip_local_port_range; 32768 by default, and where it cannot be read). */
export function ephemeralPortsStart(): number {
  try {
    const start = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > LOWEST_TEST_PORT + PORT_SLICE_SIZE ? start : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Listens on a port the kernel picks while binding (no moment in which another socket could take it); returns it. For a server never restarted. */
async function listenOnAnyPort(server: http.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return (server.address() as net.AddressInfo).port;
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
    return new RecordingServer(server, await listenOnAnyPort(server), requests);
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
    const server = http.createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      response.end(render());
    });
    // A port of freePort's, not the kernel's pick: an ephemeral one could be taken while a restart has it closed.
    const listenOn = port ?? (await freePort());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listenOn, '127.0.0.1', resolve);
    });
    return new MetricsServer(server, listenOn);
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
