import { synthesizedStacks } from '../support/synth';

/*
 * For every environment and every feed, the limit an alert fires at equals the boundary where the dashboards change
 * colour for the same quantity. Both sides are read from the synthesized manifests (the PrometheusRule's
 * expressions and the dashboards' JSON), not from the model that rendered them.
 */

interface Quantity {
  readonly alert: string;
  readonly metric: string;
  /** The comparison the alert makes with the limit. */
  readonly operator: '>' | '<';
  readonly dashboards: ReadonlyArray<{ readonly uid: string; readonly panel: string; readonly color: string }>;
}

const QUANTITIES: readonly Quantity[] = [
  { alert: 'PythPriceFeedStale', metric: 'pyth_observer_price_feed_staleness_slots', operator: '>', dashboards: [{ uid: 'feedops-price-feeds', panel: 'Staleness', color: 'red' }] },
  {
    alert: 'PythPriceFeedPermissionedPublishersLow',
    metric: 'pyth_observer_publishers_active_total',
    operator: '<',
    dashboards: [
      { uid: 'feedops-price-feeds', panel: 'Permissioned publishers per feed', color: 'green' },
      { uid: 'feedops-publishers', panel: 'Permissioned publishers per feed', color: 'green' },
    ],
  },
  {
    alert: 'PythPriceDeviationFromCoinGeckoHigh',
    metric: 'pyth_observer_price_deviation_from_coingecko_percent',
    operator: '>',
    dashboards: [{ uid: 'feedops-price-feeds', panel: 'Deviation from CoinGecko', color: 'red' }],
  },
  { alert: 'CoinGeckoPriceStale', metric: 'pyth_observer_coingecko_price_age_seconds', operator: '>', dashboards: [{ uid: 'feedops-price-feeds', panel: 'CoinGecko price age', color: 'orange' }] },
];

const stacks = synthesizedStacks();
const environments = Object.keys(stacks).filter((name) => name.endsWith('-monitors')).map((name) => name.replace(/-monitors$/, ''));

function manifestsOf(environment: string): Array<Record<string, any>> {
  return Object.values(stacks[`${environment}-monitors`].resource?.kubernetes_manifest ?? {}).map((resource) => resource.manifest);
}

/** symbol -> limit, from every `<aggregation> (metric{...symbol...}) <op> <number>` term of the alert's expression. */
function alertLimits(environment: string, quantity: Quantity): Map<string, number> {
  const rule = manifestsOf(environment).find((manifest) => manifest.kind === 'PrometheusRule' && manifest.metadata.name === 'pyth-price-feeds')!;
  const limits = new Map<string, number>();
  const rules = rule.spec.groups.flatMap((group: { rules: Array<{ alert?: string; expr: string }> }) => group.rules).filter((candidate: { alert?: string }) => candidate.alert === quantity.alert);
  const term = new RegExp(`${quantity.metric}\\{[^}]*symbol(=~?)"((?:[^"\\\\]|\\\\.)*)"[^}]*\\}\\)\\s*\\${quantity.operator}\\s*([0-9.]+)`, 'g');
  for (const { expr } of rules) {
    for (const match of expr.matchAll(term)) {
      const symbols = match[1] === '=' ? [match[2]] : match[2].replace(/\\\\/g, '').split('|');
      for (const symbol of symbols) limits.set(symbol, Number(match[3]));
    }
  }
  return limits;
}

/** symbol -> where the panel turns `color`, with per-series overrides applied over the panel's thresholds. */
function dashboardBoundary(environment: string, uid: string, title: string, color: string, symbol: string): number | undefined {
  const configMap = manifestsOf(environment).find((manifest) => manifest.kind === 'ConfigMap' && manifest.data?.[`${uid}.json`]);
  const dashboard = JSON.parse(configMap!.data[`${uid}.json`]);
  const panel = dashboard.panels.find((candidate: { title: string; type: string }) => candidate.title === title && candidate.type === 'timeseries');
  const override = panel.fieldConfig.overrides.find((candidate: { matcher: { id: string; options: string } }) => candidate.matcher.id === 'byName' && candidate.matcher.options === symbol);
  const steps = override?.properties.find((property: { id: string }) => property.id === 'thresholds')?.value.steps ?? panel.fieldConfig.defaults.thresholds.steps;
  return steps.find((step: { color: string; value: number | null }) => step.color === color && step.value !== null)?.value;
}

test('the synthesized app has monitors stacks to compare', () => {
  expect(environments).toEqual(expect.arrayContaining(['dev', 'staging', 'prod']));
});

describe.each(environments)('%s', (environment) => {
  describe.each(QUANTITIES.map((quantity) => [quantity.alert, quantity] as const))('%s', (_alert, quantity) => {
    const limits = alertLimits(environment, quantity);

    test('the alert has a limit for at least one feed', () => {
      expect(limits.size).toBeGreaterThan(0);
    });

    test.each(quantity.dashboards.map((dashboard) => [`${dashboard.uid} "${dashboard.panel}"`, dashboard] as const))('%s changes colour at each feed\'s alert limit', (_name, dashboard) => {
      const disagreements = [...limits].flatMap(([symbol, limit]) => {
        const boundary = dashboardBoundary(environment, dashboard.uid, dashboard.panel, dashboard.color, symbol);
        return boundary === limit ? [] : [`${symbol}: alert ${quantity.operator} ${limit}, dashboard ${dashboard.color} from ${boundary}`];
      });
      expect(disagreements).toEqual([]);
    });
  });
});

describe.each(environments)('%s: Hermes price age', (environment) => {
  test('the "Hermes price age" panel turns red where HermesPriceStale starts pending', () => {
    const rule = manifestsOf(environment).find((manifest) => manifest.kind === 'PrometheusRule' && manifest.metadata.name === 'pyth-price-feeds')!;
    const stale = rule.spec.groups.flatMap((group: { rules: Array<{ alert?: string; expr: string }> }) => group.rules).find((candidate: { alert?: string }) => candidate.alert === 'HermesPriceStale');
    const limit = Number(/^feedops:hermes_price_age:seconds > ([0-9.]+)$/m.exec(stale.expr)![1]);
    const configMap = manifestsOf(environment).find((manifest) => manifest.kind === 'ConfigMap' && manifest.data?.['feedops-price-feeds.json'])!;
    const panel = JSON.parse(configMap.data['feedops-price-feeds.json']).panels.find((candidate: { title: string }) => candidate.title === 'Hermes price age');
    const red = panel.fieldConfig.defaults.thresholds.steps.find((step: { color: string; value: number | null }) => step.color === 'red')?.value;
    expect({ limit, red }).toEqual({ limit: 60, red: 60 });
  });
});
