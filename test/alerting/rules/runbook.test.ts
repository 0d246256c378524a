import { Runbook } from '../../../constructs/alerting/rules/runbook';

const BASE = 'https://github.com/example/feedops/blob/main/docs/runbooks';

describe('Runbook', () => {
  test('the URL is <base>/<page>.md', () => {
    expect(Runbook.at(BASE, 'PythPriceFeedStale').url).toBe(`${BASE}/PythPriceFeedStale.md`);
  });

  test('fails when the base URL is not https', () => {
    expect(() => Runbook.at('http://runbooks.example.com', 'X')).toThrow(/runbook: baseUrl: "http:\/\/runbooks\.example\.com" is invalid \(allowed: an https URL/);
  });

  test('fails when the base URL ends with a slash', () => {
    expect(() => Runbook.at(`${BASE}/`, 'X')).toThrow(/without a trailing slash/);
  });

  test('fails when the page carries the .md extension', () => {
    expect(() => Runbook.at(BASE, 'PythPriceFeedStale.md')).toThrow(/runbook: page: "PythPriceFeedStale\.md" is invalid \(allowed: letters, digits/);
  });
});
