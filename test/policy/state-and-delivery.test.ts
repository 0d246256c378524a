// CHECKS.md 15-17 over every synthesized stack of every environment.
import { declaredPriceIds } from '../../constructs/price-feeds/resolve';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { environmentPriceFeeds } from '../../stacks/environment-monitors';
import { findSecrets } from '../support/secret-scan';
import { resources, synthesizedStacks } from '../support/synth';

const stacks = Object.entries(synthesizedStacks());
const { environments } = validateEnvironments(ENVIRONMENTS, delivery);
/** The Pyth price ids each environment's feed model declares: the only 64-hex values its stacks may hold. */
const publicIdsOf = (stack: string) => new Set(environments.filter((env) => stack.startsWith(`${env.name}-`)).flatMap((env) => declaredPriceIds(environmentPriceFeeds(env))));

describe.each(stacks)('%s', (stack, tf) => {
  test('15. the synthesized configuration contains nothing that looks like a secret (public price ids the model declares aside)', () => {
    expect(findSecrets(stack, JSON.stringify(tf), publicIdsOf(stack))).toEqual([]);
  });

  test('16. no Kubernetes secret with literal data and no helm_release set_sensitive', () => {
    const problems = [
      ...['kubernetes_secret', 'kubernetes_secret_v1']
        .flatMap((type) => resources(tf, type))
        .filter((secret) => secret.config.data || secret.config.binary_data)
        .map((secret) => `${secret.address} carries literal secret data`),
      ...resources(tf, 'helm_release').filter((release) => release.config.set_sensitive).map((release) => `${release.address} uses set_sensitive`),
      ...resources(tf, 'kubernetes_manifest').filter((manifest) => manifest.config.manifest?.kind === 'Secret').map((manifest) => `${manifest.address} is a literal Secret manifest`),
    ];
    expect(problems).toEqual([]);
  });

  test('17. every helm_release pins an exact chart version from an https repository, atomic, with a timeout', () => {
    const releases = resources(tf, 'helm_release');
    // Only the platform stacks install charts (external-secrets, kube-prometheus-stack, blackbox exporter).
    expect(releases.length > 0).toBe(stack.endsWith('-platform'));
    const unpinned = releases.filter(({ config }) => !/^\d+\.\d+\.\d+$/.test(config.version) || !/^https:\/\//.test(config.repository) || config.atomic !== true || !(config.timeout > 0));
    expect(unpinned.map((release) => release.address)).toEqual([]);
  });
});

describe('the secret scan', () => {
  // Planted values are assembled at run time so the repository itself never holds a secret-shaped literal.
  const slackHost = ['hooks', 'slack', 'com'].join('.');
  test.each([
    ['a Slack webhook', `https://${slackHost}/services/T000/B000/XXXX`],
    ['a Slack bot token', ['xoxb', '123456789012', 'abcdefABCDEF'].join('-')],
    ['an AWS access key', `AKIA${'IOSFODNN7EXAMPLE'}`],
    ['a private key', `-----BEGIN OPENSSH ${'PRIVATE'} KEY-----`],
    ['a raw 64-hex key', 'a'.repeat(64)],
  ])('finds %s (the check can fail)', (_what, planted) => {
    expect(findSecrets('fixture', JSON.stringify({ value: `prefix ${planted} suffix` }))).toHaveLength(1);
  });

  test('a declared public price id passes, with or without 0x; any other 64-hex value beside it is still found', () => {
    const priceId = 'b'.repeat(64);
    const allowed = new Set([priceId]);
    expect(findSecrets('fixture', JSON.stringify({ target: `https://hermes.example/latest?ids[]=${priceId}`, other: `0x${priceId}` }), allowed)).toEqual([]);
    expect(findSecrets('fixture', JSON.stringify({ target: `ids[]=${priceId}`, key: 'c'.repeat(64) }), allowed)).toEqual(['fixture: 64-hex raw key "cccccccccccccccccccccccc..."']);
  });

  test('the prod stacks hold price ids, so the allow-list is what lets them pass', () => {
    const prod = stacks.find(([name]) => name === 'prod-monitors')![1];
    expect(findSecrets('prod-monitors', JSON.stringify(prod))).toEqual([expect.stringContaining('64-hex raw key')]);
  });
});
