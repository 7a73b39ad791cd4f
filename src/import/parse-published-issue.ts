import { headlineCase } from './headline-case.js';
import { readLongDate } from './long-dates.js';
import { splitCitation } from './parse-citation.js';
import { plainText } from './plain-text.js';
import type { Block, ImportFault, PublishedIssue, PublishedItem } from './types.js';

const TITLE = /^(.+?)\s+No\.\s*(\d+)\b[.:]?\s*(.*)$/;
const CATEGORIES = /^Related Categories:\s*/i;
/** A section heading as the plain-text email prints it. */
const SECTION_MARK = /^==\s*(.+?)\s*==$/;

/** What reading one input gave: an issue, or the first thing that stopped it, with its line. */
export type ParsedInput = { ok: true; issue: PublishedIssue } | { ok: false; fault: Omit<ImportFault, 'file'> };

/**
 * Read a published issue in the house style from its blocks: the title line `<Title> No. <N>`, the date
 * written out and the author(s), `Related Categories: A; B`, then each item as an UPPERCASE headline
 * followed by its paragraphs, the last ending in the citation. Paragraphs before the first headline are
 * the editor's note.
 */
export function parsePublishedIssue(blocks: Block[], sectionTitles: readonly string[] = []): ParsedInput {
  const sectionOf = (text: string) => SECTION_MARK.exec(text)?.[1] ?? sectionTitles.find((title) => title.toLowerCase() === plainText(text).toLowerCase());
  const titleAt = blocks.findIndex((block) => TITLE.test(block.text));
  if (titleAt === -1) return fault(blocks[0]?.line ?? 1, 'no title line such as "Russia Reform Monitor No. 2359" was found');
  const [, title, number, afterTitle] = TITLE.exec(blocks[titleAt]!.text)!;
  const rest = blocks.slice(titleAt + 1);
  const bylineBlock = afterTitle!.trim() !== '' ? { text: afterTitle!.trim(), line: blocks[titleAt]!.line } : rest.shift();
  const byline = readByline(bylineBlock, rest);
  if (!byline.ok) return byline;
  const categoriesBlock = rest[0] && CATEGORIES.test(rest[0].text) ? rest.shift()! : undefined;
  const categories = categoriesBlock ? splitList(categoriesBlock.text.replace(CATEGORIES, ''), ';').map(plainText) : [];
  const firstItem = rest.findIndex((block) => isHeadline(block.text) || sectionOf(block.text) !== undefined);
  if (firstItem === -1) return fault(rest[0]?.line ?? blocks[titleAt]!.line, 'no item headline (a line in capitals) was found after the title');
  const items = readItems(rest.slice(firstItem), sectionOf);
  if (!items.ok) return items;
  return {
    ok: true,
    issue: {
      title: plainText(title!), number: Number(number), date: byline.date, authors: byline.authors, categories,
      note: rest.slice(0, firstItem).map((block) => block.text), items: items.items, leftOut: items.leftOut,
    },
  };
}

type Byline = { ok: true; date: string; authors: string[] } | { ok: false; fault: Omit<ImportFault, 'file'> };

/** The date written out, then the author(s) on the same line or the next block. */
function readByline(block: Block | undefined, rest: Block[]): Byline {
  if (!block) return fault(1, 'the title line is not followed by the issue\'s date and author');
  const date = readLongDate(block.text);
  if (!date) return fault(block.line, `cannot read the issue's date in "${block.text.slice(0, 60)}": write it as "January 13, 2020"`);
  if (!date.date) return fault(block.line, `"${date.written}" is not a real date`);
  let authorText = date.rest.trim();
  if (authorText === '' && rest[0] && !CATEGORIES.test(rest[0].text) && !isHeadline(rest[0].text)) authorText = rest.shift()!.text;
  const authors = authorText.replace(/^by\s+/i, '').split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*\\?&\s*/).map(plainText).filter(Boolean);
  if (authors.length === 0) return fault(block.line, 'the byline names no author: write the author after the date, such as "January 13, 2020 Margot van Loon"');
  return { ok: true, date: date.date, authors };
}

type Items = { ok: true; items: PublishedItem[]; leftOut: Block[] } | { ok: false; fault: Omit<ImportFault, 'file'> };

/**
 * Headlines with their paragraphs, under the section headings met on the way. An item ends with its last
 * paragraph that ends in a citation; blocks after it and before the next headline belong to no item.
 */
function readItems(blocks: Block[], sectionOf: (text: string) => string | undefined): Items {
  const items: PublishedItem[] = [];
  const leftOut: Block[] = [];
  let section: string | undefined;
  for (let index = 0; index < blocks.length;) {
    const block = blocks[index]!;
    index += 1;
    const heading = sectionOf(block.text);
    if (heading !== undefined) {
      section = heading;
      continue;
    }
    const paragraphs: Block[] = [];
    for (; index < blocks.length && !isHeadline(blocks[index]!.text) && sectionOf(blocks[index]!.text) === undefined; index += 1) paragraphs.push(blocks[index]!);
    const end = lastIndexWhere(paragraphs, (paragraph) => splitCitation(paragraph.text).ok);
    if (end === -1) {
      const last = paragraphs[paragraphs.length - 1];
      if (!last) return fault(block.line, `the item "${block.text}" has no text`);
      const citation = splitCitation(last.text);
      return fault(last.line, `the item "${block.text}": ${citation.ok ? '' : citation.message}, such as (*The Moscow Times*, December 17, 2019)`);
    }
    const citation = splitCitation(paragraphs[end]!.text) as Extract<ReturnType<typeof splitCitation>, { ok: true }>;
    const texts = [...paragraphs.slice(0, end).map((paragraph) => paragraph.text), citation.paragraph].filter(Boolean);
    leftOut.push(...paragraphs.slice(end + 1));
    items.push({ headline: plainText(block.text), paragraphs: texts, sources: citation.sources, section, line: block.line });
  }
  const issueText = items.flatMap((item) => item.paragraphs).join('\n');
  for (const item of items) item.headline = headlineCase(item.headline, item.paragraphs.join('\n'), issueText);
  return { ok: true, items, leftOut };
}

/** A block in capitals: letters, none of them lower case, and no citation at its end. */
export function isHeadline(text: string): boolean {
  const letters = text.replace(/\]\([^)]*\)/g, ']').replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && !/\)\s*$/.test(text);
}

function lastIndexWhere<T>(list: T[], test: (value: T) => boolean): number {
  for (let index = list.length - 1; index >= 0; index -= 1) if (test(list[index]!)) return index;
  return -1;
}

function splitList(text: string, separator: string): string[] {
  return text.split(separator).map((part) => part.trim()).filter(Boolean);
}

function fault(line: number, message: string): { ok: false; fault: Omit<ImportFault, 'file'> } {
  return { ok: false, fault: { line, message } };
}
