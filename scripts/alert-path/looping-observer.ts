import { OBSERVER_LOOP } from '../../constructs/price-feeds/observer/observer-loop';
import { OBSERVER_METRIC_FAMILIES } from '../../constructs/price-feeds/observer/observer-metrics';
import { MetricsServer } from './local-servers';
import { ObserverSimulator } from './observer-simulator';

/** The loop's timings, in seconds. @default - OBSERVER_LOOP (constructs/price-feeds/observer/observer-loop.ts) */
export interface ObserverLoopTiming {
  readonly sleepSeconds?: number;
  /** Drawn uniformly from [min, max] each loop. */
  readonly workSeconds?: readonly [number, number];
  /** From process start to the first snapshot, drawn uniformly. */
  readonly firstLoopSeconds?: readonly [number, number];
}

/**
 * One pyth-observer process behind one scrape target on 127.0.0.1: the simulator's feed state, published once per
 * loop as the real observer does (OBSERVER_LOOP). `stop()` then `start(samePort)` is a restart in place (same
 * address, so the same `instance` label, every series starting again); `start()` with no port is a pod replaced by
 * one with a new address.
 */
export class LoopingObserver {
  private server: MetricsServer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private published = '';
  private readonly sleepSeconds: number;
  private readonly workSeconds: readonly [number, number];
  private readonly firstLoopSeconds: readonly [number, number];

  constructor(
    public readonly simulator: ObserverSimulator,
    timing: ObserverLoopTiming = {},
  ) {
    const { sleep, work, firstLoop } = OBSERVER_LOOP;
    this.sleepSeconds = timing.sleepSeconds ?? sleep.toSeconds();
    this.workSeconds = timing.workSeconds ?? [work.atLeast.toSeconds(), work.atMost.toSeconds()];
    this.firstLoopSeconds = timing.firstLoopSeconds ?? [firstLoop.atLeast.toSeconds(), firstLoop.atMost.toSeconds()];
  }

  /** `host:port` of the running process (the `instance` label Prometheus gives its series). */
  public get target(): string {
    if (!this.server) throw new Error('the observer is not running');
    return `127.0.0.1:${this.server.port}`;
  }

  public get running(): boolean {
    return this.server !== undefined;
  }

  /**
   * Starts the process: it serves its start-up exposition until its first loop, then a snapshot per loop.
   * `firstSnapshotNow` skips the start-up phase (an observer that was already running when the trace began).
   */
  public async start(port?: number, firstSnapshotNow = false): Promise<void> {
    if (this.server) throw new Error(`the observer already runs at ${this.target}`);
    this.published = startupExposition();
    this.server = await MetricsServer.start(() => this.published, port);
    if (firstSnapshotNow) this.loop();
    else this.timer = setTimeout(() => this.loop(), uniform(this.firstLoopSeconds) * 1000);
  }

  /** The process ends (killed, crashed, or its pod deleted): scrapes are refused from now on. Returns its port. */
  public async stop(): Promise<number> {
    if (!this.server) throw new Error('the observer is not running');
    clearTimeout(this.timer);
    const { port } = this.server;
    await this.server.stop();
    this.server = undefined;
    return port;
  }

  private loop(): void {
    this.published = this.simulator.render();
    this.timer = setTimeout(() => this.loop(), (this.sleepSeconds + uniform(this.workSeconds)) * 1000);
  }
}

/**
 * What prometheus_client serves before the first loop: labelled families have no series until the observer sets
 * one; label-less gauges exist from process start with the value 0 (`latest_block_slot` 0 is how the observer
 * rules tell "no loop completed").
 */
function startupExposition(): string {
  const labelless = OBSERVER_METRIC_FAMILIES.filter((family) => family.labels.length === 0 && family.type === 'gauge');
  return `${labelless.map((family) => `# TYPE ${family.name} gauge\n${family.name} 0`).join('\n')}\n`;
}

function uniform([min, max]: readonly [number, number]): number {
  return min + Math.random() * (max - min);
}
