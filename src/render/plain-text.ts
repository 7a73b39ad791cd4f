import { decodeHTML } from 'entities';
import type { Token, Tokens } from 'marked';
import { lexBody } from './markdown.js';
import { absoluteUrl, stripTags } from './sanitize.js';
import { wrapText } from './wrap.js';

/** The links of a plain-text email, numbered in order of first appearance: `[1] https://...`. */
export class References {
  readonly urls: string[] = [];

  /** The number of `url`, adding it when new. */
  number(url: string): number {
    const known = this.urls.indexOf(url);
    if (known >= 0) return known + 1;
    this.urls.push(url);
    return this.urls.length;
  }
}

/** What turning a Markdown body into text needs. */
export interface TextContext {
  /** URL the body's relative links are resolved against. */
  base: string;
  width: number;
  references: References;
}

/** Elements whose content is never text a reader should see. */
const HIDDEN_ELEMENTS = /^<\s*(script|style|iframe|object|noscript|template|textarea|title)\b/i;

/**
 * A Markdown body as wrapped plain-text blocks (paragraphs, list items, quotes), from marked's tokens.
 * `closing` (the citation) ends the last paragraph, or stands as a block of its own after a list or quote.
 * `tokens`: the body's block tokens when they are already at hand (lexBody's).
 */
export function bodyToTextBlocks(body: string, context: TextContext, closing = '', tokens: Token[] = lexBody(body)): string[] {
  const last = tokens[tokens.length - 1];
  const endsInParagraph = last?.type === 'paragraph' && closing !== '';
  const blocks = tokens.map((token, index) =>
    endsInParagraph && index === tokens.length - 1
      ? wrapText(`${inlineText((token as Tokens.Paragraph).tokens, context)} ${closing}`, context.width)
      : blockText(token, context, context.width),
  );
  if (closing !== '' && !endsInParagraph) blocks.push(wrapText(closing, context.width));
  return blocks.filter((block) => block.trim() !== '');
}

function blockText(token: Token, context: TextContext, width: number): string {
  switch (token.type) {
    case 'paragraph':
    case 'heading':
      return wrapText(inlineText((token as Tokens.Paragraph).tokens, context), width);
    case 'text':
      return wrapText(inlineText((token as Tokens.Text).tokens ?? [token], context), width);
    case 'list':
      return listText(token as Tokens.List, context, width);
    case 'blockquote':
      return quoteText(token as Tokens.Blockquote, context, width);
    case 'code':
      return (token as Tokens.Code).text.split('\n').map((line) => `    ${line}`).join('\n');
    case 'hr':
      return '* * *';
    case 'table':
      return tableText(token as Tokens.Table, context);
    case 'html':
      return wrapText(decodeHTML(stripTags((token as Tokens.HTML).raw)).trim(), width);
    default:
      return '';
  }
}

function listText(list: Tokens.List, context: TextContext, width: number): string {
  const start = typeof list.start === 'number' ? list.start : 1;
  return list.items
    .map((item, index) => {
      const bullet = list.ordered ? `${start + index}. ` : '- ';
      const indent = ' '.repeat(bullet.length);
      const inner = item.tokens
        .filter((token) => token.type !== 'space')
        .map((token) => blockText(token, context, width - indent.length))
        .join('\n');
      return inner.split('\n').map((line, at) => (at === 0 ? bullet : line === '' ? '' : indent) + line).join('\n');
    })
    .join('\n');
}

function quoteText(quote: Tokens.Blockquote, context: TextContext, width: number): string {
  const inner = quote.tokens
    .filter((token) => token.type !== 'space')
    .map((token) => blockText(token, context, width - 2))
    .join('\n\n');
  return inner.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}

function tableText(table: Tokens.Table, context: TextContext): string {
  const row = (cells: Tokens.TableCell[]) => cells.map((cell) => inlineText(cell.tokens, context)).join(' | ');
  return [row(table.header), ...table.rows.map(row)].join('\n');
}

/** Inline tokens as text: emphasis as `*x*`, links as `text [n]`, raw HTML reduced to its visible text. */
export function inlineText(tokens: Token[], context: TextContext): string {
  let text = '';
  let hiddenUntil: string | undefined;
  let openLink: string | undefined;
  for (const token of tokens) {
    if (token.type === 'html') {
      hiddenUntil = nextHidden(token.raw, hiddenUntil);
      if (hiddenUntil === undefined && /^<br\s*\/?>$/i.test(token.raw.trim())) text += '\n';
      else if (hiddenUntil === undefined) [text, openLink] = rawLink(token.raw, text, openLink, context);
      continue;
    }
    if (hiddenUntil === undefined) text += inlineTokenText(token, context);
  }
  return text.replace(/[ \t]*\n[ \t]*/g, (match) => (match.includes('\n') ? '\n' : ' '));
}

/** A raw `<a href>` in the Markdown: remember its URL, and at `</a>` add its reference number. */
function rawLink(raw: string, text: string, openLink: string | undefined, context: TextContext): [string, string | undefined] {
  const opened = /^<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(raw);
  if (opened) return [text, safeUrl(decodeHTML(opened[1] ?? opened[2] ?? opened[3] ?? ''), context.base)];
  if (/^<\s*\/\s*a\s*>$/i.test(raw) && openLink !== undefined) return [`${text} [${context.references.number(openLink)}]`, undefined];
  return [text, openLink];
}

/** Track an opened `<script>` (or the like) across inline tokens until its closing tag. */
function nextHidden(raw: string, hiddenUntil: string | undefined): string | undefined {
  if (hiddenUntil !== undefined) return new RegExp(`^<\\s*/\\s*${hiddenUntil}\\b`, 'i').test(raw) ? undefined : hiddenUntil;
  const opened = HIDDEN_ELEMENTS.exec(raw);
  return opened && !/\/\s*>$/.test(raw) ? opened[1]!.toLowerCase() : undefined;
}

function inlineTokenText(token: Token, context: TextContext): string {
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens ? inlineText(token.tokens, context) : softBreaks(decodeHTML(token.text));
    case 'escape':
      return token.text;
    case 'em':
      return `*${inlineText((token as Tokens.Em).tokens, context)}*`;
    case 'strong':
      return `**${inlineText((token as Tokens.Strong).tokens, context)}**`;
    case 'del':
      return inlineText((token as Tokens.Del).tokens, context);
    case 'codespan':
      return decodeHTML((token as Tokens.Codespan).text);
    case 'br':
      return '\n';
    case 'link':
      return linkText(token as Tokens.Link, context);
    case 'image':
      return (token as Tokens.Image).text;
    default:
      return 'text' in token && typeof token.text === 'string' ? decodeHTML(token.text) : '';
  }
}

/** Newlines inside a paragraph are soft: they become spaces (a hard break is a `br` token). */
function softBreaks(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function linkText(link: Tokens.Link, context: TextContext): string {
  const label = inlineText(link.tokens, context);
  const url = safeUrl(link.href, context.base);
  if (url === undefined) return label;
  const bare = url.replace(/^mailto:/, '');
  if (label === link.href || label === url || label === bare) return bare;
  return `${label} [${context.references.number(url)}]`;
}

/** An absolute http(s) or mailto URL, or undefined for anything else (`javascript:` and friends). */
export function safeUrl(href: string, base: string): string | undefined {
  const url = absoluteUrl(href, base);
  return url !== undefined && /^(https?|mailto):/i.test(url) ? url : undefined;
}

/**
 * Markdown as plain text in the house style of the text email: blocks wrapped at `width` and separated by
 * blank lines, links numbered, and the references listed at the end as `[1] https://...`.
 */
export function markdownToText(markdown: string, options: { base: string; width?: number }): string {
  const context: TextContext = { base: options.base, width: options.width ?? 72, references: new References() };
  const blocks = bodyToTextBlocks(markdown, context);
  const references = context.references.urls.map((url, index) => `[${index + 1}] ${url}`);
  return [...blocks, ...(references.length > 0 ? [references.join('\n')] : [])].join('\n\n') + '\n';
}
