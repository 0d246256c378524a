// cdktf writes cdk.tf.json and manifest.json with json-stable-stringify 1.3.0 (`stringify(value, { space: 2 })`,
// synthesizer.js and manifest.js of cdktf 0.21.0): keys sorted, `space` per level. That module goes through
// call-bound array helpers, rebuilds the indent string character by character for every value and searches its
// ancestor list with indexOf; on the 1.5 MB feedops writes it was 5 % of a synth. This writes the same text, byte
// for byte, the same way (each value through JSON.stringify, keys in the default sort, its empty-container and
// `undefined` rules), with the indents built once. Installed for cdktf by cdktf-savings.ts (saving 6).

/** The json-stable-stringify version whose output this reproduces (cdktf 0.21.0 pins it exactly). */
export const STABLE_STRINGIFY_VERSION = '1.3.0';

/** json-stable-stringify 1.3.0's `stringify(value, { space })` with `space` as text (`unit`, one level's indent): `undefined` for a value JSON has no text for. */
export function stableJson(value: unknown, unit = ''): string | undefined {
  const colon = unit ? ': ' : ':';
  // indents[level]: the line break and indent before a closing bracket at `level` (nothing without `space`).
  const indents: string[] = [unit ? '\n' : ''];
  const indent = (level: number): string => {
    while (indents.length <= level) indents.push(indents[indents.length - 1] + unit);
    return indents[level];
  };
  // The objects being written, for the same circular-structure error.
  const ancestors = new Set<object>();

  function write(node: unknown, level: number): string | undefined {
    if (node && typeof (node as { toJSON?: unknown }).toJSON === 'function') node = (node as { toJSON(): unknown }).toJSON();
    if (node === undefined) return undefined;
    if (typeof node !== 'object' || node === null) return JSON.stringify(node);
    const close = indent(level);
    const open = indent(level + 1);
    let text = '';
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        // A missing item is `null`, as in JSON.
        text += (index === 0 ? '' : ',') + open + (write(node[index], level + 1) ?? 'null');
      }
      return `[${text}${close}]`;
    }
    if (ancestors.has(node)) throw new TypeError('Converting circular structure to JSON');
    ancestors.add(node);
    let first = true;
    for (const key of Object.keys(node).sort()) {
      const item = write((node as Record<string, unknown>)[key], level + 1);
      if (item === undefined) continue;
      text += (first ? '' : ',') + open + JSON.stringify(key) + colon + item;
      first = false;
    }
    ancestors.delete(node);
    return `{${text}${close}}`;
  }

  return write(value, 0);
}
