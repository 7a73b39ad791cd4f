import { Parser } from 'htmlparser2';
import { printable } from '../core/printable.js';

/** Elements whose content is never article text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'figure', 'figcaption', 'iframe', 'svg', 'template', 'object', 'video', 'audio', 'picture', 'aside']);
/** Elements that end a paragraph or line. */
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'table', 'section', 'article', 'header', 'footer', 'hr', 'pre', 'dd', 'dt']);

/** What an article's HTML says: its readable text and the pages it links to. */
export interface HtmlReading {
  /** Paragraphs separated by a blank line, spaces collapsed inside them. */
  text: string;
  /** The `href` of every link outside the dropped elements, as written. */
  links: string[];
}

/**
 * Read an HTML fragment with htmlparser2 (one pass, linear however broken the markup): no tags, scripts,
 * figures or captions; entities decoded; CDATA kept as text.
 */
export function readHtml(html: string): HtmlReading {
  const parts: string[] = [];
  const links: string[] = [];
  let dropped = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (DROPPED.has(name)) dropped += 1;
        else if (BLOCK.has(name)) parts.push('\n\n');
        if (dropped === 0 && name === 'a' && attributes.href) links.push(attributes.href);
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          dropped = Math.max(0, dropped - 1);
          parts.push(' ');
        } else if (BLOCK.has(name)) parts.push('\n\n');
      },
      ontext(text) {
        if (dropped === 0) parts.push(text);
      },
    },
    { decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(html);
  const text = parts
    .join('')
    .split(/\n\s*\n/)
    .map((paragraph) => printable(paragraph.replace(/[\s\u00a0\u200b]+/g, ' ')).trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
  return { text, links };
}

/** The readable text of an HTML fragment (see readHtml). */
export function htmlToText(html: string): string {
  return readHtml(html).text;
}

/** A title or name as one line of text. */
export function inlineText(value: string): string {
  const text = /[<&]/.test(value) ? htmlToText(value) : value;
  return printable(text.replace(/\s+/g, ' ')).trim();
}
