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

/** Split `---\n<yaml>\n---\n<markdown>`; a missing or unclosed fence is a problem naming the file. */
export function splitFrontMatter(file: string, text: string): { value?: FrontMatterFile; problem?: Problem } {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { problem: error(wholeFile(file), 'file is empty; it needs front matter between "---" lines') };
  const lines = source.split('\n');
  if (lines[0]!.trimEnd() !== '---') {
    return {
      problem: error({ file, line: 1, column: 1, path: '' }, 'file must start with a "---" line opening its front matter, such as:\n---\nheadline: Moscow backs breathing room for Pyongyang\n---'),
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (closing < 0) {
    return { problem: error({ file, line: 1, column: 1, path: '' }, 'front matter opened with "---" is never closed; add a "---" line after the last field') };
  }
  const bodyLines = lines.slice(closing + 1);
  const leadingBlank = bodyLines.findIndex((line) => line.trim() !== '');
  return {
    value: {
      yaml: lines.slice(1, closing).join('\n'),
      yamlLine: 2,
      body: bodyLines.join('\n').trim(),
      bodyLine: closing + 2 + Math.max(0, leadingBlank),
    },
  };
}
