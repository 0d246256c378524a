import { ALERT_LATENCY_BUDGET, worstCaseAlertLatencySeconds } from '../../constructs/alerting/alert-latency-budget';
import { DEFAULT_ROUTE_TIMING } from '../../constructs/alerting/alertmanager/defaults';
import { Duration } from '../../constructs/core/duration';
import { PROMETHEUS_EVALUATION_INTERVAL } from '../../constructs/monitoring/kube-prometheus-stack';
import { OBSERVER_SCRAPE_INTERVAL } from '../../constructs/price-feeds/observer/observer-manifests';
import { DEFAULT_PENDING_FOR } from '../../constructs/price-feeds/pending-for';
import { STALE_FEED_PAGE_BUDGET_SECONDS } from '../../scripts/alert-path/synthesized-alerting';

describe('the alert-latency budget', () => {
  test('adds up, worst case from the last update, to no more than the 70 s target', () => {
    // 120 slots (48 s) + observer loop 9 s + 5 s scrape + 5 s stale-group evaluation + no pending + 1 s critical group_wait.
    expect(worstCaseAlertLatencySeconds()).toBe(68);
    expect(worstCaseAlertLatencySeconds()).toBeLessThanOrEqual(ALERT_LATENCY_BUDGET.target.toSeconds());
  });

  test('rounds a pending time up to whole evaluations of the stale group (the rule fires at the next evaluation after it)', () => {
    expect(worstCaseAlertLatencySeconds({ ...ALERT_LATENCY_BUDGET, stalePending: Duration.seconds(12) })).toBe(48 + 9 + 5 + 5 + 15 + 1);
  });

  test('counts the staleness limit: a feed allowed more slots pages later', () => {
    expect(worstCaseAlertLatencySeconds(ALERT_LATENCY_BUDGET, 200) - worstCaseAlertLatencySeconds()).toBe(80 * 0.4);
  });

  test('the parts are what the workloads are configured with', () => {
    expect(OBSERVER_SCRAPE_INTERVAL.toSeconds()).toBe(ALERT_LATENCY_BUDGET.scrapeInterval.toSeconds());
    expect(PROMETHEUS_EVALUATION_INTERVAL).toBe(ALERT_LATENCY_BUDGET.evaluationInterval.toPrometheus());
    expect(DEFAULT_PENDING_FOR.stale.toSeconds()).toBe(ALERT_LATENCY_BUDGET.stalePending.toSeconds());
    expect(DEFAULT_ROUTE_TIMING.critical.groupWait.toSeconds()).toBe(ALERT_LATENCY_BUDGET.criticalGroupWait.toSeconds());
  });

  test('the synthesized stacks are checked against the same target', () => {
    expect(STALE_FEED_PAGE_BUDGET_SECONDS).toBe(ALERT_LATENCY_BUDGET.target.toSeconds());
  });
});
