import { ALERT_LATENCY_BUDGET, worstCaseAlertLatencySeconds } from '../../constructs/alerting/alert-latency-budget';
import { DEFAULT_ROUTE_TIMING } from '../../constructs/alerting/alertmanager/defaults';
import { Duration } from '../../constructs/core/duration';
import { PROMETHEUS_EVALUATION_INTERVAL } from '../../constructs/monitoring/kube-prometheus-stack';
import { OBSERVER_SCRAPE_INTERVAL } from '../../constructs/price-feeds/observer/observer-manifests';
import { DEFAULT_PENDING_FOR } from '../../constructs/price-feeds/pending-for';

describe('the alert-latency budget', () => {
  test('adds up, worst case, to no more than the 90 s target', () => {
    // 10 s scrape + 15 s evaluation + 60 s pending (4 whole evaluations) + 5 s critical group_wait.
    expect(worstCaseAlertLatencySeconds()).toBe(90);
    expect(worstCaseAlertLatencySeconds()).toBeLessThanOrEqual(ALERT_LATENCY_BUDGET.target.toSeconds());
  });

  test('rounds a pending time up to whole evaluations (the rule fires at the next evaluation after it)', () => {
    expect(worstCaseAlertLatencySeconds({ ...ALERT_LATENCY_BUDGET, stalePending: Duration.seconds(70) })).toBe(10 + 15 + 75 + 5);
  });

  test('the parts are what the workloads are configured with', () => {
    expect(OBSERVER_SCRAPE_INTERVAL.toSeconds()).toBe(ALERT_LATENCY_BUDGET.scrapeInterval.toSeconds());
    expect(PROMETHEUS_EVALUATION_INTERVAL).toBe(ALERT_LATENCY_BUDGET.evaluationInterval.toPrometheus());
    expect(DEFAULT_PENDING_FOR.stale.toSeconds()).toBe(ALERT_LATENCY_BUDGET.stalePending.toSeconds());
    expect(DEFAULT_ROUTE_TIMING.critical.groupWait.toSeconds()).toBe(ALERT_LATENCY_BUDGET.criticalGroupWait.toSeconds());
  });
});
