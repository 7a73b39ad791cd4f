/**
 * How deep lists and block quotes may nest in an item or an editor's note. Markdown renderers walk
 * nesting by recursion: a 1 MB item of 1,000 nested levels took seconds and a gigabyte per format, and
 * deeper ones overflowed the stack. No newsletter item needs more than a handful.
 */
export const MAX_NESTING = 20;

/** A thematic break (`- - -`, `* * *`) looks like list markers but is a rule. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ *(`{3,}|~{3,})/;
/** A line that starts (after spaces) with a quote or list marker. */
const ANY_MARKER = /^[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/m;

/**
 * The 0-based line of `markdown` where lists and quotes first nest deeper than MAX_NESTING, or -1. One
 * pass over the lines without recursion: the quote and list markers that open each line, plus the list
 * items it sits inside by its indentation (the content columns of the open items, kept as a stack).
 * Fenced code is skipped. It errs on the side of counting less (lazy continuation lines close items).
 */
export function findDeepNesting(markdown: string): number {
  // Most items hold no list or quote at all: one native scan says so.
  if (!ANY_MARKER.test(markdown)) return -1;
  const open: Open = { quotes: 0, items: [] };
  let fence: string | undefined;
  let start = 0;
  for (let line = 0; start <= markdown.length; line++) {
    const found = markdown.indexOf('\n', start);
    const end = found < 0 ? markdown.length : found;
    const text = markdown.slice(start, end);
    start = end + 1;
    const fenceMark = FENCE.exec(text)?.[1];
    if (fence !== undefined) {
      if (fenceMark?.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (text.trim() === '' || THEMATIC_BREAK.test(text)) continue;
    if (depthOfLine(text, open) > MAX_NESTING) return line;
  }
  return -1;
}

/** What a line leaves open for the next: the quote markers it starts with, and the content columns of its open list items. */
interface Open {
  quotes: number;
  items: number[];
}

/** The nesting depth of one line; updates what is open. */
function depthOfLine(text: string, open: Open): number {
  let column = indentOf(text, 0);
  let quotes = 0;
  while (text.charCodeAt(column) === 0x3e /* > */ && quotes <= MAX_NESTING) {
    quotes++;
    column = indentOf(text, column + 1);
  }
  // Quote markers are repeated on every line; list items carry over only between lines quoted alike.
  if (quotes !== open.quotes) open.items.length = 0;
  open.quotes = quotes;
  const { items } = open;
  while (items.length > 0 && items[items.length - 1]! > column) items.pop();
  let depth = quotes + items.length;
  while (depth <= MAX_NESTING) {
    if (text.charCodeAt(column) === 0x3e) {
      column = indentOf(text, column + 1);
    } else {
      const width = listMarkerWidth(text, column);
      if (width === 0) break;
      column = indentOf(text, column + width);
      items.push(column);
    }
    depth++;
  }
  return depth;
}

/** Width of a list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space at `column`, or 0. */
function listMarkerWidth(text: string, column: number): number {
  const code = text.charCodeAt(column);
  let width = 0;
  if (code === 0x2d || code === 0x2a || code === 0x2b) width = 1;
  else {
    while (width < 9 && isDigit(text.charCodeAt(column + width))) width++;
    const after = text.charCodeAt(column + width);
    if (width === 0 || (after !== 0x2e && after !== 0x29)) return 0;
    width++;
  }
  const next = text.charCodeAt(column + width);
  return next === 0x20 || next === 0x09 || Number.isNaN(next) ? width : 0;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function indentOf(text: string, from: number): number {
  let column = from;
  while (text.charCodeAt(column) === 0x20 || text.charCodeAt(column) === 0x09) column++;
  return column;
}
