import { cidrContains, cidrsOverlap, parseIpv4Cidr, Ipv4Cidr } from '../../../constructs/core/cidr';

const cidr = (text: string) => parseIpv4Cidr(text) as Ipv4Cidr;

test('parses a CIDR into its first and last address', () => {
  expect(cidr('10.0.0.0/30')).toEqual({ text: '10.0.0.0/30', first: 0x0a000000, last: 0x0a000003, prefixLength: 30 });
});

test('containment and overlap', () => {
  expect(cidrContains(cidr('10.0.0.0/16'), cidr('10.0.32.0/19'))).toBe(true);
  expect(cidrContains(cidr('10.0.0.0/16'), cidr('10.1.0.0/19'))).toBe(false);
  expect(cidrsOverlap(cidr('10.0.0.0/19'), cidr('10.0.16.0/20'))).toBe(true);
  expect(cidrsOverlap(cidr('10.0.0.0/19'), cidr('10.0.32.0/19'))).toBe(false);
});

test.each([
  ['10.0.0/16', 'is not an IPv4 CIDR'],
  ['10.0.0.256/24', 'has an octet above 255'],
  ['10.0.0.0/40', 'has a prefix length above 32'],
  ['10.0.0.1/24', 'has host bits set (did you mean 10.0.0.0/24?)'],
])('fails when the CIDR is %s', (text, message) => {
  expect(parseIpv4Cidr(text)).toContain(message);
});
