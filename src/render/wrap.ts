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
    lines.push(...wrapSegment(segment, width, prefix, rest));
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}

function wrapSegment(segment: string, width: number, firstPrefix: string, restPrefix: string): string[] {
  const words = segment.split(/[ \t\r]+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let line = firstPrefix;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (empty || columns(candidate) <= width) {
      line = candidate;
      empty = false;
      continue;
    }
    lines.push(line);
    line = restPrefix + word;
  }
  lines.push(line);
  return lines;
}

/** Columns a line takes: code points, so Cyrillic and accented letters count once. */
export function columns(line: string): number {
  return [...line].length;
}
