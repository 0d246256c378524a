import { base58PublicKeyProblem, evmAddressProblem, toChecksumAddress } from '../../constructs/wallets/addresses';
import { compareAmounts } from '../../constructs/wallets/decimal-amount';
import { keccak256Hex } from '../../constructs/wallets/keccak256';

describe('keccak-256', () => {
  test('hashes the empty string to the published Ethereum value', () => {
    expect(keccak256Hex('')).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  });

  test('hashes "abc" to the published Keccak-256 value (not SHA3-256)', () => {
    expect(keccak256Hex('abc')).toBe('4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
  });
});

describe('EIP-55', () => {
  // The test vectors of EIP-55 itself.
  const VECTORS = ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb'];

  test.each(VECTORS)('%s is a valid checksum address', (address) => {
    expect(evmAddressProblem(address)).toBeUndefined();
    expect(toChecksumAddress(address.toLowerCase())).toBe(address);
  });

  test('fails when one letter has the wrong case, naming the correct spelling', () => {
    expect(evmAddressProblem('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe('fails its EIP-55 checksum (allowed: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" if that is the intended address)');
  });

  test('fails when it is not 20 bytes of hex', () => {
    expect(evmAddressProblem('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe')).toMatch(/^is not an EVM address/);
  });
});

describe('base58 public keys', () => {
  test('accepts a 32-byte key, including the all-zero system program', () => {
    expect(base58PublicKeyProblem('AHtgzX45WTKfkPG53L6WYhGEXwQkN1BVknET3sVsLL8J')).toBeUndefined();
    expect(base58PublicKeyProblem('11111111111111111111111111111111')).toBeUndefined();
  });

  test('fails for characters outside the alphabet and for the wrong length', () => {
    expect(base58PublicKeyProblem('0Htgz')).toMatch(/^is not base58/);
    expect(base58PublicKeyProblem('AHtgzX45WTKfkPG53L6WYhGEXwQkN1BVknET3sVsLL')).toMatch(/^decodes to 31 bytes/);
  });
});

describe('decimal amounts', () => {
  test('compare exactly where floats would not', () => {
    expect(compareAmounts('0.3', '0.1')).toBe(1);
    expect(compareAmounts('0.000000000000000001', '0')).toBe(1);
    expect(compareAmounts('1.10', '1.1')).toBe(0);
    expect(compareAmounts('0.1', '0.3')).toBe(-1);
  });
});
