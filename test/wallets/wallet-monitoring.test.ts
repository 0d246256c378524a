import * as fs from 'fs';
import * as path from 'path';
import { delivery, ENVIRONMENTS } from '../../environments';
import { validateEnvironments } from '../../environments/validate';
import { writeRulesFile } from '../alerting/promtool/rules-file';
import { resources, synthesizedStacks } from '../support/synth';
import { runTool } from '../support/tools';

const stacks = synthesizedStacks();
const { environments } = validateEnvironments(ENVIRONMENTS, delivery);

describe.each(environments.map((env) => [env.name, env] as const))('%s-monitors wallets', (name, env) => {
  const tf = stacks[`${name}-monitors`];
  const manifests = resources(tf, 'kubernetes_manifest').map((r) => r.config.manifest as Record<string, any>);
  const rule = manifests.find((m) => m.kind === 'PrometheusRule' && m.metadata.name === 'feedops-wallets')!;

  test('every environment file has EVM and Solana example wallets', () => {
    const families = new Set(Object.values(env.wallets!.wallets).map((wallet) => env.wallets!.networks[wallet.network].family));
    expect([...families].sort()).toEqual(expect.arrayContaining(['evm', 'solana']));
  });

  test('the synthesized wallet PrometheusRule passes promtool check rules with lint fatal', () => {
    const file = writeRulesFile(rule.spec);
    try {
      const result = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', file]);
      expect(result.output).toContain('SUCCESS');
      expect(result.status).toBe(0);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  test('every configured wallet has its balance contract and an absent companion', () => {
    const text = JSON.stringify(rule.spec);
    for (const wallet of Object.keys(env.wallets!.wallets)) {
      expect(text).toContain(`absent(feedops:wallet_balance:native{wallet=\\"${wallet}\\"})`);
      expect(rule.spec.groups.map((g: any) => g.name)).toContain(`wallet-${wallet}`);
    }
  });

  test('keyed RPC endpoints appear only as Secrets Manager property names, never as URLs', () => {
    const text = JSON.stringify(tf);
    for (const network of Object.values(env.wallets!.networks)) {
      for (const endpoint of network.rpc) {
        if ('secretProperty' in endpoint) expect(text).toContain(`"property":"${endpoint.secretProperty}"`);
      }
    }
    // The wallet pack's own objects carry no keyed provider URL (the endpoint pack probes a keyless base URL and sends
    // its key in a header, so the check is on the wallets' objects).
    const walletObjects = JSON.stringify(Object.entries(tf.resource?.kubernetes_manifest ?? {}).filter(([address]) => address.startsWith('wallets_')));
    expect(walletObjects.length).toBeGreaterThan(100);
    expect(walletObjects).not.toMatch(/https:\/\/[^"]*(alchemy|infura)[^"]*/);
  });
});
