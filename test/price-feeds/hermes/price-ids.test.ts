import { declaredPriceIds } from '../../../constructs/price-feeds/resolve';
import { ValidationError } from '../../../constructs/core/validation-error';
import { delivery, ENVIRONMENTS } from '../../../environments';
import { validateEnvironments } from '../../../environments/validate';
import { environmentPriceFeeds } from '../../../stacks/environment-monitors';
import { feedSetConfig, resolveFeedSet } from '../fixtures';

const BTC = 'e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43';
const ETH = 'ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace';
const HERMES = { hermes: { url: 'https://hermes.pyth.network' } };

function problemsOf(config: unknown): string[] {
  try {
    resolveFeedSet('prod', config);
  } catch (error) {
    if (ValidationError.isValidationError(error)) return error.message.split('\n').slice(1);
    throw error;
  }
  return [];
}

describe('Pyth price ids', () => {
  test('are stored without 0x, as Hermes answers with them', () => {
    const feeds = resolveFeedSet('prod', feedSetConfig({ 'Crypto.BTC/USD': { priceId: `0x${BTC}` }, 'Crypto.ETH/USD': { priceId: ETH } }));
    expect(feeds.feeds.map((feed) => feed.priceId)).toEqual([BTC, ETH]);
    expect(declaredPriceIds(feeds)).toEqual([BTC, ETH]);
  });

  test.each([
    ['upper-case hex', BTC.toUpperCase()],
    ['63 digits', BTC.slice(1)],
    ['a non-hex digit', `${BTC.slice(0, 63)}g`],
    ['a base58 account key instead', 'GVXRSBjFk6e6J3NbVPXohDJetcTjaeeuykUpbQF8UoMU'],
  ])('fail on %s, naming the feed, the value and what is allowed', (_what, priceId) => {
    expect(problemsOf(feedSetConfig({ 'Crypto.BTC/USD': { priceId } }))).toEqual([
      `prod: feeds["Crypto.BTC/USD"].priceId: ${JSON.stringify(priceId)} (allowed: a Pyth price feed id, 64 lower-case hex digits with or without 0x, from the Price Feed IDs list at docs.pyth.network)`,
    ]);
  });

  test('fail when two feeds claim the same id', () => {
    expect(problemsOf(feedSetConfig({ 'Crypto.BTC/USD': { priceId: BTC }, 'Crypto.WBTC/USD': { priceId: `0x${BTC}` } }))).toEqual([
      `prod: feeds["Crypto.WBTC/USD"].priceId: "0x${BTC}" (allowed: an id of this feed only (it is also the price id of "Crypto.BTC/USD"))`,
    ]);
  });

  test('are optional, unless the feed set checks Hermes: then every feed missing one is named', () => {
    expect(problemsOf(feedSetConfig({ 'Crypto.BTC/USD': {} }))).toEqual([]);
    expect(problemsOf(feedSetConfig({ 'Crypto.BTC/USD': { priceId: BTC }, 'Crypto.ETH/USD': {}, 'FX.EUR/USD': {} }, HERMES))).toEqual([
      'prod: feeds["Crypto.ETH/USD"].priceId: missing (allowed: a Pyth price feed id: required because priceFeeds.hermes is set (Hermes is asked by id))',
      'prod: feeds["FX.EUR/USD"].priceId: missing (allowed: a Pyth price feed id: required because priceFeeds.hermes is set (Hermes is asked by id))',
    ]);
  });

  test('a Hermes URL with a query or a trailing slash fails', () => {
    expect(problemsOf(feedSetConfig({ 'Crypto.BTC/USD': { priceId: BTC } }, { hermes: { url: 'https://hermes.example.org/?key=1' } }))).toEqual([
      'prod: hermes.url: "https://hermes.example.org/?key=1" (allowed: an https base URL without a trailing "/", query or user info, e.g. "https://hermes.pyth.network")',
    ]);
  });

  test('every environment checks Hermes and declares one distinct id per feed', () => {
    for (const env of validateEnvironments(ENVIRONMENTS, delivery).environments) {
      const feeds = environmentPriceFeeds(env);
      expect({ env: env.name, hermes: feeds.hermes?.url, ids: new Set(declaredPriceIds(feeds)).size }).toEqual({ env: env.name, hermes: 'https://hermes.pyth.network', ids: feeds.feeds.length });
    }
  });
});
