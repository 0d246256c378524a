import { PYTHNET_SLOT_SECONDS } from '../../constructs/price-feeds/thresholds';
import { OBSERVER_METRICS } from '../../constructs/price-feeds/observer/observer-metrics';

/** What one simulated feed reports; everything healthy unless changed. */
export interface SimulatedFeed {
  assetType: string;
  trading: boolean;
  stalenessSlots: number;
  confidenceInterval: number;
  deviationPercent: number;
  publishersActive: number;
  /** When the feed stopped updating (epoch ms): from then its staleness grows by one slot every ~400 ms. */
  stoppedAt?: number;
}

/**
 * Stands in for pyth-observer's /metrics: every family of OBSERVER_METRICS with healthy values, per feed where the
 * family is per feed. Tests and the benchmark change a feed's state and watch the alert path react.
 */
export class ObserverSimulator {
  public readonly feeds = new Map<string, SimulatedFeed>();
  private slot = 300_000_000;
  private readonly startedAt = Date.now();

  constructor(symbols: readonly string[]) {
    for (const symbol of symbols) {
      this.feeds.set(symbol, {
        assetType: symbol.split('.')[0],
        trading: true,
        stalenessSlots: 2,
        confidenceInterval: 1.5,
        deviationPercent: 0.1,
        publishersActive: 12,
      });
    }
  }

  public feed(symbol: string): SimulatedFeed {
    const feed = this.feeds.get(symbol);
    if (!feed) throw new Error(`no simulated feed ${symbol}`);
    return feed;
  }

  /** The feed stops updating now, as a halted feed does: its staleness climbs from its current value. */
  public stopFeed(symbol: string): number {
    const feed = this.feed(symbol);
    feed.stoppedAt = Date.now();
    return feed.stoppedAt;
  }

  /** The stopped feed updates again from now on: its staleness drops back to its fresh value. */
  public resumeFeed(symbol: string): number {
    this.feed(symbol).stoppedAt = undefined;
    return Date.now();
  }

  /** Prometheus text exposition of the current state. */
  public render(): string {
    this.slot += 25;
    const lines: string[] = [];
    const family = (name: string, type: string, samples: Array<[Record<string, string>, number]>) => {
      lines.push(`# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) {
        const text = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
        lines.push(`${name}${text ? `{${text}}` : ''} ${value}`);
      }
    };
    const perFeed = (value: (feed: SimulatedFeed) => number, withAssetType = true): Array<[Record<string, string>, number]> =>
      [...this.feeds].map(([symbol, feed]) => {
        const labels: Record<string, string> = withAssetType ? { symbol, asset_type: feed.assetType } : { symbol };
        return [labels, value(feed)];
      });

    const m = OBSERVER_METRICS;
    family(m.priceFeedStatus.name, 'gauge', perFeed((f) => (f.trading ? 1 : 0)));
    const slotsSinceStop = (f: SimulatedFeed) => (f.stoppedAt === undefined ? 0 : Math.floor((Date.now() - f.stoppedAt) / (PYTHNET_SLOT_SECONDS * 1000)));
    family(m.priceFeedStalenessSlots.name, 'gauge', perFeed((f) => f.stalenessSlots + slotsSinceStop(f)));
    family(m.priceFeedConfidenceInterval.name, 'gauge', perFeed((f) => f.confidenceInterval));
    family(m.priceDeviationFromCoingeckoPercent.name, 'gauge', perFeed((f) => f.deviationPercent, false));
    // CoinGecko refreshes about once a minute: the age climbs and drops back, as the real observer reports it.
    const coingeckoAge = 1 + (Math.floor((Date.now() - this.startedAt) / 1000) % 60);
    family(m.coingeckoPriceAgeSeconds.name, 'gauge', perFeed(() => coingeckoAge, false));
    family(m.publishersActive.name, 'gauge', perFeed((f) => f.publishersActive));
    family(m.checkSuccessRate.name, 'gauge', [...this.feeds.keys()].flatMap((symbol) => [
      [{ check_type: 'price_feed', symbol }, 1],
      [{ check_type: 'publisher', symbol }, 1],
    ] as Array<[Record<string, string>, number]>));
    family(m.priceFeedsProcessed.name, 'gauge', [[{}, this.feeds.size]]);
    family(m.loopErrors.name, 'counter', [[{ error_type: 'ConnectionError' }, 0]]);
    family(m.latestBlockSlot.name, 'gauge', [[{}, this.slot]]);
    // pyth_observer_network_connection_status is declared upstream but never set, so it is not served here either.
    family(m.apiRequests.name, 'counter', [[{ service: 'pyth', endpoint: 'get_program_accounts', status: 'success' }, 100]]);
    family(m.alertsActive.name, 'gauge', [[{ alert_type: 'PriceFeedOfflineCheck' }, 0]]);
    return `${lines.join('\n')}\n`;
  }
}
