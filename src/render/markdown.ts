import { Marked, type MarkedOptions, type Token, type Tokens } from 'marked';
import type { ComposedItem } from '../compose/types.js';
import { BodyRenderer } from './body-renderer.js';
import { sanitizeBodyHtml } from './sanitize.js';

/** One Markdown engine for every format: CommonMark + GFM, no extensions that change the model. */
const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** The Markdown block tokens of a body (marked's lexer), the common source of the HTML and text formats. */
export function lexBody(body: string): Token[] {
  return markdown.lexer(body).filter((token) => token.type !== 'space');
}

/**
 * Item bodies lexed once for the two formats built from their tokens, the HTML views and the plain text
 * (neither changes a token). The first format to ask lexes the body and keeps the tokens; the second takes
 * them. A build renders an issue's formats one after the other, so only the latest bodies are kept: a
 * renderer asked for one format only (a page printed by `monitor render`, a category page's items) would
 * otherwise hold the tokens of every body it lexed.
 */
export class ItemTokens {
  private readonly kept = new Map<ComposedItem, { body: string; tokens: Token[] }>();

  constructor(private readonly limit = KEPT_BODIES) {}

  /** The block tokens of the item's body, as lexBody gives them. */
  of(item: ComposedItem): Token[] {
    const kept = this.kept.get(item);
    if (kept !== undefined) this.kept.delete(item);
    if (kept !== undefined && kept.body === item.body) return kept.tokens;
    const tokens = lexBody(item.body);
    this.kept.set(item, { body: item.body, tokens });
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
    return tokens;
  }
}

/** Bodies whose tokens ItemTokens keeps: a few issues' worth. */
const KEPT_BODIES = 100;

/**
 * Markdown to safe HTML: written by marked through BodyRenderer, every link absolute against `base`
 * (default: leave relative links relative to nothing but an example origin).
 */
export function markdownToHtml(source: string, base = 'https://example.invalid/'): string {
  return renderBlocks(markdown.lexer(source), base);
}

function hasRawHtml(tokens: Token[]): boolean {
  let found = false;
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'html') found = true;
  });
  return found;
}

/** marked's options with a renderer for this page; marked's parser takes its renderer from them. */
function withRenderer(base: string): MarkedOptions {
  return { ...markdown.defaults, renderer: new BodyRenderer(base) };
}

/**
 * HTML an editor typed cannot be made safe token by token (an inline `<b>` and its `</b>` are two
 * tokens), so each top-level block holding some goes through sanitize-html whole; the other blocks are
 * BodyRenderer's output as it is.
 */
function safeBlock(html: string, tokens: Token[], base: string): string {
  return hasRawHtml(tokens) ? sanitizeBodyHtml(html, base) : html;
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

/** `tokens`: the body's block tokens when they are already at hand (lexBody's). */
export function bodyToHtml(source: string, base: string, tokens: Token[] = lexBody(source)): BodyHtml {
  const last = tokens[tokens.length - 1];
  if (last?.type !== 'paragraph') return { leadHtml: renderBlocks(tokens, base), closingHtml: '' };
  const closing = markdown.Parser.parseInline((last as Tokens.Paragraph).tokens, withRenderer(base));
  return {
    leadHtml: renderBlocks(tokens.slice(0, -1), base),
    closingHtml: safeBlock(closing, [last], base).trim(),
  };
}

function renderBlocks(tokens: Token[], base: string): string {
  const options = withRenderer(base);
  return tokens.map((token) => safeBlock(markdown.parser([token], options), [token], base)).join('').trim();
}
