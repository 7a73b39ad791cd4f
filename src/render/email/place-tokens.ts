import type { ElementFacts } from './inline-rules.js';
import { TOKEN_PATTERN } from './split-template.js';

/** Where MJML put a slot's or a marker's token in the compiled skeleton. */
export interface TokenPlace {
  kind: 'SLOT' | 'MARK';
  index: number;
  start: number;
  end: number;
  /** The elements around the token, outermost first; undefined inside `<title>` or an attribute value. */
  context: ElementFacts[] | undefined;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['style', 'script', 'title', 'textarea']);
const MARKUP = /<!--[\s\S]*?-->|<![^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/**
 * Every token of the compiled skeleton with the elements around it, as htmlparser2 would nest them.
 * Undefined when a token sits where its content could not be filled in safely: inside a comment (such as
 * Outlook's conditional comments) or in raw text other than `<title>`.
 */
export function placeTokens(html: string): TokenPlace[] | undefined {
  const places: TokenPlace[] = [];
  const stack: ElementFacts[] = [];
  let at = 0;
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(html); match; match = MARKUP.exec(html)) {
    if (!addTextTokens(html, at, match.index, stack, places)) return undefined;
    at = match.index + match[0].length;
    const [whole, closing, opening, attributes] = match;
    if (whole.startsWith('<!')) {
      if (hasToken(whole)) return undefined;
    } else if (closing !== undefined) {
      if (stack.pop()?.tag !== closing.toLowerCase()) return undefined;
    } else {
      const element = elementFacts(opening!.toLowerCase(), attributes ?? '');
      addAttributeTokens(html, match.index, whole, places);
      if (RAW_TEXT.has(element.tag)) {
        const close = html.toLowerCase().indexOf(`</${element.tag}`, at);
        if (close < 0) return undefined;
        const raw = html.slice(at, close);
        if (element.tag !== 'title' && hasToken(raw)) return undefined;
        addTokens(raw, at, undefined, places);
        at = close;
        MARKUP.lastIndex = close;
      }
      if (!VOID.has(element.tag)) stack.push(element);
    }
  }
  return addTextTokens(html, at, html.length, stack, places) && stack.length === 0 ? places : undefined;
}

function elementFacts(tag: string, attributes: string): ElementFacts {
  const values = new Map<string, string>();
  for (const [, name, double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
    const key = name!.toLowerCase();
    if (!values.has(key)) values.set(key, double ?? single ?? bare ?? '');
  }
  return { tag, id: values.get('id'), classes: (values.get('class') ?? '').split(/[ \t\n\f\r]+/).filter(Boolean) };
}

function hasToken(text: string): boolean {
  TOKEN_PATTERN.lastIndex = 0;
  return TOKEN_PATTERN.test(text);
}

function addTextTokens(html: string, from: number, to: number, stack: ElementFacts[], places: TokenPlace[]): boolean {
  if (from >= to) return true;
  addTokens(html.slice(from, to), from, [...stack], places);
  return true;
}

function addAttributeTokens(html: string, at: number, tag: string, places: TokenPlace[]): void {
  addTokens(tag, at, undefined, places);
}

function addTokens(text: string, offset: number, context: ElementFacts[] | undefined, places: TokenPlace[]): void {
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = offset + match.index;
    places.push({ kind: match[1] as TokenPlace['kind'], index: Number(match[2]), start, end: start + match[0].length, context });
  }
}
