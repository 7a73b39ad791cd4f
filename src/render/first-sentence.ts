import { DomUtils, parseDocument } from 'htmlparser2';
import { marked } from 'marked';

/**
 * The first sentence of an item's Markdown body as plain text, for the line a category page shows under
 * each headline. Sentences are found by Intl.Segmenter in the publication's language, so "Mr. Ivanov"
 * or a Russian sentence end where a reader would say they do; the text is taken from marked's HTML by a
 * parser, never by stripping tags with patterns.
 */
export function firstSentence(body: string, language = 'en'): string {
  const paragraph = body.trim().split(/\n\s*\n/)[0] ?? '';
  if (paragraph === '') return '';
  const html = marked.parseInline(paragraph, { async: false });
  const text = DomUtils.textContent(parseDocument(html, { decodeEntities: true })).replace(/\s+/g, ' ').trim();
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  for (const { segment } of segmenter.segment(text)) return segment.trim();
  return text;
}
