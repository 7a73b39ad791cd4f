import { decodeHTML } from 'entities';
import type { Token } from 'marked';
import type { ComposedItem, ItemOutline } from '../compose/types.js';
import { MonitorError } from '../core/errors.js';
import { lexBody } from './markdown.js';

/**
 * Plain text of Markdown, for what a reader searches and for the line a category page shows under each
 * headline: the words of marked's tokens (text, code spans, escapes), never HTML an editor typed, with
 * entities decoded; whitespace is collapsed.
 */
export function markdownWords(tokens: Token[]): string {
  const words: string[] = [];
  const walk = (list: Token[]) => {
    for (const token of list) {
      if (token.type === 'html') continue;
      const children = 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : undefined;
      const items = token.type === 'list' ? (token.items as Token[]) : undefined;
      if (children) walk(children);
      else if (items) walk(items);
      else if (token.type === 'text' || token.type === 'codespan' || token.type === 'escape') words.push(decodeHTML(String(token.text)));
      else if (token.type === 'br') words.push(' ');
      if (isBlock(token)) words.push(' ');
    }
  };
  walk(tokens);
  return words.join('').replace(/\s+/g, ' ').trim();
}

const BLOCKS = new Set(['paragraph', 'heading', 'list_item', 'blockquote', 'code', 'table']);

function isBlock(token: Token): boolean {
  return BLOCKS.has(token.type);
}

const ledes = new WeakMap<ComposedItem, string>();

/**
 * An item's body as plain text (see markdownWords), for the search index. Its first sentence comes from
 * the same lexing and is remembered for the item's line on each category page (an item is on several,
 * and a build that indexes an item shows it on them): the text itself is not kept.
 */
export function bodyText(item: ComposedItem, language: string): string {
  const tokens = lexBody(item.body);
  if (!ledes.has(item)) ledes.set(item, firstSentenceOf(tokens.slice(0, 1), language));
  return markdownWords(tokens);
}

/**
 * The first sentence of an item's body as plain text, for the line a category page shows under its
 * headline. Sentences are found by Intl.Segmenter in the publication's language, so a Russian sentence
 * ends where a reader would say it does. An outline of an unchanged issue (site/issue-memo.ts) has no
 * body but knows its lede.
 */
export function itemLede(item: ItemOutline, language: string): string {
  if (item.lede !== undefined) return item.lede;
  if (!('body' in item)) throw new MonitorError(`monitor tried to show the first sentence of "${item.headline}" from its outline, which does not hold it; please report this`);
  let lede = ledes.get(item as ComposedItem);
  if (lede === undefined) ledes.set(item as ComposedItem, (lede = firstSentence((item as ComposedItem).body, language)));
  return lede;
}

/** The first sentence of Markdown text (see itemLede). */
export function firstSentence(body: string, language = 'en'): string {
  return firstSentenceOf(lexBody(body).slice(0, 1), language);
}

const segmenters = new Map<string, Intl.Segmenter>();

function firstSentenceOf(tokens: Token[], language: string): string {
  const text = markdownWords(tokens);
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })));
  for (const { segment } of segmenter.segment(text)) return segment.trim();
  return text;
}
