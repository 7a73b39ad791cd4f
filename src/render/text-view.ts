import type { ComposedIssue, ComposedItem } from '../compose/types.js';
import { ItemTokens } from './markdown.js';
import { bodyToTextBlocks, References, type TextContext } from './plain-text.js';
import { wrapText } from './wrap.js';

/** An item as the plain-text template sees it: every block already wrapped. */
export interface TextItemView {
  headline: string;
  /** The headline in capitals, on one line unless it is longer than 78 columns. */
  headlineText: string;
  /** Paragraphs, list items and quotes, wrapped; the citation closes the last paragraph. */
  blocks: string[];
  /** `(*The Moscow Times*, December 17, 2019; Reuters, December 29, 2019)`. */
  citation: string;
}

/** The issue as the plain-text template sees it. */
export interface TextIssueView {
  issue: ComposedIssue;
  /** `Related Categories: A; B; C`, wrapped; '' when the issue has none. */
  categoriesLine: string;
  noteBlocks: string[];
  sections: Array<{ title: string | undefined; items: TextItemView[] }>;
  /** `[1] https://...`, in order of first mention. */
  references: string[];
}

/** Headlines wrap only past the widest line house style allows, so each stays on one line where it can. */
const HEADLINE_WIDTH = 78;

/** `tokens`: where the items' bodies are lexed, shared with the HTML views of the same renderer. */
export function textIssueView(issue: ComposedIssue, width: number, tokens = new ItemTokens()): TextIssueView {
  const context: TextContext = { base: issue.url, width, references: new References() };
  const noteBlocks = issue.note.trim() === '' ? [] : bodyToTextBlocks(issue.note, context);
  const sections = issue.sections.map((section) => ({
    title: section.title,
    items: section.items.map((item) => textItemView(item, context, tokens)),
  }));
  const categoriesLine = issue.categoriesText === '' ? '' : wrapText(`Related Categories: ${issue.categoriesText}`, width);
  return {
    issue,
    categoriesLine,
    noteBlocks,
    sections,
    references: context.references.urls.map((url, index) => `[${index + 1}] ${url}`),
  };
}

function textItemView(item: ComposedItem, context: TextContext, tokens: ItemTokens): TextItemView {
  const citation = `(${item.citation.markdown})`;
  return {
    headline: item.headline,
    headlineText: wrapText(item.headlineCaps, HEADLINE_WIDTH),
    blocks: bodyToTextBlocks(item.body, context, citation, tokens.of(item)),
    citation,
  };
}

/** Tidy what the text template produced: no trailing spaces, at most one blank line in a row, one final newline. */
export function tidyText(text: string): string {
  return `${text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
