import { printable } from '../core/printable.js';
import type { Block } from './types.js';

/** Lines that, starting a paragraph, end the text: the email's link list, signature and footer. */
const FOOTER = /^(--|—|Links|Read on the web:.*|Unsubscribe:.*|©.*|\(c\) .*)$/i;

/** A numbered link of the plain-text email's link list: `[1] https://...`. */
const LINK_LINE = /^\[(\d+)\]\s+(\S+)$/;

/**
 * The blocks of a plain-text or Markdown issue: paragraphs separated by blank lines, their wrapped lines
 * joined. Markdown heading marks and bold around a whole block are taken off (a headline or title written
 * `## HEADLINE` or `**HEADLINE**`). A plain-text email's numbered links (`press release [1]` with
 * `[1] https://...` in its link list) become Markdown links on the word before the number, which the
 * text format prints back the same way.
 */
export function textBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const links = numberedLinks(lines);
  const blocks: Block[] = [];
  let current: { lines: string[]; line: number } | undefined;
  const flush = () => {
    if (current) blocks.push({ text: tidyBlock(current.lines.join(' '), links), line: current.line });
    current = undefined;
  };
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (current === undefined && FOOTER.test(line)) {
      flush();
      break;
    }
    if (line === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
      flush();
      continue;
    }
    current ??= { lines: [], line: index + 1 };
    current.lines.push(line);
  }
  flush();
  return blocks.filter((block) => block.text !== '');
}

function numberedLinks(lines: string[]): Map<string, string> {
  const links = new Map<string, string>();
  for (const line of lines) {
    const match = LINK_LINE.exec(line.trim());
    if (match && /^https?:\/\//i.test(match[2]!)) links.set(match[1]!, match[2]!);
  }
  return links;
}

function tidyBlock(text: string, links: Map<string, string>): string {
  const plain = printable(text)
    .replace(/^#{1,6}\s+/, '')
    .replace(/^\*\*(.+)\*\*$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (links.size === 0) return plain;
  return plain.replace(/([^\s[\]()]+) \[(\d+)\]/g, (whole, word: string, number: string) => {
    const url = links.get(number);
    return url ? `[${word}](${url})` : whole;
  });
}
