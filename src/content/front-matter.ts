import { error, wholeFile, type Problem } from '../core/problems.js';

/** A Markdown file split into its YAML front matter and its body, with the lines each starts on. */
export interface FrontMatterFile {
  /** The YAML between the `---` fences. */
  yaml: string;
  /** File line of the first YAML line (2 when the file opens with `---`). */
  yamlLine: number;
  /** The Markdown after the closing fence, trimmed. */
  body: string;
  /** File line where the body text starts. */
  bodyLine: number;
}

/**
 * Split `---\n<yaml>\n---\n<markdown>`; a missing or unclosed fence is a problem naming the file.
 * Walks the lines with indexOf rather than splitting the whole file: the body is most of it.
 */
export function splitFrontMatter(file: string, text: string): { value?: FrontMatterFile; problem?: Problem } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstEnd = lineEnd(source, 0);
  if (source.slice(0, firstEnd).trimEnd() !== '---') {
    if (source.trim() === '') return { problem: error(wholeFile(file), 'file is empty; it needs front matter between "---" lines') };
    return {
      problem: error({ file, line: 1, column: 1, path: '' }, 'file must start with a "---" line opening its front matter, such as:\n---\nheadline: Moscow backs breathing room for Pyongyang\n---'),
    };
  }
  const closing = findClosingFence(source, firstEnd + 1);
  if (!closing) {
    return { problem: error({ file, line: 1, column: 1, path: '' }, 'front matter opened with "---" is never closed; add a "---" line after the last field') };
  }
  const rest = closing.end < source.length ? source.slice(closing.end + 1) : '';
  const body = rest.trim();
  const leadingBlankLines = body === '' ? 0 : countLineFeeds(rest, rest.indexOf(body.charAt(0)));
  return {
    value: {
      yaml: source.slice(firstEnd + 1, Math.max(firstEnd + 1, closing.start - 1)),
      yamlLine: 2,
      body,
      bodyLine: closing.line + 2 + leadingBlankLines,
    },
  };
}

const CLOSING_FENCE = /^(---|\.\.\.)\s*$/;

/** The first `---` or `...` line from `start` on: where it starts and ends, and its 0-based line number. */
function findClosingFence(source: string, start: number): { start: number; end: number; line: number } | undefined {
  let line = 1;
  for (let position = start; position <= source.length; line++) {
    const end = lineEnd(source, position);
    const first = source.charCodeAt(position);
    if ((first === 0x2d || first === 0x2e) && CLOSING_FENCE.test(source.slice(position, end))) return { start: position, end, line };
    if (end === source.length) return undefined;
    position = end + 1;
  }
  return undefined;
}

function lineEnd(source: string, position: number): number {
  const end = source.indexOf('\n', position);
  return end < 0 ? source.length : end;
}

function countLineFeeds(text: string, end: number): number {
  let count = 0;
  for (let position = text.indexOf('\n'); position >= 0 && position < end; position = text.indexOf('\n', position + 1)) count++;
  return count;
}
