import { stringify } from 'yaml';
import { refuseUpdateUnderCi, reviewable } from './support/snapshots';
import type { TerraformJson } from './support/synth';

describe('snapshot updating', () => {
  test.each(['true', '1', 'yes'])('fails when UPDATE_SNAPSHOTS=1 is set under CI=%s, saying what to do instead', (ci) => {
    expect(() => refuseUpdateUnderCi({ UPDATE_SNAPSHOTS: '1', CI: ci })).toThrow(/refused under CI[\s\S]*npm run snapshots:update/);
  });

  test.each([{ UPDATE_SNAPSHOTS: '1' }, { UPDATE_SNAPSHOTS: '1', CI: 'false' }, { CI: 'true' }])('allows %j', (environment) => {
    expect(() => refuseUpdateUnderCi(environment)).not.toThrow();
  });
});

describe('the reviewable form of a stack', () => {
  const values = { alertmanager: { config: { route: { receiver: 'platform-alerts' } } }, replicas: 2 };
  const stack: TerraformJson = {
    terraform: {},
    resource: {
      helm_release: { monitoring: { chart: 'kube-prometheus-stack', values: [stringify(values)] } },
      kubernetes_manifest: { rule: { manifest: { kind: 'PrometheusRule' } } },
    },
  };

  test('shows Helm values parsed, so one changed key is one changed line', () => {
    const shown = JSON.stringify(reviewable(stack), null, 2);
    expect(reviewable(stack).resource!.helm_release.monitoring.values).toEqual([{ yaml: values }]);
    expect(shown).toMatch(/\n\s+"receiver": "platform-alerts"\n/);
  });

  test('leaves everything else as synthesized and does not change its input', () => {
    const before = JSON.stringify(stack);
    expect(reviewable(stack).resource!.kubernetes_manifest).toEqual(stack.resource!.kubernetes_manifest);
    expect(JSON.stringify(stack)).toBe(before);
  });
});
