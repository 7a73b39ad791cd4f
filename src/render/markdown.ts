import { Marked, type Token, type Tokens } from 'marked';
import { sanitizeBodyHtml } from './sanitize.js';

/** One Markdown engine for every format: CommonMark + GFM, no extensions that change the model. */
const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** The Markdown block tokens of a body (marked's lexer), the common source of the HTML and text formats. */
export function lexBody(body: string): Token[] {
  return markdown.lexer(body).filter((token) => token.type !== 'space');
}

/**
 * Markdown to safe HTML: rendered by marked, reduced to the allowlist of sanitizeBodyHtml, every link
 * absolute against `base` (default: leave relative links relative to nothing but an example origin).
 */
export function markdownToHtml(source: string, base = 'https://example.invalid/'): string {
  return sanitizeBodyHtml(markdown.parse(source, { async: false }), base).trim();
}

/**
 * An item body split so the citation can close its last paragraph, as house style wants:
 * `leadHtml` holds every block but the last paragraph; `closingHtml` the last paragraph's inner HTML,
 * or '' when the body does not end with a paragraph (the citation then stands in a paragraph of its own).
 */
export interface BodyHtml {
  leadHtml: string;
  closingHtml: string;
}

export function bodyToHtml(source: string, base: string): BodyHtml {
  const tokens = lexBody(source);
  const last = tokens[tokens.length - 1];
  if (last?.type !== 'paragraph') return { leadHtml: renderBlocks(tokens, base), closingHtml: '' };
  const closing = markdown.Parser.parseInline((last as Tokens.Paragraph).tokens, markdown.defaults);
  return {
    leadHtml: renderBlocks(tokens.slice(0, -1), base),
    closingHtml: sanitizeBodyHtml(closing, base).trim(),
  };
}

function renderBlocks(tokens: Token[], base: string): string {
  if (tokens.length === 0) return '';
  return sanitizeBodyHtml(markdown.parser(tokens), base).trim();
}
