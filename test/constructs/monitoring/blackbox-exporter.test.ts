import { BLACKBOX_MODULES, BlackboxExporter, BlackboxExporterProps } from '../../../constructs/monitoring/blackbox-exporter';
import { helmValues } from '../../support/helm-values';
import { synthConstruct } from '../../support/synth';

const valuesOf = (overrides: Partial<BlackboxExporterProps> = {}) =>
  helmValues(synthConstruct((scope) => new BlackboxExporter(scope, 'blackbox', { namespace: 'monitoring', ...overrides })), 'prometheus-blackbox-exporter');

test('defaults: one replica, no disruption budget (the chart copies the map into the PDB spec), requests and limits', () => {
  const values = valuesOf();
  expect(values.replicas).toBe(1);
  expect(values.podDisruptionBudget).toEqual({});
  expect(values.resources).toEqual({ requests: { cpu: '25m', memory: '32Mi' }, limits: { cpu: '200m', memory: '128Mi' } });
});

test('replicas above one get a budget keeping all but one', () => {
  expect(valuesOf({ replicas: 3 }).podDisruptionBudget).toEqual({ minAvailable: 2 });
});

test('the modules Probe objects refer to exist, the JSON-RPC one checking for a result', () => {
  const modules = valuesOf().config.modules;
  expect(Object.keys(modules).sort()).toEqual(Object.values(BLACKBOX_MODULES).sort());
  expect(modules[BLACKBOX_MODULES.httpJsonRpc].http.fail_if_body_not_matches_regexp).toEqual(['"result"']);
});

test('proberAddress is host:port without a scheme, as a Probe\'s prober.url requires', () => {
  let address = '';
  synthConstruct((scope) => {
    address = new BlackboxExporter(scope, 'blackbox', { namespace: 'monitoring' }).proberAddress;
  });
  expect(address).toBe('blackbox-exporter-prometheus-blackbox-exporter.monitoring.svc:9115');
});
