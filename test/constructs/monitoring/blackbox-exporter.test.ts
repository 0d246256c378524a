import { BlackboxExporter, BlackboxExporterProps } from '../../../constructs/monitoring/blackbox-exporter';
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

test('has no hand-written modules: without endpoints it renders none', () => {
  expect(valuesOf().config.modules).toEqual({});
});

test('renders the modules it is given, unchanged, and mounts credential secrets read-only', () => {
  const modules = { endpoint_api: { prober: 'http', timeout: '5s', http: { valid_status_codes: [200] } } };
  const values = valuesOf({ modules, secretMounts: [{ secretName: 'probe-credentials-rpc', mountPath: '/etc/blackbox-exporter/secrets/probe-credentials-rpc' }] });
  expect(values.config.modules).toEqual(modules);
  expect(values.extraSecretMounts).toEqual([
    { name: 'probe-credentials-rpc', secretName: 'probe-credentials-rpc', mountPath: '/etc/blackbox-exporter/secrets/probe-credentials-rpc', readOnly: true },
  ]);
});

test('proberAddress is host:port without a scheme, as a Probe\'s prober.url requires', () => {
  let address = '';
  synthConstruct((scope) => {
    address = new BlackboxExporter(scope, 'blackbox', { namespace: 'monitoring' }).proberAddress;
  });
  expect(address).toBe('blackbox-exporter-prometheus-blackbox-exporter.monitoring.svc:9115');
});
