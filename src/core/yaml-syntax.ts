import type { YAMLError } from 'yaml';

/** A syntax problem of a YAML text, in the editor's words, at an offset of the text. */
export interface SyntaxProblem {
  offset: number;
  message: string;
}

/**
 * The yaml package's errors said in plain words with the usual fix. Only the first problem is told:
 * after one, a YAML reader's later errors mostly follow from it (a tab, an unclosed quote or a wrong
 * indentation can give one error per line after it), and the lines a tab indents are told together.
 */
export function describeSyntaxErrors(text: string, errors: readonly YAMLError[]): SyntaxProblem[] {
  const first = errors.reduce<YAMLError | undefined>((earliest, entry) => (earliest && earliest.pos[0] <= entry.pos[0] ? earliest : entry), undefined);
  if (!first) return [];
  if (first.code === 'TAB_AS_INDENT') {
    const tabs = new Set(errors.filter((entry) => entry.code === 'TAB_AS_INDENT').map((entry) => lineStart(text, entry.pos[0]))).size;
    const more = tabs > 1 ? ` and ${tabs - 1} more` : '';
    return [{ offset: first.pos[0], message: `YAML syntax: a tab indents this line${more}; YAML needs spaces, so replace the tabs at the start of lines with spaces` }];
  }
  return [{ offset: first.pos[0], message: `YAML syntax: ${describe(first, lineAt(text, lineStart(text, first.pos[0])))}` }];
}

/** `key: value`, possibly as a list entry (`- key: value`). */
const FIELD_LINE = /^\s*(?:-\s+)?([^\s:#][^:#]*?):[ \t]+(\S.*?)\s*$/;

function describe(entry: YAMLError, line: string): string {
  const field = FIELD_LINE.exec(line);
  if (entry.code === 'DUPLICATE_KEY') {
    return field ? `the field "${field[1]}" is written twice; keep one of them` : 'a field is written twice; keep one of them';
  }
  if (entry.code === 'MISSING_CHAR' || entry.code === 'BAD_DQ_ESCAPE') {
    return 'a quote or bracket opened on this line is not closed as YAML expects; close it on the same line, or write the value without it';
  }
  if (field && needsQuotes(field[2]!)) {
    const [, key, value] = field;
    return `the value of "${key}" ${trouble(value!)}; put the whole value in quotes: ${key}: ${quote(value!)}`;
  }
  return 'this line cannot be read: check that it lines up with the fields around it, uses spaces (not tabs), and that a value holding ": " or " #" is in quotes';
}

/** What in a value written without quotes YAML reads differently from what the editor meant. */
function trouble(value: string): string {
  if (/^["']/.test(value)) return 'starts with a quoted part and goes on after it';
  if (/:\s|:$/.test(value)) return 'holds ": ", which YAML reads as the start of another field';
  if (/\s#/.test(value)) return 'holds " #", which YAML reads as the start of a comment';
  return `starts with "${value[0]}", which YAML reserves`;
}

function needsQuotes(value: string): boolean {
  return /^["']|:\s|:$|\s#|^[-?:,%@`|>!&*]/.test(value) && !/^\[.*\]$|^\{.*\}$/.test(value);
}

/** The value quoted so YAML reads it as written: in single quotes when it holds double ones. */
export function quote(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}
