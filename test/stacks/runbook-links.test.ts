import * as fs from 'fs';
import * as path from 'path';
import { resources, synthesizedStacks } from '../support/synth';

// Every alert of every PrometheusRule in the synthesized monitors stacks (price feeds, wallets, endpoints, SLOs) links a runbook
// that exists in this repository. The base is written here by hand (where this repository's runbooks are
// published), not read from the environment data, so a base URL whose every link 404s fails.
const PUBLISHED_RUNBOOKS = 'https://github.com/example-org/feedops/blob/main/docs/runbooks/';
// Compiled to dist/test/stacks; the runbooks live in the source tree.
const RUNBOOK_DIR = path.resolve(__dirname, '../../../docs/runbooks');
const ENVIRONMENTS = ['dev', 'staging', 'prod'];
/** Rule packs every environment ships, by PrometheusRule name. */
const SHIPPED_RULES = ['feedops-wallets', 'pyth-price-feeds'];

function alertsOf(environment: string): { rule: string; alert: string; runbookUrl: unknown }[] {
  const manifests = resources(synthesizedStacks()[`${environment}-monitors`], 'kubernetes_manifest').map((resource) => resource.config.manifest);
  return manifests
    .filter((manifest) => manifest.kind === 'PrometheusRule')
    .flatMap((manifest) =>
      manifest.spec.groups.flatMap((group: { rules: Array<Record<string, any>> }) =>
        group.rules.filter((rule) => 'alert' in rule).map((rule) => ({ rule: manifest.metadata.name, alert: rule.alert, runbookUrl: rule.annotations?.runbook_url })),
      ),
    );
}

/**
 * The runbook page of an alert: `<AlertName>.md`, except the alerts of one SLO (its fast and slow burn, and its
 * no-data alert), which share the SLO's page `<SloAlertName>Slo.md` and are each named on it.
 */
function runbookPageOf(alert: string): { page: string; title: string } {
  const slo = /^(.+?)(ErrorBudgetBurn|ErrorBudgetSlowBurn|NoData)$/.exec(alert);
  return slo ? { page: `${slo[1]}Slo.md`, title: `# ${slo[1]}Slo` } : { page: `${alert}.md`, title: `# ${alert}` };
}

describe.each(ENVIRONMENTS)('runbook links of %s', (environment) => {
  const alerts = alertsOf(environment);

  test('the stack ships the price-feed and wallet PrometheusRules, with alerts', () => {
    expect([...new Set(alerts.map((alert) => alert.rule))].sort()).toEqual(expect.arrayContaining(SHIPPED_RULES));
    expect(alerts.length).toBeGreaterThan(10);
  });

  test('every alert links <published runbooks>/<AlertName>.md (an SLO\'s alerts: the SLO\'s page)', () => {
    expect(alerts.filter(({ alert, runbookUrl }) => runbookUrl !== `${PUBLISHED_RUNBOOKS}${runbookPageOf(alert).page}`)).toEqual([]);
  });

  test('every linked runbook is a file in docs/runbooks titled with its alert', () => {
    const broken = alerts.filter(({ alert, runbookUrl }) => {
      const file = path.join(RUNBOOK_DIR, String(runbookUrl).slice(PUBLISHED_RUNBOOKS.length));
      if (!fs.existsSync(file)) return true;
      const text = fs.readFileSync(file, 'utf8');
      // A shared SLO page must name each of its alerts.
      return text.split('\n')[0] !== runbookPageOf(alert).title || !text.includes(alert);
    });
    expect(broken).toEqual([]);
  });
});
