// CHECKS.md 15-17 over every synthesized stack of every environment.
import { findSecrets } from '../support/secret-scan';
import { resources, synthesizedStacks } from '../support/synth';

const stacks = Object.entries(synthesizedStacks());

describe.each(stacks)('%s', (stack, tf) => {
  test('15. the synthesized configuration contains nothing that looks like a secret', () => {
    expect(findSecrets(stack, JSON.stringify(tf))).toEqual([]);
  });

  test('16. no Kubernetes secret with literal data and no helm_release set_sensitive', () => {
    for (const type of ['kubernetes_secret', 'kubernetes_secret_v1']) {
      for (const secret of resources(tf, type)) {
        if (secret.config.data || secret.config.binary_data) throw new Error(`${stack}: ${secret.address} carries literal secret data`);
      }
    }
    for (const release of resources(tf, 'helm_release')) {
      if (release.config.set_sensitive) throw new Error(`${stack}: ${release.address} uses set_sensitive`);
    }
    for (const manifest of resources(tf, 'kubernetes_manifest')) {
      if (manifest.config.manifest?.kind === 'Secret') throw new Error(`${stack}: ${manifest.address} is a literal Secret manifest`);
    }
  });

  test('17. every helm_release pins an exact chart version from an https repository, atomic, with a timeout', () => {
    for (const release of resources(tf, 'helm_release')) {
      const { version, repository, atomic, timeout } = release.config;
      expect({ release: release.address, version, repository, atomic, timeout }).toEqual({
        release: release.address,
        version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
        repository: expect.stringMatching(/^https:\/\//),
        atomic: true,
        timeout: expect.any(Number),
      });
    }
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
});
