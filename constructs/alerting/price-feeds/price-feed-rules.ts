import { renderRules, type RenderedRules } from '../rules/render-rules';
import type { RuleGroup } from '../rules/rule-group';
import { Runbook } from '../rules/runbook';
import { watchdogRule } from '../rules/watchdog';
import { feedClassRuleGroup } from './feed-class-rules';
import { observerRuleGroup } from './observer-rules';
import type { PriceFeedRuleOptions } from './options';
import { resolvePriceFeedRuleOptions, type ResolvedPriceFeedRuleOptions } from './resolve-options';

/** Labels of the PrometheusRule object that holds the pack. */
export const PRICE_FEED_RULE_LABELS: Readonly<Record<string, string>> = { 'app.kubernetes.io/part-of': 'price-feeds' };

/**
 * The price-feed rule pack: observer health, one group per feed class, and the Watchdog heartbeat.
 * Throws, naming each bad option, before any rule is built.
 */
export function priceFeedRuleGroups(options: PriceFeedRuleOptions): RuleGroup[] {
  return buildGroups(resolvePriceFeedRuleOptions(options));
}

/** The pack rendered into a PrometheusRule and the identical promtool rules file. */
export function renderPriceFeedRules(options: PriceFeedRuleOptions): RenderedRules {
  const resolved = resolvePriceFeedRuleOptions(options);
  return renderRules(buildGroups(resolved), {
    environment: resolved.environment,
    name: resolved.name,
    namespace: resolved.namespace,
    labels: PRICE_FEED_RULE_LABELS,
  });
}

function buildGroups(options: ResolvedPriceFeedRuleOptions): RuleGroup[] {
  return [
    observerRuleGroup(options),
    ...options.classes.map((feedClass) => feedClassRuleGroup(feedClass, options)),
    {
      name: 'feedops-heartbeat',
      rules: [watchdogRule({ team: options.team, runbook: Runbook.at(options.runbookBaseUrl, 'Watchdog') })],
    },
  ];
}
