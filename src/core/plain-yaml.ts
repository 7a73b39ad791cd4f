import { ISO_DATE } from './dates.js';

/**
 * A reader for the small YAML subset that front matter is written in: top-level `key: value` lines whose
 * values are plain, simply quoted or `[a, b]` scalars, or a block list of such scalars or of flat
 * `key: value` mappings. It gives the same data as js-yaml with the core schema, and gives up (returns
 * undefined) on anything else — tabs, anchors, tags, block scalars, escapes, continuation lines, nested
 * mappings, duplicate keys, values that could be numbers, booleans or null in disguise, unusual characters —
 * so that js-yaml stays the reference for every case this reader does not know for certain.
 * It exists because reading 15,000 front matters with js-yaml costs about 200 ms, this about 20 ms.
 */
export function parsePlainYaml(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL_CHARACTER.test(text)) return undefined;
  const lines = text.split('\n');
  const result: Record<string, unknown> = {};
  let found = false;
  let index = skipBlank(lines, 0);
  while (index < lines.length) {
    const entry = keyLine(lines[index]!);
    // A key seen before, or one Object.prototype has, is js-yaml's (no value here is undefined).
    if (!entry || result[entry.key] !== undefined) return undefined;
    const block = entry.rest === '' ? parseBlock(lines, index + 1) : undefined;
    const value = block ? block.value : inlineValue(entry.rest, false);
    if (value === UNKNOWN) return undefined;
    result[entry.key] = value;
    found = true;
    index = skipBlank(lines, block ? block.end : index + 1);
  }
  return found ? result : undefined;
}

/** Marks a value outside the subset. */
const UNKNOWN = Symbol('unknown');
type Value = unknown;

/**
 * `key:` or `key: value`, the key a plain name starting with a letter (`[A-Za-z][A-Za-z0-9_-]*`);
 * `rest` is what follows the colon, without its leading spaces.
 */
function keyLine(line: string): { key: string; rest: string } | undefined {
  if (!isLetter(line.charCodeAt(0))) return undefined;
  let index = 1;
  for (let code = line.charCodeAt(index); isLetter(code) || isDigit(code) || code === 0x5f || code === 0x2d; code = line.charCodeAt(++index));
  if (line.charCodeAt(index) !== 0x3a) return undefined;
  const key = line.slice(0, index);
  if (index + 1 === line.length) return { key, rest: '' };
  if (line.charCodeAt(index + 1) !== 0x20) return undefined;
  return { key, rest: line.slice(indentOf(line, index + 1)) };
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** What follows `key:` with nothing after it: a block list, or null when the next line is a sibling. */
function parseBlock(lines: string[], start: number): { value: Value; end: number } {
  const next = skipBlank(lines, start);
  if (next >= lines.length) return { value: null, end: next };
  const line = lines[next]!;
  const indent = indentOf(line);
  if (line[indent] === '-') return parseList(lines, next, indent);
  return { value: indent === 0 ? null : UNKNOWN, end: next };
}

/** A block list whose dashes sit at column `dash`; ends at a line indented less (or a key at column 0). */
function parseList(lines: string[], start: number, dash: number): { value: Value; end: number } {
  const items: Value[] = [];
  let index = start;
  while (index < lines.length) {
    const line = lines[index]!;
    if (isBlank(line)) {
      index++;
      continue;
    }
    const indent = indentOf(line);
    if (indent < dash || (indent === dash && line[indent] !== '-')) {
      return indent === 0 ? { value: items, end: index } : { value: UNKNOWN, end: index };
    }
    if (indent > dash || line[dash + 1] !== ' ') return { value: UNKNOWN, end: index };
    const column = indentOf(line, dash + 1);
    const content = line.slice(column);
    if (content.trim() === '') return { value: UNKNOWN, end: index };
    if (keyLine(content)) {
      const mapping = parseListMapping(lines, index, column, dash);
      if (mapping.value === UNKNOWN) return mapping;
      items.push(mapping.value);
      index = mapping.end;
    } else {
      const value = inlineValue(content, false);
      if (value === UNKNOWN) return { value, end: index };
      items.push(value);
      index++;
    }
  }
  return { value: items, end: index };
}

/** `- key: value` and the `key: value` lines under it at `column`; the list's dashes are at `dash`. */
function parseListMapping(lines: string[], start: number, column: number, dash: number): { value: Value; end: number } {
  const mapping: Record<string, unknown> = {};
  let index = start;
  let line = lines[start]!.slice(column);
  for (;;) {
    const entry = keyLine(line);
    if (!entry || mapping[entry.key] !== undefined) return { value: UNKNOWN, end: index };
    const empty = entry.rest === '';
    const next = skipBlank(lines, index + 1);
    const nextIndent = next < lines.length ? indentOf(lines[next]!) : 0;
    const nextIsSibling = nextIndent === column && lines[next]![column] !== '-';
    if (empty && !(nextIsSibling || nextIndent <= dash)) return { value: UNKNOWN, end: index };
    const value = empty ? null : inlineValue(entry.rest, false);
    if (value === UNKNOWN) return { value, end: index };
    mapping[entry.key] = value;
    if (!nextIsSibling) return { value: mapping, end: next };
    index = next;
    line = lines[next]!.slice(column);
  }
}

/** A value written on the key's line: quoted, a `[a, b]` list, or a plain scalar. */
function inlineValue(raw: string, inFlow: boolean): Value {
  const text = trimSpaces(raw);
  const first = text[0];
  if (first === '"') return doubleQuoted(text);
  if (first === "'") return singleQuoted(text);
  if (first === '[' && !inFlow) return flowList(text);
  return plainScalar(text, inFlow);
}

function doubleQuoted(text: string): Value {
  if (text.length < 2 || !text.endsWith('"')) return UNKNOWN;
  const inner = text.slice(1, -1);
  return inner.includes('"') || inner.includes('\\') ? UNKNOWN : inner;
}

function singleQuoted(text: string): Value {
  if (text.length < 2 || !text.endsWith("'")) return UNKNOWN;
  const inner = text.slice(1, -1);
  return inner.replaceAll("''", '').includes("'") ? UNKNOWN : inner.replaceAll("''", "'");
}

function flowList(text: string): Value {
  if (!text.endsWith(']')) return UNKNOWN;
  const inner = text.slice(1, -1);
  if (trimSpaces(inner) === '') return [];
  const items: Value[] = [];
  for (const part of inner.split(',')) {
    const value = inlineValue(part, true);
    if (value === UNKNOWN) return UNKNOWN;
    items.push(value);
  }
  return items;
}

/** Words the core schema reads as null or booleans; left to js-yaml. */
const SPECIAL_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * A plain scalar known to be a string (it starts with a letter and is no special word), a whole number
 * without sign or leading zero, or an ISO date (the core schema has no timestamps: a date stays a string).
 */
function plainScalar(text: string, inFlow: boolean): Value {
  if (text === '' || (inFlow ? FLOW_UNSAFE : BLOCK_UNSAFE).test(text)) return UNKNOWN;
  const code = text.charCodeAt(0);
  if (isDigit(code)) {
    if (ISO_DATE.test(text)) return text;
    return WHOLE_NUMBER.test(text) ? Number(text) : UNKNOWN;
  }
  return (isLetter(code) || code > 0xa0) && (text.length > 5 || !SPECIAL_WORDS.has(text)) ? text : UNKNOWN;
}

const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
/**
 * A comment (` #`), a mapping (`: ` or a final `:`) and brackets anywhere are js-yaml's to judge; in a
 * flow list, also commas, colons, hashes and quotes.
 */
const BLOCK_UNSAFE = /[[\]{}]| #|: |:$/;
const FLOW_UNSAFE = /[[\]{},:#"']/;

/**
 * Anything but line feeds, printable ASCII without tabs, and the printable Basic Multilingual Plane from
 * U+00A1 on (without line and paragraph separators, the byte order mark and surrogates) is js-yaml's.
 */
const UNUSUAL_CHARACTER = /[^\n\x20-\x7e\xa1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

function isBlank(line: string): boolean {
  const indent = indentOf(line);
  return indent === line.length || line[indent] === '#';
}

function skipBlank(lines: string[], start: number): number {
  let index = start;
  while (index < lines.length && isBlank(lines[index]!)) index++;
  return index;
}

function indentOf(line: string, from = 0): number {
  let index = from;
  while (line.charCodeAt(index) === 0x20) index++;
  return index;
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
