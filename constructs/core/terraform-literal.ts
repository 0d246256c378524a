// Terraform reads every string of a configuration, JSON included, as a template: `${...}` interpolates and `%{...}`
// is a directive. Text feedops writes for another program (Grafana's `${datasource}`, a shell's `${VAR}`, Go
// templates) must reach the provider as written, so those sequences are doubled (`$${`, `%%{`), which Terraform
// turns back into one. cdktf's own tokens (`${TfToken[...]}`) are left for cdktf to resolve into references.

/** An unescaped `${` that is not a cdktf token, or an unescaped `%{`. */
const TEMPLATE_SEQUENCE = /(?<!\$)\$\{(?!TfToken\[)|(?<!%)%\{/g;

/** `text` with every template sequence escaped, so Terraform passes it on unchanged. */
export function terraformLiteralText(text: string): string {
  return text.replace(TEMPLATE_SEQUENCE, (sequence) => `${sequence[0]}${sequence}`);
}

/** A deep copy of `value` with every string escaped as terraformLiteralText does; other values are kept. */
export function terraformLiteral<T>(value: T): T {
  if (typeof value === 'string') return terraformLiteralText(value) as T;
  if (Array.isArray(value)) return value.map((item) => terraformLiteral(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, terraformLiteral(item)])) as T;
  }
  return value;
}
