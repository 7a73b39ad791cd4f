import { createRequire } from 'node:module';
import jsYaml from 'js-yaml';
import type { Node } from 'yaml';
import { parsePlainYaml } from './plain-yaml.js';
import type { Place, Problem } from './problems.js';
import { error } from './problems.js';

/** A field path as zod and the yaml package spell it. */
export type FieldPath = readonly PropertyKey[];

/** YAML text parsed into plain data, remembering where each node came from. */
export interface PositionedYaml {
  /** The parsed value (plain objects, arrays, strings, numbers, booleans, null). */
  data: unknown;
  /** Syntax errors, already placed in the file. */
  problems: Problem[];
  /** The place of the field at `path`, or of its nearest existing parent. `at: 'key'` points at the key. */
  placeOf(path: FieldPath, at?: 'key' | 'value'): Place;
  /** Whether the field at `path` is written in the file. */
  has(path: FieldPath): boolean;
}

/**
 * Parse YAML keeping node positions. `firstLine` is the file line the text starts on (2 for front matter
 * after its opening `---`), so every place refers to the editor's file, not to the snippet.
 *
 * Most files are fine and nobody asks where their fields are, so the data comes from the plain reader
 * of the usual front-matter subset or, for anything else, from js-yaml, several times faster than the
 * yaml package; its Document, which knows every node's position, is built only when a place is asked
 * for or js-yaml rejects the text (then its errors are the ones reported). All read YAML 1.2's core
 * schema, so `2020-01-13` stays a string.
 */
export function parseYamlWithPositions(file: string, text: string, firstLine = 1): PositionedYaml {
  let positioned: PositionedYaml | undefined;
  const withPositions = () => (positioned ??= parsePositioned(file, text, firstLine));
  let data: unknown = parsePlainYaml(text);
  try {
    data ??= jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch {
    return withPositions();
  }
  return {
    data,
    problems: [],
    has: (path) => withPositions().has(path),
    placeOf: (path, at) => withPositions().placeOf(path, at),
  };
}

/**
 * The yaml package is loaded on first use: a run whose files are all fine never needs it, and loading it
 * costs about 45 ms. (Bundled, the command line may also hold a copy of its own for other uses; the two
 * never meet: this one only places problems.)
 */
let yamlPackage: typeof import('yaml') | undefined;
function loadYaml(): typeof import('yaml') {
  return (yamlPackage ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

function parsePositioned(file: string, text: string, firstLine: number): PositionedYaml {
  const { LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const placeAt = (offset: number, path: FieldPath): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + firstLine - 1, column: col, path: joinPath(path) };
  };
  const problems = [...document.errors, ...document.warnings].map((issue) =>
    error(placeAt(issue.pos[0], []), `YAML syntax: ${firstSentence(issue.message)}`),
  );
  const data = document.errors.length > 0 ? undefined : document.toJS({ maxAliasCount: 50 });

  const walk = (path: FieldPath) => {
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
  };

  return {
    data,
    problems,
    has: (path) => walk(path).complete,
    placeOf(path, at = 'value') {
      const { node, keyNode, complete } = walk(path);
      const target = complete && at === 'key' && keyNode ? keyNode : node;
      const offset = target?.range?.[0] ?? keyNode?.range?.[0] ?? 0;
      return placeAt(offset, path);
    },
  };
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

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
