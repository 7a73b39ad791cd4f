import { warning, type Problem } from '../core/problems.js';
import type { Item } from './types.js';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** A date as citations write it: `December 27, 2019`, `Dec. 27, 2019` or `2019-12-27`. */
const CITED_DATE = new RegExp(`\\b${MONTH}\\s+\\d{1,2},\\s*\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`);

/**
 * The citation is rendered from `sources` after the last paragraph; an editor who typed it there too
 * (`(*The Moscow Times*, December 27, 2019; TASS, ...)`) would publish it twice. A closing parenthesis
 * that holds a date as citations write it, or names one of the item's sources, is taken for one.
 */
export function checkTypedCitation(item: Pick<Item, 'file' | 'body' | 'bodyLine' | 'sources'>): Problem[] {
  const text = item.body.trimEnd();
  const body = text.endsWith(').') ? text.slice(0, -1) : text;
  if (!body.endsWith(')')) return [];
  const open = openingParenthesis(body);
  if (open < 0 || body.lastIndexOf('\n\n', open) !== body.lastIndexOf('\n\n')) return [];
  const inside = body.slice(open + 1, -1).replace(/[*_]/g, '');
  const names = item.sources.map((source) => source.publication.toLowerCase());
  const lower = inside.toLowerCase();
  if (!CITED_DATE.test(inside) && !names.some((name) => lower.includes(name))) return [];
  const line = item.bodyLine + countLines(body, open);
  const shown = body.length - open > 70 ? `${body.slice(open, open + 60)}...)` : body.slice(open);
  const message = `the text ends in a citation typed by hand, "${shown}"; monitor adds the citation from sources after the last paragraph, so it would appear twice: delete the typed one`;
  return [warning({ file: item.file, line, column: 0, path: 'body' }, message)];
}

/** Where the parenthesis closed at the end of `text` opens, or -1. */
function openingParenthesis(text: string): number {
  let depth = 0;
  for (let at = text.length - 1; at >= 0; at--) {
    const char = text[at];
    if (char === ')') depth++;
    else if (char === '(' && --depth === 0) return at;
  }
  return -1;
}

function countLines(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
