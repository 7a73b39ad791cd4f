import { decodeHTML } from 'entities';
import { parseFeedDate } from './feed-dates.js';

/** Feed text made safe and well-formed enough for a strict XML parser, and what had to be changed. */
export interface RepairedXml {
  text: string;
  flaws: string[];
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Fix what real feeds get wrong before a strict parser rejects the whole feed for it: a DOCTYPE (dropped,
 * so declared entities are never expanded and external ones never fetched), bare `&`, HTML named entities,
 * character references to characters XML forbids, control characters and Atom dates that cannot be read.
 */
export function repairXml(input: string): RepairedXml {
  const flaws: string[] = [];
  let text = input.replace(/^\uFEFF/, '');
  text = dropDoctype(text, flaws);
  text = mapOutsideCdata(text, (part) => repairEntities(part, flaws));
  text = dropControlCharacters(text, flaws);
  text = blankUnreadableAtomDates(text, flaws);
  return { text, flaws };
}

function dropDoctype(text: string, flaws: string[]): string {
  return text.replace(/<!DOCTYPE(?:[^[>"']|"[^"]*"|'[^']*')*(?:\[[\s\S]*?\]\s*)?>/gi, (doctype) => {
    if (/<!ENTITY/i.test(doctype)) flaws.push('the feed declares its own entities in a DOCTYPE; they were ignored, not expanded');
    return '';
  });
}

/** Apply `repair` to the text outside CDATA sections and comments, where `&` means nothing. */
function mapOutsideCdata(text: string, repair: (part: string) => string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, index) => (index % 2 === 1 ? part : repair(part)))
    .join('');
}

function repairEntities(text: string, flaws: string[]): string {
  let bare = 0;
  const undefinedNames = new Set<string>();
  const repaired = text.replace(/&(?:(#\d+|#x[0-9a-f]+)|([a-z][a-z0-9]*));|&/gi, (match, numeric?: string, name?: string) => {
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

/** rss-parser throws on an Atom date it cannot read, losing the whole feed; write it in ISO or leave it empty. */
function blankUnreadableAtomDates(text: string, flaws: string[]): string {
  return text.replace(/<(published|updated)(\s[^>]*)?>([^<]*)<\/\1>/g, (match, tag: string, attributes = '', value: string) => {
    if (value.trim() === '' || !Number.isNaN(new Date(value).getTime())) return match;
    const date = parseFeedDate(value);
    if (!date) flaws.push(`unreadable date "${value.trim().slice(0, 40)}" ignored`);
    return `<${tag}${attributes}>${date?.instant ?? ''}</${tag}>`;
  });
}
