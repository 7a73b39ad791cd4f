import { Parser } from 'htmlparser2';
import type { ElementFacts } from './chain-styles.js';
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

/** Elements whose content htmlparser2 reads as raw text; a token may stand only in `<title>`'s. */
const RAW_TEXT = new Set(['style', 'script', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

/**
 * Every token of the compiled skeleton with the elements around it, as htmlparser2 (the parser juice
 * reads MJML's HTML with) nests them. Undefined when a token sits where its content could not be filled
 * in safely: inside a comment (such as Outlook's conditional comments), a declaration, or raw text other
 * than `<title>`.
 */
export function placeTokens(html: string): TokenPlace[] | undefined {
  const places: TokenPlace[] = [];
  const stack: ElementFacts[] = [];
  let safe = true;
  const parser: Parser = new Parser({
    onopentag(name, attributes) {
      addTokens(html.slice(parser.startIndex, parser.endIndex + 1), parser.startIndex, undefined, places);
      stack.push({ tag: name, id: attributes['id'], classes: (attributes['class'] ?? '').split(/[ \t\n\f\r]+/).filter(Boolean) });
    },
    onclosetag() {
      stack.pop();
    },
    ontext(text) {
      const top = stack[stack.length - 1]?.tag;
      if (top !== undefined && RAW_TEXT.has(top) && hasToken(text)) safe = false;
      addTokens(text, parser.startIndex, top === 'title' ? undefined : [...stack], places);
    },
    oncomment(text) {
      if (hasToken(text)) safe = false;
    },
    onprocessinginstruction(_name, text) {
      if (hasToken(text)) safe = false;
    },
  }, { decodeEntities: false });
  parser.end(html);
  return safe ? places : undefined;
}

function hasToken(text: string): boolean {
  TOKEN_PATTERN.lastIndex = 0;
  return TOKEN_PATTERN.test(text);
}

function addTokens(text: string, offset: number, context: ElementFacts[] | undefined, places: TokenPlace[]): void {
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = offset + match.index;
    places.push({ kind: match[1] as TokenPlace['kind'], index: Number(match[2]), start, end: start + match[0].length, context });
  }
}
