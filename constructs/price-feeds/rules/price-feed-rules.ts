import { renderRules, type RenderedRules } from '../../alerting/rules/render-rules';
import type { RuleGroup } from '../../alerting/rules/rule-group';
import { Runbook } from '../../alerting/rules/runbook';
import { watchdogRule } from '../../alerting/rules/watchdog';
import type { ResolvedPriceFeeds } from '../resolve';
import { assetTypeRuleGroups } from './asset-type-rules';
import { observerRuleGroup } from './observer-rules';
import { hermesRuleGroup } from '../hermes/hermes-rules';

/** Labels of the PrometheusRule object that holds the pack. */
export const PRICE_FEED_RULE_LABELS: Readonly<Record<string, string>> = { 'app.kubernetes.io/part-of': 'price-feeds' };
/** `metadata.name` of the pack's PrometheusRule. */
export const PRICE_FEED_RULE_NAME = 'pyth-price-feeds';

/** The price-feed rule pack: observer health, two groups per asset type (its alerts, its stale alert), Hermes' prices (when checked), and the Watchdog heartbeat. */
export function priceFeedRuleGroups(feeds: ResolvedPriceFeeds): RuleGroup[] {
  const hermes = hermesRuleGroup(feeds);
  return [
    observerRuleGroup(feeds),
    ...feeds.assetTypes.flatMap((assetType) => assetTypeRuleGroups(assetType, feeds)),
    ...(hermes ? [hermes] : []),
    {
      name: 'feedops-heartbeat',
      rules: [watchdogRule({ team: feeds.team, runbook: Runbook.at(feeds.runbookBaseUrl, 'Watchdog') })],
    },
  ];
}

/** The pack rendered into a PrometheusRule and the identical promtool rules file. */
export function renderPriceFeedRules(feeds: ResolvedPriceFeeds): RenderedRules {
  return renderRules(priceFeedRuleGroups(feeds), {
    environment: feeds.environment,
    name: PRICE_FEED_RULE_NAME,
    namespace: feeds.namespace,
    labels: PRICE_FEED_RULE_LABELS,
  });
}
