import { decodeHTML } from 'entities';

/** Feed text made safe and well-formed enough for a strict XML parser, and what had to be changed. */
export interface RepairedXml {
  text: string;
  flaws: string[];
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * A character reference, a named entity other than XML's five, or a lone `&`; or a CDATA section or comment
 * to pass over unchanged (`&` means nothing there). XML's own entities, the bulk of escaped HTML, never match.
 */
const AMPERSAND = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|&(?!(?:amp|lt|gt|quot|apos);)(?:(#\d+|#[xX][0-9a-fA-F]+)|([a-zA-Z][a-zA-Z0-9]*));|&(?!(?:amp|lt|gt|quot|apos);)/g;

/**
 * Fix what real feeds get wrong before a strict parser rejects the whole feed for it: a DOCTYPE (dropped,
 * so declared entities are never expanded and external ones never fetched), bare `&`, HTML named entities,
 * character references to characters XML forbids, and control characters. Each change is one pass of the
 * regex engine over the text, without cutting it into pieces.
 */
export function repairXml(input: string): RepairedXml {
  const flaws: string[] = [];
  let text = input.replace(/^\uFEFF/, '');
  text = dropDoctype(text, flaws);
  text = repairEntities(text, flaws);
  text = dropControlCharacters(text, flaws);
  return { text, flaws };
}

function dropDoctype(text: string, flaws: string[]): string {
  return text.replace(/<!DOCTYPE(?:[^[>"']|"[^"]*"|'[^']*')*(?:\[[\s\S]*?\]\s*)?>/gi, (doctype) => {
    if (/<!ENTITY/i.test(doctype)) flaws.push('the feed declares its own entities in a DOCTYPE; they were ignored, not expanded');
    return '';
  });
}

function repairEntities(text: string, flaws: string[]): string {
  let bare = 0;
  const undefinedNames = new Set<string>();
  const repaired = text.replace(AMPERSAND, (match, numeric?: string, name?: string) => {
    if (match.charCodeAt(0) === 0x3c) return match;
    if (numeric) return isXmlChar(numeric) ? match : '';
    if (name === undefined) {
      bare += 1;
      return '&amp;';
    }
    if (XML_ENTITIES.has(name)) return match;
    const decoded = decodeHTML(match);
    if (decoded !== match) return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
    undefinedNames.add(name);
    return `&amp;${name};`;
  });
  if (bare > 0) flaws.push(`${bare} bare "&" ${bare === 1 ? 'was' : 'were'} read as text (the feed should write &amp;)`);
  if (undefinedNames.size > 0) {
    const names = [...undefinedNames].slice(0, 5).map((name) => `&${name};`).join(', ');
    flaws.push(`undefined ${undefinedNames.size === 1 ? 'entity' : 'entities'} ${names} kept as text`);
  }
  return repaired;
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
