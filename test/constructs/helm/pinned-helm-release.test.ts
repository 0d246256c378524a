import { parse } from 'yaml';
import { deepMerge } from '../../../constructs/core/deep-merge';
import { PinnedHelmRelease, PinnedHelmReleaseProps } from '../../../constructs/helm/pinned-helm-release';
import { resources, synthConstruct } from '../../support/synth';

const CHART = { chart: 'example', repository: 'https://charts.example.com', version: '1.2.3' };
const synthRelease = (overrides: Partial<PinnedHelmReleaseProps> = {}) =>
  resources(synthConstruct((scope) => new PinnedHelmRelease(scope, 'release', { releaseName: 'example', namespace: 'tools', chart: CHART, ...overrides })), 'helm_release')[0].config;

test('defaults: exact version, atomic with cleanup, waits 600 s, creates the namespace, bounded history', () => {
  expect(synthRelease()).toEqual(expect.objectContaining({
    chart: 'example', repository: 'https://charts.example.com', version: '1.2.3', atomic: true, cleanup_on_fail: true,
    wait: true, timeout: 600, create_namespace: true, max_history: 10,
  }));
});

test('timeoutSeconds and createNamespace override the defaults', () => {
  expect(synthRelease({ timeoutSeconds: 900, createNamespace: false })).toEqual(expect.objectContaining({ timeout: 900, create_namespace: false }));
});

test('values are YAML of the defaults deep-merged with the caller\'s, the caller winning', () => {
  const config = synthRelease({
    defaultValues: { replicas: 1, resources: { requests: { cpu: '50m', memory: '64Mi' } }, args: ['--a'] },
    values: { replicas: 3, resources: { requests: { cpu: '1' } }, args: ['--b'] },
  });
  expect(parse(config.values[0])).toEqual({ replicas: 3, resources: { requests: { cpu: '1', memory: '64Mi' } }, args: ['--b'] });
});

test('deepMerge leaves both inputs untouched', () => {
  const base = { a: { b: 1 } };
  const merged = deepMerge(base, { a: { c: 2 } });
  expect(merged).toEqual({ a: { b: 1, c: 2 } });
  expect(base).toEqual({ a: { b: 1 } });
});

test('fails when the chart version is a range or a tag', () => {
  expect(() => synthRelease({ chart: { ...CHART, version: '^1.2.0' } })).toThrow('version "^1.2.0" is not exact (allowed: a version such as 1.2.3)');
  expect(() => synthRelease({ chart: { ...CHART, version: 'latest' } })).toThrow('is not exact');
});

test('fails when the repository is not https', () => {
  expect(() => synthRelease({ chart: { ...CHART, repository: 'http://charts.example.com' } })).toThrow('repository "http://charts.example.com" (allowed: an https:// URL)');
});

test('values are block YAML, one key per line, without anchors or folded lines, so a diff shows the changed key', () => {
  const shared = { requests: { cpu: '50m' } };
  const long = 'x'.repeat(300);
  const [document] = synthRelease({ values: { webhook: { resources: shared }, controller: { resources: shared }, note: long } }).values;
  expect(document).toBe(`webhook:\n  resources:\n    requests:\n      cpu: 50m\ncontroller:\n  resources:\n    requests:\n      cpu: 50m\nnote: ${long}\n`);
});
