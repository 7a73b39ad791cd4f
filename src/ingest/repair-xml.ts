import { decodeHTML } from 'entities';

/** Feed text made safe and well-formed enough for a strict XML parser, and what had to be changed. */
export interface RepairedXml {
  text: string;
  flaws: string[];
}

/**
 * Where a repair may be needed: an `&` that does not start one of XML's five entities (the bulk of escaped
 * HTML, passed over by the regex engine), or `<!`, which may open a CDATA section, comment or DOCTYPE.
 */
const NEXT = /&(?!(?:amp|lt|gt|quot|apos);)|<!/g;
/** At an `&`: a character reference or a named entity. */
const REFERENCE = /&(?:(#\d+|#[xX][0-9a-fA-F]+)|([a-zA-Z][a-zA-Z0-9]*));/y;
/** After `<!DOCTYPE`: the rest of it, quoted strings and the internal subset included. */
const DOCTYPE_REST = /(?:[^[>"']|"[^"]*"|'[^']*')*(?:\[[\s\S]*?\]\s*)?>/y;

/**
 * Fix what real feeds get wrong before a strict parser rejects the whole feed for it: a DOCTYPE (dropped,
 * so declared entities are never expanded and external ones never fetched), bare `&`, HTML named entities,
 * character references to characters XML forbids, and control characters.
 *
 * One pass, so that time grows with the length of the text whatever it holds: a CDATA section, comment or
 * DOCTYPE is passed over to its end in one search; one that never ends runs, as XML reads it, to the end of
 * the document, which is dropped from there (no entry can be read from it).
 */
export function repairXml(input: string): RepairedXml {
  const flaws: string[] = [];
  const text = dropControlCharacters(repairMarkup(input.replace(/^\uFEFF/, ''), flaws), flaws);
  return { text, flaws };
}

function repairMarkup(text: string, flaws: string[]): string {
  const pieces: string[] = [];
  const entities: EntityCounts = { bare: 0, undefinedNames: new Set<string>() };
  let copied = 0;
  NEXT.lastIndex = 0;
  for (let match = NEXT.exec(text); match; match = NEXT.exec(text)) {
    const at = match.index;
    const step = text.charCodeAt(at) === 0x26 ? repairReference(text, at, entities) : passConstruct(text, at, flaws);
    if (step.replacement !== undefined) {
      pieces.push(text.slice(copied, at), step.replacement);
      copied = step.end;
    }
    NEXT.lastIndex = step.end;
  }
  pieces.push(text.slice(copied));
  reportEntities(entities, flaws);
  return pieces.join('');
}

/** What to do with the text from a match up to `end`: write `replacement` instead, or keep it as it is. */
interface Step {
  end: number;
  replacement?: string;
}

interface EntityCounts {
  bare: number;
  undefinedNames: Set<string>;
}

function repairReference(text: string, at: number, entities: EntityCounts): Step {
  REFERENCE.lastIndex = at;
  const match = REFERENCE.exec(text);
  if (!match) {
    entities.bare += 1;
    return { end: at + 1, replacement: '&amp;' };
  }
  const [reference, numeric, name] = match;
  const end = at + reference.length;
  if (numeric) return isXmlChar(numeric) ? { end } : { end, replacement: '' };
  const decoded = decodeHTML(reference);
  if (decoded !== reference) return { end, replacement: [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('') };
  entities.undefinedNames.add(name!);
  return { end, replacement: `&amp;${name};` };
}

/** At `<!`: pass over a CDATA section or comment (`&` means nothing there), drop a DOCTYPE. */
function passConstruct(text: string, at: number, flaws: string[]): Step {
  if (text.startsWith('<![CDATA[', at)) return passOver(text, at + 9, ']]>', 'a CDATA section', flaws);
  if (text.startsWith('<!--', at)) return passOver(text, at + 4, '-->', 'a comment', flaws);
  if (text.slice(at, at + 9).toUpperCase() !== '<!DOCTYPE') return { end: at + 2 };
  DOCTYPE_REST.lastIndex = at + 9;
  const rest = DOCTYPE_REST.exec(text);
  if (!rest) return unended(text, 'a DOCTYPE', flaws);
  if (/<!ENTITY/i.test(rest[0])) flaws.push('the feed declares its own entities in a DOCTYPE; they were ignored, not expanded');
  return { end: DOCTYPE_REST.lastIndex, replacement: '' };
}

function passOver(text: string, from: number, closer: string, what: string, flaws: string[]): Step {
  const close = text.indexOf(closer, from);
  return close < 0 ? unended(text, what, flaws) : { end: close + closer.length };
}

/** A construct that never ends holds, as XML reads it, the rest of the document: drop it once. */
function unended(text: string, what: string, flaws: string[]): Step {
  flaws.push(`${what} begins and never ends; the feed was read up to there`);
  return { end: text.length, replacement: '' };
}

function reportEntities({ bare, undefinedNames }: EntityCounts, flaws: string[]): void {
  if (bare > 0) flaws.push(`${bare} bare "&" ${bare === 1 ? 'was' : 'were'} read as text (the feed should write &amp;)`);
  if (undefinedNames.size > 0) {
    const names = [...undefinedNames].slice(0, 5).map((name) => `&${name};`).join(', ');
    flaws.push(`undefined ${undefinedNames.size === 1 ? 'entity' : 'entities'} ${names} kept as text`);
  }
}

function isXmlChar(reference: string): boolean {
  const code = reference.startsWith('#x') || reference.startsWith('#X') ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function dropControlCharacters(text: string, flaws: string[]): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  if (cleaned.length !== text.length) flaws.push(`${text.length - cleaned.length} control characters removed`);
  return cleaned;
}
