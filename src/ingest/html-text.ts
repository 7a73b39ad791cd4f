import { decodeHTMLStrict } from 'entities';
import { printable } from './printable.js';

/** Elements whose content is never article text. */
const DROPPED = /<(script|style|noscript|figure|figcaption|iframe|svg|template|object|video|audio|picture|aside)\b[\s\S]*?<\/\1\s*>/gi;
/** Elements that end a paragraph or line. */
const BLOCK = /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|header|footer|hr|pre|dd|dt)\b[^>]*>/gi;

/**
 * The readable text of an HTML fragment: no tags, scripts, figures or captions; entities decoded;
 * paragraphs separated by a blank line and spaces collapsed inside them.
 */
export function htmlToText(html: string): string {
  const withoutMarkup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(DROPPED, ' ')
    .replace(BLOCK, '\n\n')
    .replace(/<[a-z/!?][^>]*>/gi, '');
  return decodeHTMLStrict(withoutMarkup)
    .split(/\n\s*\n/)
    .map((paragraph) => printable(paragraph.replace(/[\s\u00a0\u200b]+/g, ' ')).trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** A title or name as one line of text. */
export function inlineText(value: string): string {
  const text = /[<&]/.test(value) ? htmlToText(value) : value;
  return printable(text.replace(/\s+/g, ' ')).trim();
}
