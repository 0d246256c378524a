// Terraform reads every string of a configuration, JSON included, as a template: `${...}` interpolates and `%{...}`
// is a directive. Text feedops writes for another program (Grafana's `${datasource}`, a shell's `${VAR}`, Go
// templates) must reach the provider as written, so those sequences are doubled (`$${`, `%%{`), which Terraform
// turns back into one. cdktf's own tokens (`${TfToken[...]}`) are left for cdktf to resolve into references.
import { isObjectLiteral } from './object-literal';

/** An unescaped `${` that is not a cdktf token, or an unescaped `%{`. */
const TEMPLATE_SEQUENCE = /(?<!\$)\$\{(?!TfToken\[)|(?<!%)%\{/g;

/** `text` with every template sequence escaped, so Terraform passes it on unchanged. */
export function terraformLiteralText(text: string): string {
  // Both sequences hold a brace; most text has none, and the scan with lookbehinds is then skipped (a synth escapes
  // every string of 137 manifests: 10.1 -> 2.6 ms, with the copy below).
  return text.includes('{') ? text.replace(TEMPLATE_SEQUENCE, (sequence) => `${sequence[0]}${sequence}`) : text;
}

/** A deep copy of `value` with every string escaped as terraformLiteralText does; other values are kept. */
export function terraformLiteral<T>(value: T): T {
  if (typeof value === 'string') return terraformLiteralText(value) as T;
  if (Array.isArray(value)) return value.map((item) => terraformLiteral(item)) as T;
  if (isObjectLiteral(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = terraformLiteral(value[key]);
      // A `__proto__` key is data here, not the copy's prototype.
      if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
      else copy[key] = item;
    }
    return copy as T;
  }
  return value;
}
