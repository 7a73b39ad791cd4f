import { readLongDate } from './long-dates.js';
import { plainText } from './plain-text.js';
import type { CitedSource } from './types.js';

/** A paragraph with its closing citation taken off, or why no citation could be read. */
export type CitationSplit =
  | { ok: true; paragraph: string; sources: CitedSource[] }
  | { ok: false; message: string };

/**
 * Take the house-style citation off the end of an item's last paragraph:
 * `... text. (*The Moscow Times*, December 17, 2019; Reuters, December 29, 2019)`. A publication in
 * italics is a periodical, in roman a wire service; one that links to an article keeps that URL.
 */
export function splitCitation(paragraph: string): CitationSplit {
  const trimmed = paragraph.replace(/\s+$/, '').replace(/\)\.$/, ')');
  if (!trimmed.endsWith(')')) return { ok: false, message: 'no citation at the end of its last paragraph' };
  const open = matchingOpen(trimmed);
  if (open === undefined) return { ok: false, message: 'the citation at the end of its last paragraph has unbalanced parentheses' };
  const parts = splitTopLevel(trimmed.slice(open + 1, -1), ';').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: false, message: 'the citation at the end of its last paragraph is empty' };
  const sources: CitedSource[] = [];
  for (const part of parts) {
    const source = readSource(part);
    if (typeof source === 'string') return { ok: false, message: source };
    sources.push(source);
  }
  return { ok: true, paragraph: trimmed.slice(0, open).trimEnd(), sources };
}

/** Index of the `(` that the final `)` closes, skipping parentheses of links inside. */
function matchingOpen(text: string): number | undefined {
  let depth = 0;
  for (let index = text.length - 1; index >= 0; index -= 1) {
    if (text[index] === ')') depth += 1;
    else if (text[index] === '(' && --depth === 0) return index;
  }
  return undefined;
}

/** Split at `separator` outside brackets and parentheses (a link's URL may hold either). */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** One `Publication, Month D, YYYY` of a citation, or a message saying why it cannot be read. */
function readSource(part: string): CitedSource | string {
  const comma = findDateComma(part);
  if (comma === undefined) return `cannot read "${part}" in the citation: each source is written "Publication, Month D, YYYY"`;
  const written = part.slice(comma + 1).trim();
  const date = readLongDate(written);
  if (!date || date.rest.trim() !== '') return `cannot read the date "${written}" in the citation: write it as "December 17, 2019"`;
  if (!date.date) return `"${written}" in the citation is not a real date`;
  return { ...readPublication(part.slice(0, comma).trim()), date: date.date };
}

/** The comma between publication and date: the last one followed by a written-out date. */
function findDateComma(part: string): number | undefined {
  for (let index = part.indexOf(','); index !== -1; index = part.indexOf(',', index + 1)) {
    if (readLongDate(part.slice(index + 1).trim())) return index;
  }
  const last = part.lastIndexOf(',', part.lastIndexOf(',') - 1);
  return last > 0 ? last : undefined;
}

const LINKED = /^\[(.+)\]\((\S+)\)$/;
const ITALIC = /^(?:\*([^*].*)\*|_([^_].*)_)$/;

function readPublication(written: string): Omit<CitedSource, 'date'> {
  let text = written;
  let url: string | undefined;
  let italic = false;
  const outerItalic = ITALIC.exec(text);
  if (outerItalic) {
    italic = true;
    text = (outerItalic[1] ?? outerItalic[2])!;
  }
  const link = LINKED.exec(text);
  if (link) {
    text = link[1]!;
    url = /^https?:\/\//i.test(link[2]!) ? link[2]! : undefined;
  }
  const innerItalic = ITALIC.exec(text);
  if (innerItalic) {
    italic = true;
    text = (innerItalic[1] ?? innerItalic[2])!;
  }
  return { publication: plainText(text), url, style: italic ? 'periodical' : 'wire' };
}
