import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Renderer, type Tokens } from 'marked';
import { absoluteUrl } from './sanitize.js';

/** Schemes a link may keep, once resolved against the page; any other link keeps its words only. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
/** Schemes an image source may keep; without one the image keeps its alt text but no source. */
const IMAGE_SCHEMES = new Set(['http:', 'https:']);

/**
 * marked's renderer, safe by construction: every token is written by this class with text escaped and
 * attributes limited to the body's allow-list (sanitize.ts), in the form sanitize-html writes them, so
 * Markdown without raw HTML needs no second pass. Links and images are resolved against `base` and kept
 * only with a safe scheme; body headings h1/h2 become h3 (a page keeps one h1 and an h2 per item); task
 * list checkboxes, code languages and table alignment are dropped, as the allow-list drops them. Raw
 * HTML an editor typed is written as it is here; markdown.ts passes each block holding it through
 * sanitize-html.
 */
export class BodyRenderer extends Renderer {
  constructor(private readonly base: string) {
    super();
  }

  override text(token: Tokens.Text | Tokens.Escape): string {
    if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
    return escapeText(decodeHTML(token.text));
  }

  override codespan(token: Tokens.Codespan): string {
    return `<code>${escapeText(token.text)}</code>`;
  }

  override code(token: Tokens.Code): string {
    const text = token.text ? `${token.text.replace(/\n$/, '')}\n` : '';
    return `<pre><code>${escapeText(token.escaped ? decodeHTML(text) : text)}</code></pre>\n`;
  }

  override heading(token: Tokens.Heading): string {
    const level = Math.max(3, token.depth);
    return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
  }

  override hr(): string {
    return '<hr />\n';
  }

  override br(): string {
    return '<br />';
  }

  override checkbox(): string {
    return ' ';
  }

  override tablecell(token: Tokens.TableCell): string {
    const name = token.header ? 'th' : 'td';
    return `<${name}>${this.parser.parseInline(token.tokens)}</${name}>\n`;
  }

  override link(token: Tokens.Link): string {
    const words = token.autolink ? escapeText(token.text) : this.parser.parseInline(token.tokens);
    const href = markedHref(token.href, token.autolink);
    if (href === undefined) return words;
    const url = safeUrl(href, this.base, LINK_SCHEMES);
    if (url === undefined) return `<span>${words}</span>`;
    const title = token.title ? ` title="${attribute(token.title)}"` : '';
    return `<a${title} href="${escapeAttribute(url)}">${words}</a>`;
  }

  override image(token: Tokens.Image): string {
    const alt = token.tokens ? this.parser.parseInline(token.tokens, this.parser.textRenderer) : token.text;
    const href = markedHref(token.href, false);
    if (href === undefined) return escapeText(decodeHTML(alt));
    const src = safeUrl(href, this.base, IMAGE_SCHEMES);
    const title = token.title ? ` title="${attribute(token.title)}"` : '';
    return `<img alt="${attribute(alt)}"${title}${src === undefined ? '' : ` src="${escapeAttribute(src)}"`} />`;
  }
}

/**
 * The href as marked writes it: percent-encoded where needed, entities decoded except in an autolink
 * (`<https://...>`, whose text is taken literally); undefined where marked writes no link.
 */
function markedHref(href: string, autolink: boolean | undefined): string | undefined {
  try {
    const encoded = encodeURI(href).replace(/%25/g, '%');
    return autolink ? encoded : decodeHTMLAttribute(encoded);
  } catch {
    return undefined;
  }
}

/** The URL resolved against the page, when its scheme is one of `schemes`. */
function safeUrl(href: string, base: string, schemes: ReadonlySet<string>): string | undefined {
  const url = absoluteUrl(href, base);
  if (url === undefined) return undefined;
  return schemes.has(new URL(url).protocol) ? url : undefined;
}

/** Text content escaped as sanitize-html writes it: `&`, `<` and `>`. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value escaped as sanitize-html writes it: `&`, `<`, `>` and `"`. */
function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** A title or alt text from the Markdown (entities not yet decoded) as an attribute value. */
function attribute(text: string): string {
  return escapeAttribute(decodeHTMLAttribute(text));
}
