import { FX_MARKET_CLOSURE, GLOBEX_MARKET_CLOSURE, US_EQUITY_MARKET_CLOSURE } from '../alerting/alertmanager/market-hours';
import type { MarketClosure } from '../alerting/alertmanager/routing-model';

/**
 * Every Pyth asset class, keyed by its `asset_type` exactly as Pyth writes it: the first part of a symbol
 * (`Metal.XAU/USD`) and the observer's `asset_type` label (pyth_observer/__init__.py copies the product attribute).
 * The one table feedops reads asset types from: validation, rule groups, market-hours muting, dashboards.
 */
export interface AssetTypeDefinition {
  /** A symbol of this class, for messages and docs. */
  readonly example: string;
  /**
   * When the market is closed, so its feeds stop updating on purpose: alerts of the class are muted then, and for
   * the closure's opening hold after each open (DEFAULT_MARKET_OPENING_HOLD unless the closure sets `openingHold`).
   * @default - trades around the clock (never muted)
   */
  readonly marketClosure?: MarketClosure;
}

export const ASSET_TYPES = {
  Crypto: { example: 'Crypto.BTC/USD' },
  Equity: { example: 'Equity.US.AAPL/USD', marketClosure: US_EQUITY_MARKET_CLOSURE },
  FX: { example: 'FX.EUR/USD', marketClosure: FX_MARKET_CLOSURE },
  Metal: { example: 'Metal.XAU/USD', marketClosure: GLOBEX_MARKET_CLOSURE },
  Rates: { example: 'Rates.US10Y', marketClosure: GLOBEX_MARKET_CLOSURE },
  Commodities: { example: 'Commodities.USOILSPOT', marketClosure: GLOBEX_MARKET_CLOSURE },
} as const satisfies Record<string, AssetTypeDefinition>;

export type AssetType = keyof typeof ASSET_TYPES;
export const ASSET_TYPE_NAMES = Object.keys(ASSET_TYPES) as readonly AssetType[];

/** The asset type a symbol starts with, or undefined when it names none. */
export function assetTypeOfSymbol(symbol: string): AssetType | undefined {
  const prefix = symbol.slice(0, symbol.indexOf('.'));
  return (ASSET_TYPE_NAMES as readonly string[]).includes(prefix) ? (prefix as AssetType) : undefined;
}

/** Market closures keyed by asset type, for the Alertmanager routing model's mute intervals. */
export function marketClosuresOf(assetTypes: readonly AssetType[]): Record<string, MarketClosure> {
  const closures: Record<string, MarketClosure> = {};
  for (const assetType of assetTypes) {
    const definition: AssetTypeDefinition = ASSET_TYPES[assetType];
    if (definition.marketClosure) closures[assetType] = definition.marketClosure;
  }
  return closures;
}
