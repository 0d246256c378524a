import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SLACK_COLOR_TEMPLATE, SLACK_TEXT_TEMPLATE, SLACK_TITLE_TEMPLATE } from '../../../constructs/alerting/alertmanager';
import { runTool } from '../../support/tools';

const RUNBOOK = 'https://github.com/example/feedops/blob/main/docs/runbooks/feed-stale.md';

const FULL_LABELS: Record<string, string> = { alertname: 'FeedStale', severity: 'critical', environment: 'prod', team: 'feeds', symbol: 'Crypto.BTC/USD' };
const FULL_ANNOTATIONS: Record<string, string> = { summary: 'BTC/USD has not updated for 5m', description: 'Last update 312 slots ago', runbook_url: RUNBOOK };

function notification(status: 'firing' | 'resolved', labels = FULL_LABELS, annotations = FULL_ANNOTATIONS) {
  return {
    receiver: 'feeds-critical',
    status,
    alerts: [{ status, labels, annotations, startsAt: '2026-01-05T15:00:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus/graph', fingerprint: '1' }],
    groupLabels: { alertname: 'FeedStale', environment: 'prod' },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: 'http://alertmanager',
  };
}

describe('the Slack message templates (amtool template render)', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-slack-message-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  function render(template: string, status: 'firing' | 'resolved', data = notification(status)) {
    const dataFile = path.join(directory, 'notification.json');
    fs.writeFileSync(dataFile, JSON.stringify(data));
    // The glob matches nothing on purpose: the templates must not depend on template files.
    const result = runTool('amtool', ['template', 'render', `--template.glob=${directory}/*.tmpl`, `--template.data=${dataFile}`, `--template.text=${template}`]);
    expect(result.status).toBe(0);
    return result.output;
  }

  test('the title says firing, the count, severity, alert name and environment', () => {
    expect(render(SLACK_TITLE_TEMPLATE, 'firing')).toBe('[FIRING:1] critical FeedStale in prod');
  });

  test('the title says when the alert is resolved', () => {
    expect(render(SLACK_TITLE_TEMPLATE, 'resolved')).toMatch(/^\[RESOLVED\] /);
  });

  test('the text carries environment, severity, symbol, summary, description and the runbook link', () => {
    const text = render(SLACK_TEXT_TEMPLATE, 'firing');
    for (const expected of ['prod', 'critical', 'Crypto.BTC/USD', 'BTC/USD has not updated for 5m', 'Last update 312 slots ago', `<${RUNBOOK}|runbook>`]) {
      expect(text).toContain(expected);
    }
  });

  test('the colour is red for a firing critical alert and green once resolved', () => {
    expect(render(SLACK_COLOR_TEMPLATE, 'firing')).toBe('danger');
    expect(render(SLACK_COLOR_TEMPLATE, 'resolved')).toBe('good');
  });

  test('an alert without severity, environment or annotations (default receiver) still renders and says what is missing', () => {
    const bare = notification('firing', { alertname: 'SomethingNew' }, {});
    expect(render(SLACK_TITLE_TEMPLATE, 'firing', bare)).toBe('[FIRING:1] no severity SomethingNew in unknown environment');
    const text = render(SLACK_TEXT_TEMPLATE, 'firing', bare);
    for (const expected of ['(no summary)', '(no description)', '*Runbook:* (none)']) expect(text).toContain(expected);
  });
});
