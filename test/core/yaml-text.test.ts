import * as fs from 'fs';
import * as path from 'path';
import { runInNewContext } from 'vm';
import { parse, stringify } from 'yaml';
import { writtenHere, yamlText, YAML_TEXT_VERSION, type YamlTextOptions } from '../../constructs/core/yaml-text';
import { resources, synthesizedStacks } from '../support/synth';

/** What yaml itself writes for the options yamlText takes. */
const yamlsOwn = (value: unknown, options: YamlTextOptions = {}) => stringify(value, { lineWidth: 0, ...options });

test('the pinned yaml is the version whose output yamlText reproduces', () => {
  const pinned = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')).dependencies.yaml;
  expect(pinned).toBe(YAML_TEXT_VERSION);
});

/** The YAML documents of the run's synth: Helm values and the YAML files of ConfigMaps (exporter, observer configs). */
function synthesizedYamlDocuments(): Array<[string, string]> {
  const documents: Array<[string, string]> = [];
  for (const [stack, tf] of Object.entries(synthesizedStacks())) {
    for (const release of resources(tf, 'helm_release')) for (const text of release.config.values ?? []) documents.push([`${stack} ${release.address}`, text]);
    for (const manifest of resources(tf, 'kubernetes_manifest')) {
      for (const [file, text] of Object.entries<string>(manifest.config.manifest.data ?? {})) if (/\.ya?ml$/.test(file)) documents.push([`${stack} ${manifest.address} ${file}`, text]);
    }
  }
  return documents;
}

// Read back, each document is plain data again: it must be written here (no synth falls back to yaml's slower
// writer), the same as yaml writes it and as the synth wrote it.
test('every YAML document of the synth is written here, as yaml writes it', () => {
  const documents = synthesizedYamlDocuments();
  // Helm values of three charts and the observer's and exporters' configs, in each environment.
  expect(documents.length).toBeGreaterThanOrEqual(20);
  for (const [where, text] of documents) {
    const value = parse(text);
    expect([where, writtenHere(value)]).toEqual([where, text]);
    expect([where, yamlsOwn(value)]).toEqual([where, text]);
  }
});

// Every string of up to three characters from an alphabet of YAML's indicators, quotes, digits, letters, spaces and
// line breaks, as a key and a value at the root and nested, in a map and a sequence.
const ALPHABET = [' ', '\n', '-', '?', ':', '#', ',', '[', '{', '%', '!', '&', "'", '"', '\\', '.', '~', '0', '1', 'x', 'e', '+', 'a'];
function* stringsUpTo(length: number, prefix = ''): Generator<string> {
  yield prefix;
  if (prefix.length === length) return;
  for (const char of ALPHABET) yield* stringsUpTo(length, prefix + char);
}

test('short strings of indicators, quotes, digits and line breaks are written as yaml writes them, or left to it', () => {
  let writtenHereCount = 0;
  let checked = 0;
  for (const text of stringsUpTo(3)) {
    for (const value of [{ [text]: text }, { nested: { [text]: [text, { [text]: text }] } }]) {
      const here = writtenHere(value);
      checked++;
      if (here === undefined) continue;
      writtenHereCount++;
      if (here !== yamlsOwn(value)) throw new Error(`${JSON.stringify(value)}: wrote ${JSON.stringify(here)}, yaml writes ${JSON.stringify(yamlsOwn(value))}`);
    }
  }
  // Most are written here; the rest (empty keys, block text starting with a space or a line break...) are yaml's.
  expect(writtenHereCount / checked).toBeGreaterThan(0.8);
});

test('words YAML reads as other types are quoted, and the document markers where they would end the document', () => {
  const words = ['true', 'False', 'NULL', '~', '', '12', '-3', '+4', '0o17', '0x1F', '1.5', '.5', '1e3', '-.inf', '.NaN', 'yes', 'on', '2026-12-04', '1:20', '---', '...', '%YAML', '<<', 'a: b', 'a #b', 'a#b', '-a', '- a', '?a', '@a', '`a', 'a:', 'a ', ' a'];
  for (const word of words) {
    for (const value of [{ [word || 'empty']: word }, { nested: { [word || 'empty']: word } }, [word]]) {
      expect(writtenHere(value)).toBe(yamlsOwn(value));
    }
  }
  expect(writtenHere({ v: 'true', w: '' })).toBe('v: "true"\nw: ""\n');
  expect(writtenHere({ '---': 1, nested: { '---': '---' } })).toBe('"---": 1\nnested:\n  ---: ---\n');
});

test('multi-line text is a literal block, chomped as yaml chomps it', () => {
  for (const text of ['a\nb', 'a\nb\n', 'a\n\nb\n', 'a\n  b', 'a\nb  ', 'a\nb  \n', 'line: 1\n# not a comment\n---\n', 'sum(rate(x[5m]))\n  > 0\n']) {
    for (const value of [{ text }, { nested: [{ text }] }, [text]]) {
      const here = writtenHere(value);
      expect(here).toBeDefined();
      expect(here).toBe(yamlsOwn(value));
    }
  }
  expect(writtenHere({ nested: { text: 'a\n\nb\n' } })).toBe('nested:\n  text: |\n    a\n\n    b\n');
});

test('numbers, booleans, null, undefined and empty collections are written as yaml writes them', () => {
  const value = { int: 42, negative: -7, zero: -0, float: 0.25, large: 1e21, small: 5e-7, yes: true, no: false, nothing: null, skipped: undefined, map: {}, list: [], inList: [{}, [], null, 1.5] };
  expect(writtenHere(value)).toBe(yamlsOwn(value));
});

test('what yaml writes its own way is left to it, and yamlText still returns yaml\'s text', () => {
  const shared = { a: 1 };
  const cases: Array<[string, unknown, YamlTextOptions?]> = [
    ['a shared object (an anchor and aliases)', { first: shared, second: shared }],
    ['a non-ASCII character', { emoji: 'price \u{1F525}' }],
    ['a tab', { tab: 'a\tb' }],
    ['an empty key', { '': 1 }],
    ['a key over 1024 characters', { ['k'.repeat(1100)]: 1 }],
    ['text ending in several line breaks', { text: 'a\n\n' }],
    ['text ending in spaces after a line break', { text: 'a\n  ' }],
    ['text starting with a space or a line break', { text: ' a\nb', other: '\na' }],
    ['infinity and NaN', { values: [Infinity, -Infinity, NaN] }],
    ['undefined in a list', [1, undefined]],
    ['a Date', { at: new Date(0) }],
    ['a scalar document', 'text'],
  ];
  for (const [what, value, options] of cases) {
    expect([what, writtenHere(value, options)]).toEqual([what, undefined]);
    expect([what, yamlText(value, options)]).toEqual([what, yamlsOwn(value, options)]);
  }
});

test('an object literal of another realm (jest, vm) is plain data too', () => {
  const value = runInNewContext('({ chart: { values: [{ a: 1 }, "x"] }, empty: {} })') as unknown;
  expect(Object.getPrototypeOf(value)).not.toBe(Object.prototype);
  expect(writtenHere(value)).toBe(yamlsOwn(value));
  expect(writtenHere(value)).toBe('chart:\n  values:\n    - a: 1\n    - x\nempty: {}\n');
});

test('with aliasDuplicateObjects off, a shared object is written in full each time, as yaml does', () => {
  const shared = { resources: { limits: { memory: '64Mi' } } };
  const value = { observer: shared, exporter: shared, list: [shared, shared] };
  const options = { aliasDuplicateObjects: false };
  expect(writtenHere(value, options)).toBe(yamlsOwn(value, options));
  expect(writtenHere(value)).toBeUndefined();
});

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const text = () => Array.from({ length: Math.floor(next() * 8) }, () => pick([...ALPHABET, 'b', 'c', 'Z', '/', '=', '$', '(', ')', '>', '|', '*', '@', '`', 'true', 'null', '12', ': ', ' #'])).join('');
  const kind = depth > 3 ? pick(['string', 'number', 'scalar']) : pick(['string', 'string', 'number', 'scalar', 'map', 'map', 'list']);
  if (kind === 'string') return text();
  if (kind === 'number') return pick([0, -0, 1, -1, 0.5, 1e21, 123456789, -2.5e-8, Math.floor(next() * 1e6)]);
  if (kind === 'scalar') return pick([true, false, null, undefined, '']);
  const size = Math.floor(next() * 4);
  if (kind === 'list') return Array.from({ length: size }, () => generated(next, depth + 1));
  return Object.fromEntries(Array.from({ length: size }, () => [text() || 'key', generated(next, depth + 1)]));
}

test('generated configuration-shaped data is written as yaml writes it', () => {
  let writtenHereCount = 0;
  const documents = 3000;
  for (let seed = 1; seed <= documents; seed++) {
    const next = random(seed);
    const value = next() < 0.5 ? { root: generated(next, 0) } : [generated(next, 0), generated(next, 1)];
    const here = writtenHere(value);
    if (here === undefined) continue;
    writtenHereCount++;
    if (here !== yamlsOwn(value)) throw new Error(`seed ${seed}: ${JSON.stringify(value)}: wrote ${JSON.stringify(here)}, yaml writes ${JSON.stringify(yamlsOwn(value))}`);
  }
  expect(writtenHereCount / documents).toBeGreaterThan(0.5);
});
