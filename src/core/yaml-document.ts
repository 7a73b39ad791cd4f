import { createRequire } from 'node:module';
import jsYaml from 'js-yaml';
import type { Document, LineCounter, Node } from 'yaml';
import type { Place, Problem } from './problems.js';
import { error } from './problems.js';
import { describeSyntaxErrors } from './yaml-syntax.js';

/** A field path as zod and the yaml package spell it. */
export type FieldPath = readonly PropertyKey[];

/** YAML text parsed into plain data, remembering where each node came from. */
export interface PositionedYaml {
  /** The parsed value (plain objects, arrays, strings, numbers, booleans, null); undefined after a syntax error. */
  data: unknown;
  /** Syntax errors, already placed in the file and said in plain words. */
  problems: Problem[];
  /** The place of the field at `path`, or of its nearest existing parent. `at: 'key'` points at the key. */
  placeOf(path: FieldPath, at?: 'key' | 'value'): Place;
  /** Whether the field at `path` is written in the file. */
  has(path: FieldPath): boolean;
}

/**
 * How many values a file that uses aliases (`*name`) may hold once they are written out: a few repeated
 * values are harmless, a "billion laughs" file of aliases of aliases would expand past any memory.
 */
export const MAX_EXPANDED_VALUES = 10_000;

/**
 * Parse YAML keeping node positions. `firstLine` is the file line the text starts on (2 for front matter
 * after its opening `---`), so every place refers to the editor's file, not to the snippet.
 *
 * The data comes from js-yaml (YAML 1.2's core schema, so `2020-01-13` stays a string): over a long
 * archive's 15,000 front matters it is about ten times faster than the yaml package. The yaml package's
 * Document, which knows every node's position, is built only when a place is asked for or the text
 * does not read (then its errors, in plain words, are the ones reported).
 */
export function parseYamlWithPositions(file: string, text: string, firstLine = 1): PositionedYaml {
  let positioned: Positions | undefined;
  const positions = () => (positioned ??= readPositions(text));
  const placeAt = (offset: number, path: FieldPath): Place => {
    const { line, col } = positions().lineCounter.linePos(offset);
    return { file, line: line + firstLine - 1, column: col, path: joinPath(path) };
  };
  const located = {
    has: (path: FieldPath) => walk(positions().document, path).complete,
    placeOf(path: FieldPath, at: 'key' | 'value' = 'value') {
      const { node, keyNode, complete } = walk(positions().document, path);
      const target = complete && at === 'key' && keyNode ? keyNode : node;
      return placeAt(target?.range?.[0] ?? keyNode?.range?.[0] ?? 0, path);
    },
  };
  const deep = deepBracket(text);
  if (deep >= 0) {
    const line = firstLine + countLineFeeds(text, deep);
    const message = `YAML syntax: brackets ([ or {) nest deeper than ${MAX_BRACKET_DEPTH} levels here; write lists as lines starting with "- "`;
    return { data: undefined, problems: [error({ file, line, column: deep - text.lastIndexOf('\n', deep - 1), path: '' }, message)], ...located };
  }
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch {
    const problems = describeSyntaxErrors(text, positions().document.errors).map(({ offset, message }) => error(placeAt(offset, []), message));
    // js-yaml and the yaml package disagree on some corner of YAML: still a problem, never silence.
    if (problems.length === 0) problems.push(error(placeAt(0, []), 'YAML syntax: this front matter or file cannot be read; check its indentation and quotes'));
    return { data: undefined, problems, ...located };
  }
  if (text.includes('*') && expandedSize(data, MAX_EXPANDED_VALUES) > MAX_EXPANDED_VALUES) {
    const message = `YAML syntax: the aliases (*name) in this file repeat values more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} times over; write the values out instead of repeating them with aliases`;
    return { data: undefined, problems: [error(placeAt(firstAliasOffset(positions().document), []), message)], ...located };
  }
  return { data, problems: [], ...located };
}

/**
 * How many values the data holds with every alias written out, counted up to `limit + 1` (js-yaml shares
 * one object between an anchor and its aliases, so the data itself stays small, but anything that walks
 * it, such as the schema check, would walk every repetition).
 */
function expandedSize(data: unknown, limit: number): number {
  let count = 0;
  const pending: unknown[] = [data];
  while (pending.length > 0 && count <= limit) {
    const value = pending.pop();
    count++;
    if (Array.isArray(value)) pending.push(...value);
    else if (typeof value === 'object' && value !== null) pending.push(...Object.values(value));
  }
  return count;
}

/**
 * How deep brackets may nest. Both YAML readers take time that grows faster than the text with each
 * level (a 16 KB run of "[" took seconds), and no settings file or front matter needs more than two.
 */
export const MAX_BRACKET_DEPTH = 20;

/** The offset of the first bracket nested deeper than MAX_BRACKET_DEPTH, or -1 (quotes are not told apart: it only errs on the safe side). */
function deepBracket(text: string): number {
  if (occurrences(text, '[') + occurrences(text, '{') <= MAX_BRACKET_DEPTH) return -1;
  let depth = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_BRACKET_DEPTH) return offset;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return -1;
}

/** How many times `character` occurs in `text`, counted up to just past MAX_BRACKET_DEPTH (indexOf is native and fast). */
function occurrences(text: string, character: string): number {
  let count = 0;
  for (let offset = text.indexOf(character); offset >= 0 && count <= MAX_BRACKET_DEPTH; offset = text.indexOf(character, offset + 1)) count++;
  return count;
}

function countLineFeeds(text: string, end: number): number {
  let count = 0;
  for (let offset = text.indexOf('\n'); offset >= 0 && offset < end; offset = text.indexOf('\n', offset + 1)) count++;
  return count;
}

interface Positions {
  document: Document;
  lineCounter: LineCounter;
}

/**
 * The yaml package is loaded on first use: a run whose files are all fine never needs it, and loading it
 * costs about 45 ms.
 */
let yamlPackage: typeof import('yaml') | undefined;
function loadYaml(): typeof import('yaml') {
  return (yamlPackage ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

function readPositions(text: string): Positions {
  const { LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  // Aliases are never resolved here (no toJS), so an alias bomb costs nothing to place.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  return { document, lineCounter };
}

function firstAliasOffset(document: Document): number {
  const { isAlias, visit } = loadYaml();
  let offset = 0;
  visit(document, (_key, node) => {
    if (!isAlias(node)) return undefined;
    offset = node.range?.[0] ?? 0;
    return visit.BREAK;
  });
  return offset;
}

function walk(document: Document, path: FieldPath) {
  let node: unknown = document.contents;
  let keyNode: Node | undefined;
  let found = 0;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (!next) break;
    node = next.value;
    keyNode = next.key;
    found++;
  }
  return { node: node as Node | null | undefined, keyNode, complete: found === path.length };
}

function childOf(node: unknown, segment: PropertyKey): { key?: Node; value: unknown } | undefined {
  const { isMap, isPair, isScalar, isSeq } = loadYaml();
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    if (!pair) return undefined;
    return { key: pair.key as Node, value: pair.value ?? pair.key };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

/** `['sources', 1, 'date']` -> `sources.1.date`. */
export function joinPath(path: FieldPath): string {
  return path.map(String).join('.');
}
