/**
 * Where the words of a text are: letters and digits in any script (Unicode L and N), with inner
 * apostrophes, dots or hyphens (U.S., don't, 16.5), the words of the regular expression
 * /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\/gu. Scanned by hand because grouping a run of thousands of
 * entries spent a fifth of its time matching it and collecting the matches; tests/ingest/stories/
 * checks the scan against the expression.
 */
export interface WordSpans {
  /** Where each word starts. */
  starts: number[];
  /** Where each word ends (exclusive). */
  ends: number[];
}

export function findWords(text: string): WordSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  while (index < text.length) {
    let width = wordCharWidth(text, index);
    if (width === 0) {
      index += 1;
      continue;
    }
    starts.push(index);
    index += width;
    for (;;) {
      while (index < text.length && (width = wordCharWidth(text, index)) > 0) index += width;
      if (index + 1 < text.length && isInnerMark(text.charCodeAt(index)) && (width = wordCharWidth(text, index + 1)) > 0) index += 1 + width;
      else break;
    }
    ends.push(index);
  }
  return { starts, ends };
}

/** Where the text's `count`-th run of non-space characters (/\S+/) ends; the text's length when it has fewer. */
export function endOfWords(text: string, count: number): number {
  let runs = 0;
  let inRun = false;
  for (let index = 0; index < text.length; index += 1) {
    const space = isSpace(text.charCodeAt(index));
    if (!space && !inRun && ++runs > count) return index;
    inRun = !space;
  }
  return text.length;
}

function isInnerMark(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d;
}

/** JavaScript's \s: white space and line terminators. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Per UTF-16 unit below 0x10000: 0 not known yet, 1 a letter or digit, 2 not. */
const KNOWN = new Uint8Array(0x10000);

/** How many UTF-16 units the letter or digit at `index` takes (1, or 2 beyond the first plane); 0 for any other character. */
function wordCharWidth(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(index, index + 2)) ? 2 : 0;
  }
  let known = KNOWN[code]!;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    KNOWN[code] = known;
  }
  return known === 1 ? 1 : 0;
}
