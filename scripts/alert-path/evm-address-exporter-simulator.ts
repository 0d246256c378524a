import { EVM_EXPORTER_METRICS } from '../../constructs/wallets/wallet-metrics';

/** One watched address as ethpandaops' exporter reports it. */
export interface SimulatedAddress {
  readonly name: string;
  readonly address: string;
  /** Balance in raw wei (a float, as the exporter sets its gauge). */
  wei: number;
  /** Wei removed per second while draining; 0 when idle. */
  drainWeiPerSecond: number;
}

/**
 * Stands in for ethpandaops/ethereum-address-metrics-exporter v1.1.0's /metrics: `eth_address_account_balance` in raw
 * wei and `eth_address_account_errors_total`, labelled `{name, address, execution}` per execution node.
 */
export class EvmAddressExporterSimulator {
  private readonly addresses = new Map<string, SimulatedAddress>();
  private lastRender = Date.now();
  /** Balances as of the exporter's last check, when checks are simulated; otherwise the live balances are served. */
  private checked: Map<string, number> | undefined;
  private checkTimer: NodeJS.Timeout | undefined;

  constructor(
    addresses: ReadonlyArray<{ name: string; address: string; wei: number }>,
    private readonly executionNodes: readonly string[],
  ) {
    for (const entry of addresses) this.addresses.set(entry.name, { ...entry, drainWeiPerSecond: 0 });
  }

  public address(name: string): SimulatedAddress {
    const found = this.addresses.get(name);
    if (!found) throw new Error(`no simulated address ${name}`);
    return found;
  }

  /** Like the real exporter, read balances only every `intervalMs` (its checkInterval) and serve the last reading. */
  public startChecks(intervalMs: number): void {
    const check = () => (this.checked = new Map([...this.addresses].map(([name, entry]) => [name, entry.wei])));
    check();
    this.checkTimer = setInterval(check, intervalMs);
  }

  public stopChecks(): void {
    if (this.checkTimer) clearInterval(this.checkTimer);
  }

  public render(): string {
    const now = Date.now();
    const seconds = (now - this.lastRender) / 1000;
    this.lastRender = now;
    for (const entry of this.addresses.values()) entry.wei = Math.max(0, entry.wei - entry.drainWeiPerSecond * seconds);
    const lines = [`# HELP ${EVM_EXPORTER_METRICS.balance} The balance of a account address.`, `# TYPE ${EVM_EXPORTER_METRICS.balance} gauge`];
    const labels = (entry: SimulatedAddress, execution: string) => `{address="${entry.address}",execution="${execution}",name="${entry.name}"}`;
    for (const entry of this.addresses.values()) for (const node of this.executionNodes) lines.push(`${EVM_EXPORTER_METRICS.balance}${labels(entry, node)} ${(this.checked?.get(entry.name) ?? entry.wei).toExponential(15)}`);
    lines.push(`# TYPE ${EVM_EXPORTER_METRICS.errors} counter`);
    for (const entry of this.addresses.values()) for (const node of this.executionNodes) lines.push(`${EVM_EXPORTER_METRICS.errors}${labels(entry, node)} 0`);
    return `${lines.join('\n')}\n`;
  }
}
