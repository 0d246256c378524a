/** The kinds of Pyth feeds feedops alerts on; each gets its own rule group and defaults. */
export const FEED_CLASSES = ['crypto', 'equity', 'fx'] as const;
export type FeedClass = (typeof FEED_CLASSES)[number];

/**
 * The Pyth product `asset_type` of each class. pyth-observer exports it as the `asset_type` label, Pyth
 * symbols start with it (`Crypto.BTC/USD`, `Equity.US.AAPL/USD`, `FX.EUR/USD`), and every alert of the class
 * carries it, so Alertmanager can mute equity and FX alerts outside market hours.
 */
export const FEED_CLASS_ASSET_TYPE: Readonly<Record<FeedClass, string>> = {
  crypto: 'Crypto',
  equity: 'Equity',
  fx: 'FX',
};

/** The symbol prefix of a class's feeds, e.g. `Crypto.`. */
export function symbolPrefix(feedClass: FeedClass): string {
  return `${FEED_CLASS_ASSET_TYPE[feedClass]}.`;
}
