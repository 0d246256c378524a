import { z } from 'zod';
import { Duration } from '../core/duration';
import { ASSET_TYPES, ASSET_TYPE_NAMES, assetTypeOfSymbol } from './asset-types';
import { MIN_PENDING_FOR, PENDING_FOR_NAMES } from './pending-for';
import { thresholdsSchema } from './thresholds';

/**
 * The price-feed monitoring config (the environment's `priceFeeds` field, or another team's own feed set), as a zod
 * schema the environment schema composes: one validator, so the environment and the construct cannot disagree.
 */

const BASE58_KEY = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;
/** After the asset type: upper-case letters, digits and . / _ - (Pyth's own alphabet); never quotes or backslashes. */
const SYMBOL_REST = /^[A-Z0-9][A-Z0-9._/-]*$/;
const EXAMPLES = ASSET_TYPE_NAMES.map((type) => `"${ASSET_TYPES[type].example}"`).join(', ');

/** A Prometheus duration string ("90s", "5m", "1h"), parsed into a Duration. */
export const durationSchema = (minimum: Duration) =>
  z
    .string()
    .transform((text, context) => {
      const duration = Duration.parse(text);
      if (!duration || duration.isShorterThan(minimum)) {
        context.addIssue({ code: 'custom', message: `(allowed: a duration of at least ${minimum.toPrometheus()}, e.g. "5m")` });
        return z.NEVER;
      }
      return duration;
    });

const pendingForSchema = z.strictObject(Object.fromEntries(PENDING_FOR_NAMES.map((name) => [name, durationSchema(MIN_PENDING_FOR[name]).optional()])) as Record<
  (typeof PENDING_FOR_NAMES)[number],
  z.ZodOptional<ReturnType<typeof durationSchema>>
>);

const assetTypeSettingsSchema = z.strictObject({
  /** Threshold overrides for every feed of this asset type. */
  thresholds: thresholdsSchema.optional(),
  /** How long each condition must hold before its alert fires ("5m"). */
  pendingFor: pendingForSchema.optional(),
  /** Window of the median the confidence interval is compared with, at least "1h". */
  confidenceBaseline: durationSchema(Duration.hours(1)).optional(),
});

/**
 * A Pyth price feed id: 32 bytes as 64 lower-case hex digits, as Hermes returns it; Pyth's feed list writes it with
 * `0x`, which is accepted and dropped. Public data (Hermes and every Pyth contract are queried with it), so the
 * secret scan allows exactly the ids a feed set declares (`declaredPriceIds`).
 */
export const PRICE_ID_PATTERN = /^(0x)?[0-9a-f]{64}$/;
const PRICE_ID_RULE = '(allowed: a Pyth price feed id, 64 lower-case hex digits with or without 0x, from the Price Feed IDs list at docs.pyth.network)';

/** One feed: its CoinGecko id (compared with CoinGecko only when set), its Pyth price id, and any threshold override, by the same names. */
export const feedSchema = thresholdsSchema.extend({
  coingeckoId: z.string().regex(/^[a-z0-9-]+$/, { message: '(allowed: a CoinGecko coin id, e.g. "bitcoin")' }).optional(),
  /** The feed's Pyth price id; required when the feed set's `hermes` is set (Hermes is asked by id). */
  priceId: z.string().regex(PRICE_ID_PATTERN, { message: PRICE_ID_RULE }).optional(),
});

/** Hermes, whose latest price per feed feedops checks against Pythnet (json_exporter reads it; see `hermes/`). */
export const hermesSchema = z.strictObject({
  /** Base URL, e.g. "https://hermes.pyth.network" (no credentials: a keyed provider URL does not belong here). */
  url: z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~-]+)*$/, { message: '(allowed: an https base URL without a trailing "/", query or user info, e.g. "https://hermes.pyth.network")' }),
  /** json_exporter replicas. @default 2 */
  exporterReplicas: z.number().int().min(1, { message: '(allowed: a whole number of at least 1)' }).optional(),
});

/** What is wrong with a feed's key, or undefined for a valid Pyth symbol. */
export function symbolProblem(symbol: string): string | undefined {
  const assetType = assetTypeOfSymbol(symbol);
  if (!assetType) {
    return `has asset type "${symbol.split('.')[0]}", which is not a Pyth asset class (allowed: ${ASSET_TYPE_NAMES.join(', ')}; e.g. ${EXAMPLES})`;
  }
  if (!SYMBOL_REST.test(symbol.slice(assetType.length + 1))) return `is not a Pyth symbol (allowed: <asset type>.<name> in upper case, e.g. ${EXAMPLES})`;
  return undefined;
}

/**
 * Feeds keyed by symbol. Keys are checked here rather than by a key schema, so a duplicate (the same feed under
 * another spelling) is reported together with a misspelt asset type instead of after it.
 */
const feedsSchema = z.record(z.string(), feedSchema).superRefine((feeds, context) => {
  const symbols = Object.keys(feeds);
  if (symbols.length === 0) context.addIssue({ code: 'custom', message: '(allowed: at least one feed, keyed by Pyth symbol)' });
  const seen = new Map<string, string>();
  for (const symbol of symbols) {
    const normalized = symbol.trim().toUpperCase();
    const first = seen.get(normalized);
    if (first !== undefined) {
      context.addIssue({ code: 'custom', path: [symbol], input: symbol, message: `is a duplicate of feed "${first}" (allowed: each Pyth feed once)` });
      continue;
    }
    seen.set(normalized, symbol);
    const problem = symbolProblem(symbol);
    if (problem) context.addIssue({ code: 'custom', path: [symbol], input: symbol, message: problem });
  }
});

export const priceFeedsSchema = z.strictObject({
  /** The `team` label of every price-feed alert, which routes it. */
  team: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, { message: '(allowed: a team label value, e.g. "feeds")' }).optional(),
  network: z.strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: '(allowed: lower-case letters, digits and "-", e.g. "pythnet")' }),
    httpEndpoint: z.string().regex(/^https:\/\/\S+$/, { message: '(allowed: an https URL)' }),
    wsEndpoint: z.string().regex(/^wss:\/\/\S+$/, { message: '(allowed: a wss URL)' }),
    firstMapping: z.string().regex(BASE58_KEY, { message: '(allowed: a base58 account address)' }),
  }),
  /** Feeds keyed by Pyth symbol (`<AssetType>.<name>`, e.g. "Crypto.BTC/USD", "Metal.XAU/USD"). */
  feeds: feedsSchema,
  /** Publishers keyed by name; values are base58 public keys (public data). */
  publishers: z.record(z.string(), z.string().regex(BASE58_KEY, { message: '(allowed: a base58 public key)' })),
  /** Thresholds for every feed; asset types and feeds override them. */
  thresholds: thresholdsSchema.optional(),
  /** Per asset type: threshold overrides and pending durations. */
  assetTypes: z.partialRecord(z.enum(ASSET_TYPE_NAMES as [string, ...string[]]), assetTypeSettingsSchema).optional(),
  observer: z.strictObject({ replicas: z.number().int().min(1) }),
  /** Check each feed's latest price on Hermes against Pythnet (every feed then needs its `priceId`). @default - not checked */
  hermes: hermesSchema.optional(),
});

export type PriceFeedsConfig = z.infer<typeof priceFeedsSchema>;
export type PriceFeedConfig = z.infer<typeof feedSchema>;
