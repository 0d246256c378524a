import { keccak256Hex } from './keccak256';

/** An EVM address in EIP-55 mixed-case checksum form, from any-case 40 hex digits. */
export function toChecksumAddress(address: string): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new Error(`"${address}" is not an EVM address (allowed: 0x and 40 hex digits)`);
  const lower = address.slice(2).toLowerCase();
  const hash = keccak256Hex(lower);
  return `0x${[...lower].map((char, i) => (parseInt(hash[i], 16) >= 8 ? char.toUpperCase() : char)).join('')}`;
}

/** Why `address` is not a usable EVM address, or undefined when it is one in EIP-55 checksum form. */
export function evmAddressProblem(address: string): string | undefined {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return 'is not an EVM address (allowed: "0x" and 40 hex digits in EIP-55 checksum case)';
  const checksummed = toChecksumAddress(address);
  if (checksummed !== address) return `fails its EIP-55 checksum (allowed: "${checksummed}" if that is the intended address)`;
  return undefined;
}

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** The bytes of a base58 (Bitcoin alphabet) string, or undefined when it has a character outside the alphabet. */
export function decodeBase58(text: string): Uint8Array | undefined {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58_ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  const leadingZeros = /^1*/.exec(text)![0].length;
  return Uint8Array.from([...new Array(leadingZeros).fill(0), ...bytes]);
}

/** Why `address` is not a Solana-style (Solana, Pythnet) public key, or undefined when it decodes to 32 bytes. */
export function base58PublicKeyProblem(address: string): string | undefined {
  const bytes = decodeBase58(address);
  if (!bytes || address.length === 0) return 'is not base58 (allowed: a base58 public key of 32 bytes, 32-44 characters without 0, O, I, l)';
  if (bytes.length !== 32) return `decodes to ${bytes.length} bytes (allowed: a base58 public key of exactly 32 bytes)`;
  return undefined;
}
