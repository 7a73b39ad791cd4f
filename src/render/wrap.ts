/** How to indent the lines of a wrapped block. */
export interface WrapOptions {
  /** Prefix of the first line, such as `- ` for a list item. */
  first?: string;
  /** Prefix of every following line, such as two spaces under a list bullet or `> ` in a quote. */
  rest?: string;
}

/**
 * Wrap text at `width` columns, greedily, breaking only at spaces. A word longer than the line (a long URL)
 * stands alone on its line and is never broken. Newlines in `text` are hard breaks; runs of spaces collapse.
 * No-break spaces (U+00A0) are kept and never broken at.
 */
export function wrapText(text: string, width: number, options: WrapOptions = {}): string {
  const first = options.first ?? '';
  const rest = options.rest ?? first.replace(/./g, ' ');
  const lines: string[] = [];
  for (const segment of text.split('\n')) {
    const prefix = lines.length === 0 ? first : rest;
    if (SIMPLE_SEGMENT.test(segment)) wrapSimpleSegment(segment, width, prefix, rest, lines);
    else wrapSegment(segment, width, prefix, rest, lines);
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}

/**
 * A segment whose words are parted by single spaces, with none at either end, and whose every UTF-16 unit
 * is a column (no tab, carriage return or surrogate): what nearly every paragraph is.
 */
const SIMPLE_SEGMENT = /^(?:[^ \t\r\uD800-\uDFFF]+(?: [^ \t\r\uD800-\uDFFF]+)*)?$/;

/**
 * wrapSegment's lines for a simple segment, cut from it rather than built word by word: a line runs from
 * its first word to the last space within reach (or holds its first word alone when that is too long).
 */
function wrapSimpleSegment(segment: string, width: number, firstPrefix: string, restPrefix: string, lines: string[]): void {
  let prefix = firstPrefix;
  let start = 0;
  for (;;) {
    const limit = start + width - columns(prefix);
    if (limit >= segment.length) break;
    let end = segment.lastIndexOf(' ', limit);
    if (end < start) end = segment.indexOf(' ', start);
    if (end < 0) break;
    lines.push(prefix + segment.slice(start, end));
    prefix = restPrefix;
    start = end + 1;
  }
  lines.push(prefix + segment.slice(start));
}

function wrapSegment(segment: string, width: number, firstPrefix: string, restPrefix: string, lines: string[]): void {
  const restColumns = columns(restPrefix);
  let line = firstPrefix;
  // Columns of `line`, kept as words are added, so each word is counted once rather than the line per word.
  let used = columns(firstPrefix);
  let empty = true;
  for (const word of segment.split(/[ \t\r]+/)) {
    if (word === '') continue;
    const size = columns(word);
    if (empty || used + 1 + size <= width) {
      line = empty ? line + word : `${line} ${word}`;
      used += empty ? size : 1 + size;
      empty = false;
      continue;
    }
    lines.push(line);
    line = restPrefix + word;
    used = restColumns + size;
  }
  lines.push(line);
}

/** UTF-16 surrogates: a code point outside the Basic Multilingual Plane takes two of them. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Columns a line takes: code points, so Cyrillic and accented letters count once. */
export function columns(line: string): number {
  return SURROGATE.test(line) ? [...line].length : line.length;
}
