import * as fs from 'fs';
import * as path from 'path';
import { WALLET_ALERTS } from '../../constructs/wallets/alert-names';
import { renderWalletRules } from '../../constructs/wallets/wallet-rules';
import { alertsOf } from '../alerting/promtool/rendered-alerts';
import { TEST_PACK } from './fixtures';

// Compiled to dist/test/wallets; the runbooks live in the source tree.
const RUNBOOKS = path.resolve(__dirname, '../../../docs/runbooks');
const REQUIRED_SECTIONS = ['## What it means', '## Impact on consumers', '## First steps', '## Silence safely'];
const alertNames = Object.values(WALLET_ALERTS);
const runbook = (alert: string) => fs.readFileSync(path.join(RUNBOOKS, `${alert}.md`), 'utf8');

describe('wallet runbooks', () => {
  test('every alert links the runbook page named after it', () => {
    for (const { rule } of alertsOf(renderWalletRules(TEST_PACK).rulesFile)) {
      expect(rule.annotations.runbook_url).toBe(`${TEST_PACK.runbookBaseUrl}/${rule.alert}.md`);
    }
  });

  test.each(alertNames)('%s runbook exists and is titled with the alert name', (alert) => {
    expect(runbook(alert).split('\n')[0]).toBe(`# ${alert}`);
  });

  test.each(alertNames)('%s runbook explains meaning, impact, first steps and silencing', (alert) => {
    const text = runbook(alert);
    expect(REQUIRED_SECTIONS.filter((section) => !text.includes(`\n${section}`))).toEqual([]);
  });

  test.each(alertNames)('%s runbook shows a narrow amtool silence with an expiry and a comment', (alert) => {
    const silence = /amtool silence add[^`]*/.exec(runbook(alert))?.[0] ?? '';
    expect({
      alertname: silence.includes(`alertname=${alert}`),
      environment: /environment=/.test(silence),
      scope: /(wallet|job)=/.test(silence),
      expiry: /--(duration|end)=/.test(silence),
      comment: /--comment=/.test(silence),
    }).toEqual({ alertname: true, environment: true, scope: true, expiry: true, comment: true });
  });
});
