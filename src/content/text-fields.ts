/**
 * Front-matter fields that hold a line of prose. House rule: written without quotes, such a value is the
 * whole rest of its line, as the editor typed it. Plain YAML would cut `headline: Russia's #1 problem`
 * at the " #" (a comment), and refuse `headline: Mishustin: the tax man ...` and
 * `headline: "Foreign agent" rules ...`; editors write headlines like these every week.
 */
export const WHOLE_LINE_FIELDS: ReadonlySet<string> = new Set(['headline', 'author', 'preheader', 'subject', 'publication']);

/** A prose value that plain YAML would not have read as the whole line. */
export interface WholeLineValue {
  /** 0-based line of the front matter. */
  line: number;
  /** 0-based column where the value starts. */
  column: number;
  field: string;
  value: string;
}

/** A value that YAML reads otherwise than as written: ": ", " #", a final ":", a tab, or a start other than a letter. */
const DIFFERS_IN_YAML = /: |:$| #|\t|^[^A-Za-z\u00a0-\uffff(]|^(?:true|false|null)$/i;
/** Left to YAML: flow lists, block text, anchors, aliases and tags, and a value that is one quoted string. */
const LEFT_TO_YAML = /^[[{|>&*!]|^"(?:[^"\\]|\\.)*"(?:\s+#.*)?$|^'(?:[^']|'')*'(?:\s+#.*)?$/;

/**
 * Apply the house rule to front-matter YAML: each prose value YAML would read otherwise is written
 * back quoted, on the same line (so every line keeps its number), and listed.
 */
export function quoteWholeLineValues(yaml: string): { yaml: string; rewritten: WholeLineValue[] } {
  const rewritten: WholeLineValue[] = [];
  let result = '';
  let copied = 0;
  let line = 0;
  for (let start = 0; start < yaml.length; line++) {
    const found = yaml.indexOf('\n', start);
    const end = found < 0 ? yaml.length : found;
    const field = proseField(yaml, start, end);
    if (field && !continues(yaml, end, field.keyColumn)) {
      const value = yaml.slice(start + field.column, end).trimEnd();
      result += yaml.slice(copied, start + field.column) + JSON.stringify(value);
      copied = end;
      rewritten.push({ line, column: field.column, field: field.name, value });
    }
    start = end + 1;
  }
  return { yaml: rewritten.length > 0 ? result + yaml.slice(copied) : yaml, rewritten };
}

/**
 * The prose field written on the line from `start` to `end` (`key: value`, or `- key: value` in a list)
 * when its value needs the house rule: where its key and its value start, counted from the line's start.
 */
function proseField(yaml: string, start: number, end: number): { name: string; keyColumn: number; column: number } | undefined {
  let key = start;
  while (yaml.charCodeAt(key) === 0x20) key++;
  if (yaml.charCodeAt(key) === 0x2d /* - */ && yaml.charCodeAt(key + 1) === 0x20) {
    key += 2;
    while (yaml.charCodeAt(key) === 0x20) key++;
  }
  const colon = yaml.indexOf(':', key);
  if (colon < 0 || colon >= end || yaml.charCodeAt(colon + 1) !== 0x20) return undefined;
  const name = yaml.slice(key, colon);
  if (!WHOLE_LINE_FIELDS.has(name)) return undefined;
  let value = colon + 1;
  while (yaml.charCodeAt(value) === 0x20) value++;
  const text = yaml.slice(value, end).trimEnd();
  if (text === '' || !DIFFERS_IN_YAML.test(text) || LEFT_TO_YAML.test(text)) return undefined;
  return { name, keyColumn: key - start, column: value - start };
}

/** Whether the line after `end` carries the value on (is indented past the key): then the value is YAML's. */
function continues(yaml: string, end: number, keyColumn: number): boolean {
  const found = yaml.indexOf('\n', end + 1);
  const next = yaml.slice(end + 1, found < 0 ? yaml.length : found);
  const indent = next.length - next.trimStart().length;
  return indent > keyColumn && next.trim() !== '' && !next.trimStart().startsWith('#');
}
