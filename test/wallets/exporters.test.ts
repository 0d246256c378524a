import { parse } from 'yaml';
import { EVM_EXPORTER_IMAGE, SOLANA_EXPORTER_IMAGE } from '../../constructs/wallets/exporter-images';
import { renderWalletExporters } from '../../constructs/wallets/wallet-manifests';
import { resolveWallets } from '../../constructs/wallets/resolve';
import { walletsSchema } from '../../constructs/wallets/schema';
import { TEST_PACK, TEST_WALLETS_CONFIG } from './fixtures';

const manifests = renderWalletExporters(TEST_PACK);
const named = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name)!;

describe('wallet exporters', () => {
  test('one exporter per network feedops reads itself; the price-pusher wallet gets none', () => {
    expect(manifests.filter((m) => m.kind === 'Deployment').map((m) => m.metadata.name).sort()).toEqual(['wallet-exporter-ethereum', 'wallet-exporter-solana']);
  });

  test('the EVM exporter config lists every execution node and the network\'s exporter wallets', () => {
    const template = named('ExternalSecret', 'wallet-exporter-ethereum-config').spec.target.template.data['config.yaml'];
    const config = parse(template);
    expect(config.execution).toEqual([
      { name: 'alchemy', url: '{{ .rpc_0 }}', timeout: '10s' },
      { name: 'publicnode', url: 'https://ethereum-rpc.publicnode.com', timeout: '10s' },
    ]);
    expect(config.addresses.account).toEqual([{ name: 'eth-pusher', address: '0x68fc5207dd28339551292b8E94133abd2878936C' }]);
  });

  test('a keyed RPC URL comes from Secrets Manager by name only', () => {
    const secret = named('ExternalSecret', 'wallet-exporter-ethereum-config');
    expect(secret.spec.data).toEqual([{ secretKey: 'rpc_0', remoteRef: { key: 'prod/feedops/wallet-rpc', property: 'ethereum-alchemy' } }]);
    const pod = named('Deployment', 'wallet-exporter-ethereum').spec.template.spec;
    expect(pod.volumes).toEqual([{ name: 'config', secret: { secretName: 'wallet-exporter-ethereum-config' } }]);
  });

  test('solana-exporter reads balances (no light mode) of its wallets from its one RPC', () => {
    const container = named('Deployment', 'wallet-exporter-solana').spec.template.spec.containers[0];
    expect(container.args).toEqual(['-rpc-url=https://api.mainnet-beta.solana.com', '-listen-address=:8080', '-balance-address=54bdPj85i7qR5C3aRGQTDTrgmCYSjypvak5xXZGDp2Lt']);
  });

  test('images are the pinned constants, replicas and PDB from config', () => {
    expect(named('Deployment', 'wallet-exporter-ethereum').spec.template.spec.containers[0].image).toBe(EVM_EXPORTER_IMAGE);
    expect(named('Deployment', 'wallet-exporter-solana').spec.template.spec.containers[0].image).toBe(SOLANA_EXPORTER_IMAGE);
    expect(named('Deployment', 'wallet-exporter-ethereum').spec.replicas).toBe(2);
    expect(named('PodDisruptionBudget', 'wallet-exporter-ethereum').spec).toMatchObject({ minAvailable: 1 });
  });

  test('the ServiceMonitor gives each exporter the job its recording rules select', () => {
    const monitor = named('ServiceMonitor', 'wallet-exporter-ethereum');
    const service = named('Service', 'wallet-exporter-ethereum');
    expect(service.metadata.labels[monitor.spec.jobLabel]).toBe('wallet-exporter-ethereum');
  });
});

describe('solana-exporter with a keyed RPC URL', () => {
  const keyed = resolveWallets(
    walletsSchema.parse({ ...TEST_WALLETS_CONFIG, networks: { ...TEST_WALLETS_CONFIG.networks, solana: { family: 'solana', rpc: [{ name: 'helius', secretProperty: 'solana-helius' }] } } }),
    { environment: 'prod', namespace: 'monitors', runbookBaseUrl: TEST_PACK.runbookBaseUrl },
  );
  const objects = renderWalletExporters(keyed);

  test('takes the URL from a Secret synced from Secrets Manager into the flag, never as text', () => {
    const container = objects.find((m) => m.kind === 'Deployment' && m.metadata.name === 'wallet-exporter-solana')!.spec.template.spec.containers[0];
    expect(container.args[0]).toBe('-rpc-url=$(RPC_URL)');
    expect(container.env).toEqual([{ name: 'RPC_URL', valueFrom: { secretKeyRef: { name: 'wallet-exporter-solana-rpc', key: 'rpc-url' } } }]);
    const secret = objects.find((m) => m.kind === 'ExternalSecret' && m.metadata.name === 'wallet-exporter-solana-rpc')!;
    expect(secret.spec.data).toEqual([{ secretKey: 'rpc-url', remoteRef: { key: 'prod/feedops/wallet-rpc', property: 'solana-helius' } }]);
  });
});
