import * as fs from 'fs';
import * as path from 'path';
import { renderPriceFeedRules } from '../../../constructs/price-feeds/rules/price-feed-rules';
import { alertsOf } from '../../alerting/promtool/rendered-alerts';
import { FEED_SETS } from '../fixtures';

// Compiled to dist/test/price-feeds/rules; the runbooks live in the source tree.
const RUNBOOKS = path.resolve(__dirname, '../../../../docs/runbooks');
const REQUIRED_SECTIONS = ['## What it means', '## Impact on consumers', '## First steps', '## Silence safely'];

const alertNames = [...new Set(Object.values(FEED_SETS).flatMap((options) => alertsOf(renderPriceFeedRules(options).rulesFile).map(({ rule }) => rule.alert)))].sort();
const runbook = (alert: string) => fs.readFileSync(path.join(RUNBOOKS, `${alert}.md`), 'utf8');

describe('price-feed runbooks', () => {
  test('every alert of the pack has a runbook file', () => {
    expect(alertNames.filter((alert) => !fs.existsSync(path.join(RUNBOOKS, `${alert}.md`)))).toEqual([]);
  });

  test.each(alertNames)('%s runbook is titled with the alert name', (alert) => {
    expect(runbook(alert).split('\n')[0]).toBe(`# ${alert}`);
  });

  test.each(alertNames)('%s runbook explains meaning, impact, first steps and silencing', (alert) => {
    const text = runbook(alert);
    expect(REQUIRED_SECTIONS.filter((section) => !text.includes(`\n${section}`))).toEqual([]);
  });

  test.each(alertNames)('%s runbook shows an amtool silence matching the alert and environment, with an expiry and a comment', (alert) => {
    const silence = /amtool silence add[^`]*/.exec(runbook(alert))?.[0] ?? '';
    expect({
      alertname: new RegExp(`alertname=~?"?[^\\s]*\\b${alert}\\b`).test(silence),
      environment: /environment=/.test(silence),
      expiry: /--(duration|end)=/.test(silence),
      comment: /--comment=/.test(silence),
    }).toEqual({ alertname: true, environment: true, expiry: true, comment: true });
  });
});
