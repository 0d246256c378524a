import { delivery, ENVIRONMENTS } from '../../environments';
import { formatProblem } from '../../constructs/core/validation-error';
import { validateEnvironment } from '../../environments/validate';

const prod = ENVIRONMENTS.prod as unknown as Record<string, any>;
const withWallets = (change: (wallets: Record<string, any>) => void) => {
  const copy = structuredClone(prod);
  change(copy.wallets);
  return validateEnvironment('prod', copy).problems.map(formatProblem);
};

describe('the wallets field of an environment', () => {
  test('every environment file passes as it is', () => {
    for (const [name, env] of Object.entries(ENVIRONMENTS)) expect({ name, problems: validateEnvironment(name, env).problems }).toEqual({ name, problems: [] });
    expect(delivery).toBeDefined();
  });

  test('fails when an EVM address fails its checksum', () => {
    expect(withWallets((w) => (w.wallets['ethereum-pusher'].address = '0x68FC5207dd28339551292b8E94133abd2878936C'))).toEqual([
      'prod: wallets.wallets.ethereum-pusher.address: "0x68FC5207dd28339551292b8E94133abd2878936C" fails its EIP-55 checksum (allowed: "0x68fc5207dd28339551292b8E94133abd2878936C" if that is the intended address)',
    ]);
  });

  test('fails when a Solana address is an EVM one', () => {
    expect(withWallets((w) => (w.wallets['solana-pusher'].address = '0x68fc5207dd28339551292b8E94133abd2878936C'))).toEqual([
      expect.stringMatching(/^prod: wallets\.wallets\.solana-pusher\.address: "0x68fc.*" is not base58 \(allowed: a base58 public key of 32 bytes/),
    ]);
  });

  test('fails when the warning floor is not above the critical floor, compared as decimals', () => {
    expect(withWallets((w) => (w.wallets['ethereum-pusher'].floors = { warning: '0.5', critical: '0.50' }))).toEqual([
      'prod: wallets.wallets.ethereum-pusher.floors.warning: "0.5" is not above the critical floor "0.50" (allowed: warning > critical)',
    ]);
  });

  test('fails when a floor is a number, not a decimal string', () => {
    expect(withWallets((w) => (w.wallets['ethereum-pusher'].floors.critical = 0.1))).toEqual(['prod: wallets.wallets.ethereum-pusher.floors.critical: number 0.1 (allowed: string)']);
  });

  test('fails when a wallet names an undeclared network', () => {
    expect(withWallets((w) => (w.wallets['ethereum-pusher'].network = 'polygon'))).toEqual([
      'prod: wallets.wallets.ethereum-pusher.network: "polygon" is not declared in wallets.networks (allowed: ethereum, arbitrum, solana, pythnet)',
    ]);
  });

  test('fails when the runway ticket objective is not longer than the page objective', () => {
    expect(withWallets((w) => (w.runway = { ticketBelow: '48h', pageBelow: '2d' }))).toEqual([
      'prod: wallets.runway.ticketBelow: "48h" is not longer than pageBelow "2d" (allowed: ticketBelow > pageBelow)',
    ]);
  });

  test('fails when a plain RPC URL carries an API key', () => {
    expect(withWallets((w) => (w.networks.arbitrum.rpc = [{ name: 'infura', url: 'https://arbitrum-mainnet.infura.io/v3/0123456789abcdef0123456789abcdef' }]))).toEqual([
      expect.stringMatching(/^prod: wallets\.networks\.arbitrum\.rpc\[0\]/),
    ]);
  });

  test('fails when an EVM network has no chain id', () => {
    expect(withWallets((w) => delete w.networks.arbitrum.chainId)).toEqual(['prod: wallets.networks.arbitrum.chainId: missing for an evm network (allowed: its EIP-155 chain id, e.g. 1)']);
  });
});
