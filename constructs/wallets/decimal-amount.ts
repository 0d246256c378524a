/**
 * Balances and floors are decimal strings in the chain's native unit ("0.25" ETH): written by people, compared
 * exactly here (scaled integers, no float rounding) and rendered verbatim into PromQL.
 */
export const MAX_DECIMALS = 18;
export const DECIMAL_AMOUNT_PATTERN = new RegExp(`^(0|[1-9]\\d{0,11})(\\.\\d{1,${MAX_DECIMALS}})?$`);

/** The amount as an integer count of 10^-18 units, for exact comparison. */
export function scaledAmount(amount: string): bigint {
  if (!DECIMAL_AMOUNT_PATTERN.test(amount)) throw new Error(`"${amount}" is not a decimal amount (allowed: e.g. "0.25", at most ${MAX_DECIMALS} decimals)`);
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 10n ** BigInt(MAX_DECIMALS) + BigInt(fraction.padEnd(MAX_DECIMALS, '0'));
}

export function compareAmounts(a: string, b: string): number {
  const difference = scaledAmount(a) - scaledAmount(b);
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
}
