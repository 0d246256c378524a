// The YAML feedops writes (Helm values, exporter and observer configs) is yaml 2.9.1's `stringify(value, { lineWidth:
// 0 })`, byte for byte. yaml builds a node tree of each document before writing it: in a synth its 24 documents
// (78 kB) took 42 ms of the 139 ms that building the construct tree takes. Configuration is plain data, so this
// writes plain data itself by yaml's rules for block style (learnt from its stringifier: plain scalars where the core
// schema reads them back as strings, quotes otherwise, literal blocks for multi-line text) and hands everything else
// to yaml, loaded only then: characters outside printable ASCII, an object met twice where yaml would alias it, and
// the rare text forms (keep chomping, leading spaces or newlines in a block, empty or very long keys).
// test/core/yaml-text.test.ts compares both on every document of a synth and on generated data.
import type * as Yaml from 'yaml';
import { isObjectLiteral } from './object-literal';

/** The yaml version whose output this reproduces (package.json pins it exactly). */
export const YAML_TEXT_VERSION = '2.9.1';

export interface YamlTextOptions {
  /**
   * An object that appears twice is written as an anchor and aliases (yaml's `aliasDuplicateObjects`); `false`
   * writes it in full each time, so a diff shows every changed key where it is used.
   * @default true
   */
  readonly aliasDuplicateObjects?: boolean;
}

/** `value` as block YAML without line folding: what yaml's `stringify(value, { lineWidth: 0, ...options })` returns. */
export function yamlText(value: unknown, options: YamlTextOptions = {}): string {
  return writtenHere(value, options) ?? writtenByYaml(value, options);
}

/** The text of plain data, or `undefined` for what only yaml writes (exported for the tests that compare both). */
export function writtenHere(value: unknown, options: YamlTextOptions = {}): string | undefined {
  // A document that is one scalar has root rules of its own (document markers, block indent): yaml's.
  if (!isObjectLiteral(value) && !Array.isArray(value)) return undefined;
  const writer = new BlockWriter(options.aliasDuplicateObjects ?? true);
  try {
    return `${writer.collection(value, '', 0)}\n`;
  } catch (error) {
    if (error === LEFT_TO_YAML) return undefined;
    throw error;
  }
}

function writtenByYaml(value: unknown, options: YamlTextOptions): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for data this module leaves to yaml
  const { stringify } = require('yaml') as typeof Yaml;
  return stringify(value, { lineWidth: 0, ...options });
}

/** Thrown inside the writer when a value needs yaml; caught in writtenHere. */
const LEFT_TO_YAML = Symbol('left to yaml');
/** Deeper than configuration goes; also ends a cycle when duplicates are written in full. */
const MAX_DEPTH = 64;
/** yaml writes an implicit key of more than 1024 characters as an explicit `? key`. */
const MAX_IMPLICIT_KEY_LENGTH = 1024;

/** Printable ASCII and line feeds: the characters this module writes (others have escapes and rules of their own). */
const OUTSIDE_PRINTABLE_ASCII = /[^\x20-\x7e\n]/;
/**
 * Text a plain scalar cannot hold in block context: an indicator or space first, `-` or `?` alone or before a space,
 * `: `, ` #`, a space or `:` last.
 */
const NOT_PLAIN = /^[ ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-] |: | #|[ :]$/;
/** What the YAML 1.2 core schema reads as null, a boolean, an integer or a float: such a string is quoted. */
const CORE_SCHEMA_NON_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
];
/** A document marker (or a directive) at the start of a line. */
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;

class BlockWriter {
  private readonly seen?: Set<object>;

  constructor(aliasDuplicateObjects: boolean) {
    if (aliasDuplicateObjects) this.seen = new Set();
  }

  /** A non-empty collection's lines (the first without its indent), or `{}`/`[]`; `indent` is that of its lines. */
  collection(value: object, indent: string, depth: number): string {
    if (depth > MAX_DEPTH) throw LEFT_TO_YAML;
    if (this.seen) {
      if (this.seen.has(value)) throw LEFT_TO_YAML;
      this.seen.add(value);
    }
    const lines: string[] = [];
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) lines.push(`- ${this.node(value[index], inner, depth)}`);
      return lines.length === 0 ? '[]' : lines.join(`\n${indent}`);
    }
    if (!isObjectLiteral(value)) throw LEFT_TO_YAML;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined) continue;
      const keyText = this.key(key, indent);
      const nested = (isObjectLiteral(item) || Array.isArray(item)) && !isEmptyCollection(item);
      lines.push(nested ? `${keyText}:\n${inner}${this.node(item, inner, depth)}` : `${keyText}: ${this.node(item, inner, depth)}`);
    }
    return lines.length === 0 ? '{}' : lines.join(`\n${indent}`);
  }

  /** A value in block context whose lines after the first are indented by `indent`. */
  private node(value: unknown, indent: string, depth: number): string {
    if (value === null) return 'null';
    switch (typeof value) {
      case 'string':
        return value.includes('\n') ? literalBlock(value, indent) : singleLine(value);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'number':
        // .inf and .nan are yaml's; -0 keeps its sign (JSON's text would drop it).
        if (!Number.isFinite(value)) throw LEFT_TO_YAML;
        return Object.is(value, -0) ? '-0' : JSON.stringify(value);
      case 'object':
        return this.collection(value, indent, depth + 1);
      default:
        throw LEFT_TO_YAML;
    }
  }

  /** An implicit key of a map whose lines are indented by `mapIndent`. */
  private key(key: string, mapIndent: string): string {
    // An empty key is written explicitly (`? ""`), a key over 1024 characters too; neither is configuration.
    if (key === '' || key.includes('\n') || OUTSIDE_PRINTABLE_ASCII.test(key)) throw LEFT_TO_YAML;
    // A marker-like key of the root map is quoted, lest it read as the end of the document.
    const text = mapIndent === '' && DOCUMENT_MARKER.test(key) ? quoted(key) : singleLine(key);
    if (text.length > MAX_IMPLICIT_KEY_LENGTH) throw LEFT_TO_YAML;
    return text;
  }
}

/** One line of text: plain where it reads back as the same string, quoted otherwise. */
function singleLine(text: string): string {
  if (OUTSIDE_PRINTABLE_ASCII.test(text)) throw LEFT_TO_YAML;
  return NOT_PLAIN.test(text) || CORE_SCHEMA_NON_STRING.some((pattern) => pattern.test(text)) ? quoted(text) : text;
}

/** yaml's quotes: single where that avoids escaping a double quote, double (JSON's escapes) otherwise. */
function quoted(text: string): string {
  if (text.includes('"') && !text.includes("'")) return `'${text}'`;
  return JSON.stringify(text);
}

/**
 * Multi-line text as a literal block (`|`, or `|-` without a final line break), its lines indented by `indent` and
 * empty lines left empty. Text starting with a space or a line break, ending in several line breaks or in spaces
 * after one needs an indicator or quotes: yaml's.
 */
function literalBlock(text: string, indent: string): string {
  if (OUTSIDE_PRINTABLE_ASCII.test(text) || text[0] === ' ' || text[0] === '\n') throw LEFT_TO_YAML;
  let contentEnd = text.length;
  while (contentEnd > 0 && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\n')) contentEnd--;
  const trailing = text.slice(contentEnd);
  const lineBreak = trailing.indexOf('\n');
  // Spaces after the last content may stay (they end the last line); a line break may only come last, once.
  if (lineBreak !== -1 && lineBreak !== trailing.length - 1) throw LEFT_TO_YAML;
  const chomp = lineBreak === -1 ? '-' : '';
  const lastLineSpaces = lineBreak === -1 ? trailing : trailing.slice(0, -1);
  const body = text.slice(0, contentEnd).replace(/\n+/g, (breaks) => `${breaks}${indent}`);
  return `|${chomp}\n${indent}${body}${lastLineSpaces}`;
}

function isEmptyCollection(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value) if ((value as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}
