import type { FieldPath } from './yaml-document.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** `0` -> "first", `21` -> "22nd": list entries counted from one, as an editor counts them. */
export function ordinal(index: number): string {
  const number = index + 1;
  if (number <= ORDINALS.length) return ORDINALS[number - 1]!;
  const tens = number % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][number % 10] ?? 'th';
  return `${number}${suffix}`;
}

/** What one entry of a list field is called. */
const ENTRY_OF: Record<string, string> = {
  sources: 'source', categories: 'category', sections: 'section', author: 'author', terms: 'term',
};

/**
 * A field path in the editor's words: `['sources', 0, 'date']` -> "the date of the first source",
 * `['categories', 2]` -> "the third category", `['email', 'from']` -> "from under email". `entry` names
 * the entries of a file that is a list (feeds/sources.yaml: "publication").
 */
export function fieldInWords(path: FieldPath, entry = 'entry'): string {
  if (path.length === 0) return 'the file';
  const last = path[path.length - 1]!;
  const parent = path.slice(0, -1);
  if (typeof last === 'number') {
    const list = parent[parent.length - 1];
    const name = list === undefined ? entry : ENTRY_OF[String(list)] ?? `entry of ${String(list)}`;
    const owner = parent.length > 1 ? ` of ${fieldInWords(parent.slice(0, -1), entry)}` : '';
    return `the ${ordinal(last)} ${name}${owner}`;
  }
  if (parent.length === 0) return String(last);
  return typeof parent[parent.length - 1] === 'number'
    ? `the ${String(last)} of ${fieldInWords(parent, entry)}`
    : `${String(last)} under ${fieldInWords(parent, entry)}`;
}
