/**
 * Realistic single mistakes, each a literal edit of one source file, and the targeted test files expected to catch
 * it. The snapshot suite is never a target: a mutant only counts as killed when a test that states intent fails.
 * `from` must occur exactly once in `file` (the runner refuses a stale mutant rather than skipping it).
 */
export interface Mutant {
  readonly id: string;
  readonly category: MutantCategory;
  /** What the mistake is, as a reviewer would describe it. */
  readonly description: string;
  readonly file: string;
  readonly from: string;
  readonly to: string;
  /** Source test files (test/**.test.ts) run against the mutant. */
  readonly tests: readonly string[];
  /** Written after the tests of issue 18, against tests that already existed: a check that the score is not tuned. */
  readonly unseen?: boolean;
}

export type MutantCategory = 'routing' | 'runbooks' | 'metrics' | 'validation' | 'policies' | 'renderers' | 'wallet rules';

const ROUTING_TESTS = [
  'test/alerting/alertmanager/shipped-routes.amtool.test.ts',
  'test/alerting/alertmanager/render-alertmanager-config.test.ts',
  'test/alerting/alertmanager/render-alertmanager-config.amtool.test.ts',
  'test/alerting/alertmanager/inhibition.alertmanager.test.ts',
];
const OPENING_HOLD_TESTS = [
  'test/alerting/alertmanager/opening-hold.test.ts',
  'test/alerting/alertmanager/render-alertmanager-config.test.ts',
  'test/alerting/alertmanager/render-alertmanager-config.validation.test.ts',
];
const RUNBOOK_TESTS = ['test/stacks/runbook-links.test.ts', 'test/alerting/rules/runbook.test.ts'];
const METRIC_TESTS = ['test/price-feeds/observer/observer-metrics-upstream.test.ts', 'test/price-feeds/observer/observer-metrics.test.ts'];
const VALIDATION_TESTS = ['test/environments/validate.test.ts', 'test/environments/validate-limits.test.ts'];
const BOOTSTRAP_TESTS = ['test/stacks/bootstrap-stack.test.ts', 'test/policy/aws-invariants.test.ts', 'test/policy/state-and-delivery.test.ts'];
const WORKLOAD_TESTS = ['test/stacks/monitors-stack.test.ts'];
const HELM_TESTS = ['test/constructs/helm/pinned-helm-release.test.ts', 'test/stacks/platform-stack.test.ts', 'test/policy/state-and-delivery.test.ts'];
const WALLET_TESTS = ['test/wallets/shipped-wallet-alerts.test.ts', 'test/wallets/wallet-rules.promtool.test.ts'];

const SHARED = 'environments/shared.ts';
const VALIDATE = 'environments/validate.ts';
const AM_RENDER = 'constructs/alerting/alertmanager/render-alertmanager-config.ts';
const OPENING_HOLD = 'constructs/alerting/alertmanager/opening-hold.ts';
const CATALOGUE = 'constructs/price-feeds/observer/observer-metrics.ts';
const STATE_BUCKET = 'constructs/delivery/state-bucket.ts';
const WALLET_RULES = 'constructs/wallets/wallet-rules.ts';
const ASSET_TYPE_RULES = 'constructs/price-feeds/rules/asset-type-rules.ts';
const PRICE_FEED_RULE_TESTS = ['test/price-feeds/rules/price-feed-rules.promtool.test.ts', 'test/price-feeds/rules/shipped-price-feed-alerts.test.ts'];
const BUDGET = 'constructs/alerting/alert-latency-budget.ts';
const STALE_PAGE_TESTS = ['test/alerting/stale-feed-budget.test.ts', 'test/price-feeds/rules/shipped-price-feed-alerts.test.ts', 'test/price-feeds/rules/price-feed-rules.promtool.test.ts'];

export const MUTANTS: readonly Mutant[] = [
  // --- routing: the receivers, channels and heartbeat feedops ships ---------------------------------------------------
  { id: 'R1', category: 'routing', description: "swap the feeds team's critical and warning receivers", file: SHARED, from: "feeds: { critical: 'feeds-critical', warning: 'feeds-alerts' }", to: "feeds: { critical: 'feeds-alerts', warning: 'feeds-critical' }", tests: ROUTING_TESTS },
  { id: 'R2', category: 'routing', description: 'send the platform team\'s critical alerts to its warning channel', file: SHARED, from: "platform: { critical: 'platform-critical', warning: 'platform-alerts' }", to: "platform: { critical: 'platform-alerts', warning: 'platform-alerts' }", tests: ROUTING_TESTS },
  { id: 'R3', category: 'routing', description: 'route info alerts to platform-alerts instead of monitoring-info', file: SHARED, from: "info: 'monitoring-info' }", to: "info: 'platform-alerts' }", tests: ROUTING_TESTS },
  { id: 'R4', category: 'routing', description: 'default receiver is the pager channel', file: SHARED, from: "defaultReceiver: 'platform-alerts',", to: "defaultReceiver: 'platform-critical',", tests: ROUTING_TESTS },
  { id: 'R5', category: 'routing', description: 'non-production channels lose their prefix (dev noise in prod channels)', file: SHARED, from: 'channel: `#${channelPrefix}${receiver}`', to: 'channel: `#${receiver}`', tests: ROUTING_TESTS },
  { id: 'R6', category: 'routing', description: 'every environment pings the same heartbeat', file: SHARED, from: 'heartbeats/feedops-${environment}/ping', to: 'heartbeats/feedops/ping', tests: ROUTING_TESTS },
  { id: 'R7', category: 'routing', description: 'Watchdog route continues to the delivery routes', file: AM_RENDER, from: 'continue: false,', to: 'continue: true,', tests: ROUTING_TESTS },
  { id: 'R8', category: 'routing', description: "delivery routes no longer match this environment only (another environment's pages page here)", file: AM_RENDER, from: '          matchers: [environmentMatcher],\n          routes: [', to: '          matchers: [],\n          routes: [', tests: ROUTING_TESTS },
  { id: 'R9', category: 'routing', description: 'Slack receivers do not send resolved messages', file: AM_RENDER, from: 'send_resolved: true,', to: 'send_resolved: false,', tests: ROUTING_TESTS },
  { id: 'R10', category: 'routing', description: 'market-closed mutes dropped from the environment routing model', file: 'stacks/alert-routing.ts', from: 'marketClosures: marketClosuresOf(', to: 'marketClosures: [] ?? marketClosuresOf(', tests: ROUTING_TESTS },
  { id: 'R11', category: 'routing', description: 'severity routes before team routes (team receivers never reached)', file: AM_RENDER, from: "    ...resolved.teamRoutes.map(({ team, severity, receiver }) => leaf([equals('team', team), equals('severity', severity)], receiver, severity)),\n    ...SEVERITIES.map((severity) => leaf([equals('severity', severity)], resolved.bySeverity[severity], severity)),", to: "    ...SEVERITIES.map((severity) => leaf([equals('severity', severity)], resolved.bySeverity[severity], severity)),\n    ...resolved.teamRoutes.map(({ team, severity, receiver }) => leaf([equals('team', team), equals('severity', severity)], receiver, severity)),", tests: ROUTING_TESTS },

  // Opening hold after a market opens (issue 16): the real-Alertmanager test (market-open.alertmanager.test.ts) proves the
  // behaviour; these mutants target the fast tests that pin the rendered intervals, so a mutation run stays short.
  { id: 'OH1', category: 'routing', description: 'market closures lose their opening hold (the open pages for the night\'s alerts)', file: AM_RENDER, from: 'withOpeningHold(closed, openingHold.totalSeconds / 60)', to: 'withOpeningHold(closed, 0)', tests: OPENING_HOLD_TESTS },
  { id: 'OH2', category: 'routing', description: 'an open at the end of the week gets no hold (Saturday -> Sunday does not wrap)', file: OPENING_HOLD, from: 'held[(minute + after) % MINUTES_PER_WEEK] = 1;', to: 'held[Math.min(minute + after, MINUTES_PER_WEEK - 1)] = 1;', tests: OPENING_HOLD_TESTS },
  { id: 'OH3', category: 'routing', description: 'dated closures (holidays, early closes) get no hold', file: OPENING_HOLD, from: 'if (!spec.times) return spec;', to: 'if (spec) return spec;', tests: OPENING_HOLD_TESTS },
  { id: 'OH4', category: 'validation', description: 'an opening hold of seconds is accepted (Alertmanager intervals are minute-granular)', file: 'constructs/alerting/alertmanager/resolve-routing-model.ts', from: 'openingHold.totalSeconds % 60 !== 0 || ', to: '', tests: OPENING_HOLD_TESTS },

  // --- runbooks ---------------------------------------------------------------------------------------------------------
  { id: 'B1', category: 'runbooks', description: 'runbook base URL whose every link 404s (runbook vs runbooks)', file: SHARED, from: "'https://github.com/example-org/feedops/blob/main/docs/runbooks'", to: "'https://github.com/example-org/feedops/blob/main/docs/runbook'", tests: RUNBOOK_TESTS },
  { id: 'B2', category: 'runbooks', description: 'runbook links without the .md extension', file: 'constructs/alerting/rules/runbook.ts', from: 'return `${this.baseUrl}/${this.page}.md`;', to: 'return `${this.baseUrl}/${this.page}`;', tests: RUNBOOK_TESTS },
  { id: 'B3', category: 'runbooks', description: 'runbooks linked from the wrong branch', file: SHARED, from: "'https://github.com/example-org/feedops/blob/main/docs/runbooks'", to: "'https://github.com/example-org/feedops/blob/master/docs/runbooks'", tests: RUNBOOK_TESTS },

  // --- metric names against the observer's real metrics ---------------------------------------------------------------
  { id: 'M1', category: 'metrics', description: 'publishers metric renamed in the catalogue (drops _total)', file: CATALOGUE, from: "name: 'pyth_observer_publishers_active_total',", to: "name: 'pyth_observer_publishers_active',", tests: METRIC_TESTS },
  { id: 'M2', category: 'metrics', description: 'staleness metric renamed (slots suffix dropped)', file: CATALOGUE, from: "name: 'pyth_observer_price_feed_staleness_slots',", to: "name: 'pyth_observer_price_feed_staleness',", tests: METRIC_TESTS },
  { id: 'M3', category: 'metrics', description: 'loop-errors counter without _total', file: CATALOGUE, from: "name: 'pyth_observer_loop_errors_total',", to: "name: 'pyth_observer_loop_errors',", tests: METRIC_TESTS },
  { id: 'M4', category: 'metrics', description: 'latest slot metric misnamed', file: CATALOGUE, from: "name: 'pyth_observer_latest_block_slot',", to: "name: 'pyth_observer_latest_slot',", tests: METRIC_TESTS },
  { id: 'M5', category: 'metrics', description: 'feed status label asset_type misnamed', file: CATALOGUE, from: "name: 'pyth_observer_price_feed_status',\n    type: 'gauge',\n    labels: ['symbol', 'asset_type'],", to: "name: 'pyth_observer_price_feed_status',\n    type: 'gauge',\n    labels: ['symbol', 'assetType'],", tests: METRIC_TESTS },
  { id: 'M6', category: 'metrics', description: 'CoinGecko deviation metric as a fraction name', file: CATALOGUE, from: "name: 'pyth_observer_price_deviation_from_coingecko_percent',", to: "name: 'pyth_observer_price_deviation_from_coingecko',", tests: METRIC_TESTS },

  // --- validation of environments -----------------------------------------------------------------------------------------
  { id: 'V1', category: 'validation', description: 'VPC prefix upper bound off by one (/25 accepted)', file: VALIDATE, from: 'vpc.prefixLength > 24', to: 'vpc.prefixLength > 25', tests: VALIDATION_TESTS },
  { id: 'V2', category: 'validation', description: 'VPC prefix lower bound off by one (/15 accepted)', file: VALIDATE, from: 'vpc.prefixLength < 16', to: 'vpc.prefixLength < 15', tests: VALIDATION_TESTS },
  { id: 'V3', category: 'validation', description: 'production observer minimum lowered to 1', file: VALIDATE, from: 'export const MIN_PRODUCTION_OBSERVER_REPLICAS = 2;', to: 'export const MIN_PRODUCTION_OBSERVER_REPLICAS = 1;', tests: VALIDATION_TESTS },
  { id: 'V4', category: 'validation', description: 'registered name check disabled', file: VALIDATE, from: 'if (sections.name !== undefined && sections.name !== label) {', to: 'if (sections.name !== undefined && sections.name !== label && false) {', tests: VALIDATION_TESTS },
  { id: 'V5', category: 'validation', description: 'node-group key length allows 21 characters', file: VALIDATE, from: '/^[a-z][a-z0-9-]{0,19}$/', to: '/^[a-z][a-z0-9-]{0,20}$/', tests: VALIDATION_TESTS },
  { id: 'V6', category: 'validation', description: 'desired size may exceed max size', file: VALIDATE, from: 'group.desiredSize > group.maxSize)', to: 'group.desiredSize > group.maxSize + 1)', tests: VALIDATION_TESTS },
  { id: 'V7', category: 'validation', description: 'empty node groups accepted', file: VALIDATE, from: 'if (groups.length === 0)', to: 'if (groups.length < 0)', tests: VALIDATION_TESTS },
  { id: 'V8', category: 'validation', description: 'default receiver not checked against the declared receivers', file: VALIDATE, from: "  checkReceiver('alerting.routing.defaultReceiver', alerting.routing.defaultReceiver);", to: '', tests: VALIDATION_TESTS },
  { id: 'V9', category: 'validation', description: 'severity receivers not checked', file: VALIDATE, from: "for (const [severity, name] of Object.entries(alerting.routing.bySeverity)) checkReceiver(", to: "for (const [severity, name] of Object.entries({})) checkReceiver(", tests: VALIDATION_TESTS },
  { id: 'V10', category: 'validation', description: 'duplicate cluster names across environments accepted', file: VALIDATE, from: '  if (clashes.length > 0) {', to: '  if (clashes.length > 0 && false) {', tests: VALIDATION_TESTS },
  { id: 'V11', category: 'validation', description: 'production Alertmanager minimum lowered to 2', file: VALIDATE, from: 'export const MIN_PRODUCTION_ALERTMANAGER_REPLICAS = 3;', to: 'export const MIN_PRODUCTION_ALERTMANAGER_REPLICAS = 2;', tests: VALIDATION_TESTS },
  { id: 'V12', category: 'validation', description: 'production node groups may have 1 node', file: VALIDATE, from: 'export const MIN_PRODUCTION_NODES_PER_GROUP = 2;', to: 'export const MIN_PRODUCTION_NODES_PER_GROUP = 1;', tests: VALIDATION_TESTS },
  { id: 'V13', category: 'validation', description: "the price-feed pack's own problems are dropped", file: VALIDATE, from: '    for (const problem of error.problems) add(problem.path, problem.message);', to: '    void error;', tests: VALIDATION_TESTS },

  // --- policies -----------------------------------------------------------------------------------------------------------
  { id: 'P1', category: 'policies', description: 'TLS-only deny without the object ARN (bucket/*)', file: STATE_BUCKET, from: 'Resource: [this.bucket.arn, `${this.bucket.arn}/*`],', to: 'Resource: [this.bucket.arn],', tests: BOOTSTRAP_TESTS },
  { id: 'P2', category: 'policies', description: 'old state versions expire after 1 day', file: STATE_BUCKET, from: 'export const DEFAULT_NONCURRENT_STATE_DAYS = 90;', to: 'export const DEFAULT_NONCURRENT_STATE_DAYS = 1;', tests: BOOTSTRAP_TESTS },
  { id: 'P3', category: 'policies', description: 'TLS deny condition inverted', file: STATE_BUCKET, from: "Condition: { Bool: { 'aws:SecureTransport': 'false' } },", to: "Condition: { Bool: { 'aws:SecureTransport': 'true' } },", tests: BOOTSTRAP_TESTS },
  { id: 'P4', category: 'policies', description: 'one public-access block off', file: STATE_BUCKET, from: 'restrictPublicBuckets: true,', to: 'restrictPublicBuckets: false,', tests: BOOTSTRAP_TESTS },
  { id: 'P5', category: 'policies', description: 'apply role may schedule deletion of any KMS key', file: 'constructs/delivery/deploy-roles.ts', from: "{ Sid: 'ListAliases', Effect: 'Allow', Action: ['kms:ListAliases'], Resource: '*' },", to: "{ Sid: 'ListAliases', Effect: 'Allow', Action: ['kms:ListAliases', 'kms:ScheduleKeyDeletion'], Resource: '*' },", tests: BOOTSTRAP_TESTS },
  { id: 'P6', category: 'policies', description: 'container-level runAsNonRoot: false', file: 'constructs/kubernetes/pod-security.ts', from: "  runAsNonRoot: true,\n  capabilities: { drop: ['ALL'] },", to: "  runAsNonRoot: false,\n  capabilities: { drop: ['ALL'] },", tests: WORKLOAD_TESTS },
  { id: 'P7', category: 'policies', description: 'KMS keys deletable after 6 days', file: 'constructs/encryption/encryption-key.ts', from: 'export const DEFAULT_KEY_DELETION_WINDOW_DAYS = 30;', to: 'export const DEFAULT_KEY_DELETION_WINDOW_DAYS = 6;', tests: BOOTSTRAP_TESTS },
  { id: 'P8', category: 'policies', description: 'containers may escalate privileges', file: 'constructs/kubernetes/pod-security.ts', from: '  allowPrivilegeEscalation: false,', to: '  allowPrivilegeEscalation: true,', tests: WORKLOAD_TESTS },

  // --- renderers (Helm values, rule labels) -----------------------------------------------------------------------------
  { id: 'H1', category: 'renderers', description: 'Helm releases not atomic', file: 'constructs/helm/pinned-helm-release.ts', from: 'atomic: true,', to: 'atomic: false,', tests: HELM_TESTS },
  { id: 'H2', category: 'renderers', description: 'Helm defaults win over the caller (merge order swapped)', file: 'constructs/helm/pinned-helm-release.ts', from: 'deepMerge(props.defaultValues ?? {}, props.values ?? {})', to: 'deepMerge(props.values ?? {}, props.defaultValues ?? {})', tests: HELM_TESTS },
  { id: 'H3', category: 'renderers', description: 'Helm values with YAML anchors (a changed shared block shows in one place only)', file: 'constructs/helm/pinned-helm-release.ts', from: 'aliasDuplicateObjects: false', to: 'aliasDuplicateObjects: true', tests: HELM_TESTS },
  { id: 'H4', category: 'renderers', description: "Prometheus selectors pick only the release's own rules", file: 'constructs/monitoring/kube-prometheus-stack.ts', from: 'selectorsOpenToEveryone[`${kind}SelectorNilUsesHelmValues`] = false;', to: 'selectorsOpenToEveryone[`${kind}SelectorNilUsesHelmValues`] = true;', tests: HELM_TESTS },
  { id: 'H5', category: 'renderers', description: 'alerts lose their environment label', file: 'constructs/alerting/rules/render-rules.ts', from: 'labels: { severity: rule.severity.value, team: rule.team, environment, ...rule.labels },', to: 'labels: { severity: rule.severity.value, team: rule.team, ...rule.labels },', tests: ['test/alerting/rules/render-rules.test.ts', ...WALLET_TESTS] },

  // --- wallet rules -----------------------------------------------------------------------------------------------------
  { id: 'W1', category: 'wallet rules', description: 'warning floor for 5m -> 6m', file: WALLET_RULES, from: 'warningFloor: Duration.minutes(5),', to: 'warningFloor: Duration.minutes(6),', tests: WALLET_TESTS },
  { id: 'W2', category: 'wallet rules', description: 'critical floor for 2m -> 3m', file: WALLET_RULES, from: 'criticalFloor: Duration.minutes(2),', to: 'criticalFloor: Duration.minutes(3),', tests: WALLET_TESTS },
  { id: 'W3', category: 'wallet rules', description: 'critical floor compares with <= (pages exactly at the floor)', file: WALLET_RULES, from: 'expr: `${balance} < ${wallet.floors.critical}`,', to: 'expr: `${balance} <= ${wallet.floors.critical}`,', tests: WALLET_TESTS },
  { id: 'W4', category: 'wallet rules', description: 'critical floor is only a warning', file: WALLET_RULES, from: '      for: WALLET_ALERT_FOR.criticalFloor,\n      severity: Severity.CRITICAL,', to: '      for: WALLET_ALERT_FOR.criticalFloor,\n      severity: Severity.WARNING,', tests: WALLET_TESTS },
  { id: 'W5', category: 'wallet rules', description: 'runway page for 10m -> 15m', file: WALLET_RULES, from: 'runwayPage: Duration.minutes(10),', to: 'runwayPage: Duration.minutes(15),', tests: WALLET_TESTS },
  { id: 'W6', category: 'wallet rules', description: 'exporter down for 5m -> 10m', file: WALLET_RULES, from: 'exporterDown: Duration.minutes(5),', to: 'exporterDown: Duration.minutes(10),', tests: WALLET_TESTS },
  { id: 'W7', category: 'wallet rules', description: 'RPC errors for 10m -> 9m', file: WALLET_RULES, from: 'rpcErrors: Duration.minutes(10),', to: 'rpcErrors: Duration.minutes(9),', tests: WALLET_TESTS },
  { id: 'W8', category: 'wallet rules', description: 'wallet alerts go to the exporter team instead of the wallet owner', file: WALLET_RULES, from: '    team: wallet.team,\n    runbook: Runbook.at(pack.runbookBaseUrl, name),', to: '    team: pack.exporterTeam,\n    runbook: Runbook.at(pack.runbookBaseUrl, name),', tests: WALLET_TESTS },
  { id: 'W9', category: 'wallet rules', description: 'runway page compares with <=', file: WALLET_RULES, from: 'expr: `${runway} < ${page}`,', to: 'expr: `${runway} <= ${page}`,', tests: WALLET_TESTS },
  { id: 'W10', category: 'wallet rules', description: 'EVM balance not converted from wei', file: WALLET_RULES, from: 'address=${quote(wallet.address)}}) / ${WEI_PER_ETHER}`;', to: 'address=${quote(wallet.address)}})`;', tests: WALLET_TESTS },

  // --- price-feed rules: silent publishers and the frozen-feed page (issue 16) -------------------------------------------
  { id: 'Q1', category: 'renderers', description: 'two stray losses of the quorum in 10m warn (4 changes instead of 6)', file: ASSET_TYPE_RULES, from: 'export const QUORUM_MIN_FLIPS = 6;', to: 'export const QUORUM_MIN_FLIPS = 4;', tests: PRICE_FEED_RULE_TESTS },
  { id: 'Q2', category: 'renderers', description: 'the quorum warning pages', file: ASSET_TYPE_RULES, from: '      for: this.assetType.pendingFor.quorumIntermittent,\n      severity: Severity.WARNING,', to: '      for: this.assetType.pendingFor.quorumIntermittent,\n      severity: Severity.CRITICAL,', tests: PRICE_FEED_RULE_TESTS },
  { id: 'Q3', category: 'routing', description: 'a feed that stopped trading no longer hides its quorum warning', file: 'constructs/price-feeds/rules/inhibitions.ts', from: '    PRICE_FEED_ALERTS.quorumIntermittent,\n  ];', to: '  ];', tests: ROUTING_TESTS },
  { id: 'F1', category: 'renderers', description: 'one transient loop error makes a replica count as frozen (failed-loop share 0)', file: ASSET_TYPE_RULES, from: 'export const FEED_METRICS_FROZEN_FAILED_LOOP_RATIO = 0.5;', to: 'export const FEED_METRICS_FROZEN_FAILED_LOOP_RATIO = 0;', tests: PRICE_FEED_RULE_TESTS },
  { id: 'F2', category: 'renderers', description: 'a frozen feed only warns', file: ASSET_TYPE_RULES, from: '      for: FEED_METRICS_FROZEN_FOR,\n      severity: Severity.CRITICAL,', to: '      for: FEED_METRICS_FROZEN_FOR,\n      severity: Severity.WARNING,', tests: PRICE_FEED_RULE_TESTS },
  { id: 'F3', category: 'renderers', description: 'a feed frozen on one replica pages although another still updates it', file: ASSET_TYPE_RULES, from: 'expr: `count by (symbol) (\n${indent(frozenOnReplica)}\n)\n== on (symbol)\ncount by (symbol) (${staleness})`,', to: 'expr: `count by (symbol) (\n${indent(frozenOnReplica)}\n)`,', tests: PRICE_FEED_RULE_TESTS },
  // --- market hours, Hermes price freshness, public price ids (issue 10) ---------------------------------------------
  { id: 'K1', category: 'renderers', description: 'freshness SLI of a market-hours feed counts closed time', file: 'stacks/feedops-slos.ts', from: 'expr: trading ? ', to: 'expr: false ? ', tests: ['test/slo/feed-freshness.promtool.test.ts'] },
  { id: 'K2', category: 'renderers', description: 'New York daylight saving from the first Sunday of March', file: 'constructs/alerting/rules/market-clock.ts', from: " >= bool 8)`", to: " >= bool 1)`", tests: ['test/alerting/rules/market-clock.test.ts'] },
  { id: 'K3', category: 'renderers', description: 'HermesPriceStale fires for a feed Pythnet does not trade', file: 'constructs/price-feeds/hermes/hermes-rules.ts', from: '\\nand on (symbol)\\n${trading}`,', to: '`,', tests: ['test/price-feeds/hermes/hermes-rules.promtool.test.ts'] },
  { id: 'K4', category: 'renderers', description: 'Hermes prices may be 10 minutes old', file: 'constructs/price-feeds/hermes/hermes-rules.ts', from: 'export const HERMES_PRICE_MAX_AGE_SECONDS = 60;', to: 'export const HERMES_PRICE_MAX_AGE_SECONDS = 600;', tests: ['test/price-feeds/hermes/hermes-rules.promtool.test.ts', 'test/price-feeds/threshold-agreement.test.ts'] },
  { id: 'K5', category: 'policies', description: 'the guardrail lets every 64-hex value through once any is declared public', file: 'constructs/guardrails/guardrail-rules.ts', from: '.filter((match) => !publicValues.has(match[2].toLowerCase()));', to: '.filter((match) => publicValues.size === 0 && !publicValues.has(match[2].toLowerCase()));', tests: ['test/guardrails/guardrails.test.ts'] },
  { id: 'K6', category: 'validation', description: 'price ids accepted in upper case', file: 'constructs/price-feeds/schema.ts', from: 'export const PRICE_ID_PATTERN = /^(0x)?[0-9a-f]{64}$/;', to: 'export const PRICE_ID_PATTERN = /^(0x)?[0-9a-fA-F]{64}$/;', tests: ['test/price-feeds/hermes/price-ids.test.ts'] },
  { id: 'K7', category: 'validation', description: 'feeds without a price id accepted when Hermes is checked', file: 'constructs/price-feeds/resolve.ts', from: 'if (config.hermes && !priceId)', to: 'if (config.hermes && !priceId && false)', tests: ['test/price-feeds/hermes/price-ids.test.ts'] },
  { id: 'K8', category: 'renderers', description: 'a stale feed pages twice: its freshness burn is not superseded by PythPriceFeedStale', file: 'stacks/feedops-slos.ts', from: "      pageSupersededBy: { alert: PRICE_FEED_ALERTS.priceFeedStale, on: ['symbol'] },\n", to: "      pageSupersededBy: undefined,\n", tests: ['test/slo/feed-freshness.promtool.test.ts'] },

  // --- written after the tests, against the tests that were already there (unseen) -----------------------------------
  { id: 'X1', category: 'routing', unseen: true, description: 'Watchdog waits 30s before its first heartbeat', file: AM_RENDER, from: "group_wait: '0s',", to: "group_wait: '30s',", tests: ROUTING_TESTS },
  { id: 'X2', category: 'routing', unseen: true, description: 'alerts no longer grouped by environment', file: 'constructs/alerting/alertmanager/defaults.ts', from: "DEFAULT_GROUP_BY: readonly string[] = ['alertname', 'environment', 'team', 'symbol'];", to: "DEFAULT_GROUP_BY: readonly string[] = ['alertname', 'team', 'symbol'];", tests: ROUTING_TESTS },
  { id: 'X3', category: 'routing', unseen: true, description: 'inhibition no longer requires the identifying labels: alerts without a symbol count as one object', file: 'constructs/alerting/alertmanager/render-alertmanager-config.ts', from: "const present = (labels: readonly string[]) => labels.filter((label) => label !== 'environment').map((label) => `${label}=~\".+\"`);", to: 'const present = (labels: readonly string[]) => labels.filter(() => false);', tests: ROUTING_TESTS },
  { id: 'X11', category: 'routing', unseen: true, description: "a stale feed no longer hides its own deviation warning", file: 'constructs/price-feeds/rules/inhibitions.ts', from: 'source: [anyOf([PRICE_FEED_ALERTS.priceFeedStale, PRICE_FEED_ALERTS.priceFeedNotTrading, PRICE_FEED_ALERTS.priceFeedMetricsFrozen])],', to: 'source: [anyOf([PRICE_FEED_ALERTS.priceFeedNotTrading, PRICE_FEED_ALERTS.priceFeedMetricsFrozen])],', tests: ROUTING_TESTS },
  { id: 'X4', category: 'routing', unseen: true, description: 'critical pages repeat every 4h instead of hourly', file: 'constructs/alerting/alertmanager/defaults.ts', from: 'groupInterval: Duration.minutes(1), repeatInterval: Duration.hours(1) },', to: 'groupInterval: Duration.minutes(1), repeatInterval: Duration.hours(4) },', tests: ROUTING_TESTS },
  { id: 'X5', category: 'renderers', unseen: true, description: "observer config enables its own Telegram notifier", file: 'constructs/price-feeds/observer/observer-config.ts', from: "events: ['LogEvent'],", to: "events: ['LogEvent', 'TelegramEvent'],", tests: ['test/price-feeds/observer/observer-config.test.ts'] },
  { id: 'X6', category: 'renderers', unseen: true, description: 'dashboard grid 12 columns wide', file: 'constructs/dashboards/grid-layout.ts', from: 'export const GRID_COLUMNS = 24;', to: 'export const GRID_COLUMNS = 12;', tests: ['test/dashboards/grid-layout.test.ts', 'test/dashboards/render-dashboard.test.ts', 'test/dashboards/dashboard-structure.test.ts'] },
  { id: 'X7', category: 'renderers', unseen: true, description: 'Prometheus keeps 1 day of data by default', file: 'constructs/monitoring/kube-prometheus-stack.ts', from: "export const DEFAULT_PROMETHEUS_RETENTION = '15d';", to: "export const DEFAULT_PROMETHEUS_RETENTION = '1d';", tests: ['test/constructs/monitoring/kube-prometheus-stack.test.ts', 'test/stacks/platform-stack.test.ts'] },
  { id: 'X8', category: 'metrics', unseen: true, description: 'observer scraped on 9000 instead of its metrics port 9001', file: 'constructs/price-feeds/observer/observer-manifests.ts', from: 'export const OBSERVER_METRICS_PORT = 9001;', to: 'export const OBSERVER_METRICS_PORT = 9000;', tests: ['test/price-feeds/observer/observer-manifests.test.ts', 'test/stacks/monitors-stack.test.ts', 'test/price-feeds/observer/observer-metrics-upstream.test.ts'] },
  { id: 'X9', category: 'policies', unseen: true, description: 'containers with a writable root filesystem', file: 'constructs/kubernetes/pod-security.ts', from: '  readOnlyRootFilesystem: true,', to: '  readOnlyRootFilesystem: false,', tests: WORKLOAD_TESTS },
  { id: 'X10', category: 'policies', unseen: true, description: 'GitHub OIDC trust for any audience', file: 'constructs/delivery/github-oidc.ts', from: "export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';", to: "export const GITHUB_OIDC_AUDIENCE = 'sigstore';", tests: BOOTSTRAP_TESTS },
  { id: 'X12', category: 'renderers', unseen: true, description: 'PythObserverDown waits 5m instead of 3m', file: 'constructs/price-feeds/rules/observer-rules.ts', from: 'export const OBSERVER_DOWN_FOR = Duration.minutes(3);', to: 'export const OBSERVER_DOWN_FOR = Duration.minutes(5);', tests: ['test/price-feeds/rules/price-feed-rules.promtool.test.ts', 'test/price-feeds/rules/shipped-price-feed-alerts.test.ts'] },
  { id: 'X13', category: 'renderers', unseen: true, description: 'a feed exactly at its staleness limit pages (>= instead of >)', file: 'constructs/price-feeds/rules/asset-type-rules.ts', from: '(${this.select(OBSERVER_METRIC_NAMES.staleness, items)}) > ${limit}`,', to: '(${this.select(OBSERVER_METRIC_NAMES.staleness, items)}) >= ${limit}`,', tests: ['test/price-feeds/rules/price-feed-rules.promtool.test.ts'] },
  { id: 'X14', category: 'renderers', unseen: true, description: 'one observer replica down pages again', file: 'constructs/price-feeds/rules/observer-rules.ts', from: "        severity: Severity.WARNING,\n        summary: 'pyth-observer target {{ $labels.instance }} is down',", to: "        severity: Severity.CRITICAL,\n        summary: 'pyth-observer target {{ $labels.instance }} is down',", tests: ['test/price-feeds/rules/price-feed-rules.test.ts', 'test/price-feeds/rules/shipped-price-feed-alerts.test.ts'] },

  // --- the stale-feed page (issue 13: the design chosen from the alert-quality benchmark) -----------------------------
  { id: 'S1', category: 'renderers', description: 'stale feeds wait 1m again before paging', file: BUDGET, from: 'stalePending: Duration.ZERO,', to: 'stalePending: Duration.minutes(1),', tests: STALE_PAGE_TESTS },
  { id: 'S2', category: 'renderers', description: 'a stale feed resolves (and pages again) as soon as its only observer restarts', file: ASSET_TYPE_RULES, from: '      keepFiringFor: STALE_KEEP_FIRING_FOR,\n', to: '', tests: STALE_PAGE_TESTS },
  { id: 'S3', category: 'renderers', description: "the stale groups are evaluated at Prometheus' 15 s interval", file: ASSET_TYPE_RULES, from: 'interval: ALERT_LATENCY_BUDGET.staleEvaluationInterval, rules: [rules.stale()] }', to: 'rules: [rules.stale()] }', tests: STALE_PAGE_TESTS },
  { id: 'S4', category: 'renderers', description: 'the observer is scraped every 10 s again', file: BUDGET, from: 'scrapeInterval: Duration.seconds(5),', to: 'scrapeInterval: Duration.seconds(10),', tests: STALE_PAGE_TESTS },
  { id: 'S5', category: 'routing', description: 'critical pages wait 5 s in Alertmanager again', file: BUDGET, from: 'criticalGroupWait: Duration.seconds(1),', to: 'criticalGroupWait: Duration.seconds(5),', tests: STALE_PAGE_TESTS },
  { id: 'S6', category: 'validation', description: 'a one-word reason is enough to skip the minute of `for`', file: 'constructs/alerting/rules/validate-rule-groups.ts', from: 'rule.forBelowMinimumBecause.trim().length < MIN_REASON_LENGTH', to: 'rule.forBelowMinimumBecause.trim().length < 1', tests: ['test/alerting/rules/validate-rule-groups.test.ts'] },
];
