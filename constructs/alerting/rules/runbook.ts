import { invalid } from '../../core/validation-error';
import { RUNBOOK_PAGE_PATTERN } from './rule-limits';

/**
 * Where an alert's runbook lives: `<baseUrl>/<page>.md`. Every alert must link one, so whoever is woken up
 * lands on first steps rather than on the rule's PromQL.
 */
export class Runbook {
  /** Brand, so a Runbook from another copy of feedops is recognised too (`instanceof` fails across copies). */
  public static readonly BRAND = Symbol.for('feedops.Runbook');

  /** Whether `value` is a Runbook of any copy of feedops. */
  public static isRunbook(value: unknown): value is Runbook {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[Runbook.BRAND] === true;
  }

  /** `baseUrl` must be https without a trailing slash; `page` is a file name without `.md` (by convention the alert name). */
  public static at(baseUrl: string, page: string): Runbook {
    if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(baseUrl) || baseUrl.endsWith('/')) {
      invalid('runbook', 'baseUrl', `"${baseUrl}" is invalid (allowed: an https URL without a trailing slash, e.g. "https://github.com/org/repo/blob/main/docs/runbooks")`);
    }
    if (!RUNBOOK_PAGE_PATTERN.test(page)) {
      invalid('runbook', 'page', `"${page}" is invalid (allowed: letters, digits, "-" and "_", no ".md", e.g. "PythPriceFeedStale")`);
    }
    return new Runbook(baseUrl, page);
  }

  private constructor(
    public readonly baseUrl: string,
    public readonly page: string,
  ) {
    Object.defineProperty(this, Runbook.BRAND, { value: true });
  }

  public get url(): string {
    return `${this.baseUrl}/${this.page}.md`;
  }
}
