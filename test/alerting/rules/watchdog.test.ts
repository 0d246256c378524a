import { renderRules, type RenderedAlertingRule } from '../../../constructs/alerting/rules/render-rules';
import { Runbook } from '../../../constructs/alerting/rules/runbook';
import { watchdogRule } from '../../../constructs/alerting/rules/watchdog';
import { aGroup, RENDER_OPTIONS, RUNBOOK_BASE } from './fixtures';

function renderedWatchdog(): RenderedAlertingRule {
  const rule = watchdogRule({ team: 'platform', runbook: Runbook.at(RUNBOOK_BASE, 'Watchdog') });
  return renderRules([aGroup([rule])], RENDER_OPTIONS).rulesFile.groups[0].rules[0] as RenderedAlertingRule;
}

describe('watchdogRule', () => {
  test('always fires', () => {
    expect(renderedWatchdog().expr).toBe('vector(1)');
  });

  test('fires without waiting', () => {
    expect(renderedWatchdog()).not.toHaveProperty('for');
  });

  test('has severity info, so it never pages on its own', () => {
    expect(renderedWatchdog().labels.severity).toBe('info');
  });

  test('is marked as the heartbeat for Alertmanager routing', () => {
    expect(renderedWatchdog().labels).toMatchObject({ heartbeat: 'true' });
  });
});
