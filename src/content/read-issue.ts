import type { z } from 'zod';
import { error, warning, wholeFile, type Problem } from '../core/problems.js';
import { readTextFile, type FileStamp } from '../core/read-text.js';
import { checkWithSchema } from '../core/schema-problems.js';
import { parseYamlWithPositions } from '../core/yaml-document.js';
import { splitFrontMatter } from './front-matter.js';
import { findDeepNesting, MAX_NESTING } from './nesting.js';
import { issueFrontMatterSchema, itemFrontMatterSchema } from './schema.js';
import { quoteWholeLineValues, type WholeLineValue } from './text-fields.js';
import type { Issue, Item, Locate } from './types.js';

/** Item files are `<NN>-<slug>.md`: an order prefix, a dash, a lower-case slug. */
export const ITEM_FILE_NAME = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

interface ParsedMarkdown<S extends z.ZodType> {
  data: z.infer<S> | undefined;
  body: string;
  bodyLine: number;
  locate: Locate;
  problems: Problem[];
  /** The stamp of the file as read; absent when it could not be read. */
  stamp?: FileStamp | undefined;
}

/**
 * Read a Markdown file with front matter and check the front matter against `schema`; prose fields
 * follow the house rule of text-fields.ts, and the body may not nest lists or quotes too deep.
 */
export function readMarkdownFile<S extends z.ZodType>(root: string, file: string, schema: S): ParsedMarkdown<S> {
  const read = readTextFile(root, file);
  if (read.problem) return failed(file, read.problem);
  const split = splitFrontMatter(file, read.text);
  if (!split.value) return { ...failed(file, split.problem!), stamp: read.stamp };
  const { stamp } = read;
  const { yamlLine, body, bodyLine } = split.value;
  const prose = quoteWholeLineValues(split.value.yaml);
  const yaml = parseYamlWithPositions(file, prose.yaml, yamlLine);
  const locate: Locate = (path) => yaml.placeOf(path);
  if (yaml.problems.length > 0) return { ...failed(file, yaml.problems[0]!), problems: yaml.problems, locate, stamp };
  const checked = checkWithSchema(schema, yaml);
  const problems = [...prose.rewritten.flatMap((value) => commentLikeText(file, yamlLine, value)), ...checked.problems];
  const deep = findDeepNesting(body);
  if (deep >= 0) {
    const message = `lists or quotes are nested deeper than ${MAX_NESTING} levels here; flatten them (no newsletter text needs more)`;
    problems.push(error({ file, line: bodyLine + deep, column: 1, path: 'body' }, message));
    return { data: undefined, body: '', bodyLine, locate, problems, stamp };
  }
  return { data: checked.value, body, bodyLine, locate, problems, stamp };
}

/** A prose value read whole that holds " # ": in other YAML files a comment, so the editor may have meant one. */
function commentLikeText(file: string, yamlLine: number, { line, column, field, value }: WholeLineValue): Problem[] {
  const hash = value.search(/\s#(\s|$)/);
  if (hash < 0) return [];
  const note = value.slice(hash).trim();
  const place = { file, line: yamlLine + line, column: column + 1, path: field };
  return [warning(place, `the ${field} is read as the whole line, "${value}"; if "${note}" is a note and not part of the ${field}, put it on a line of its own`)];
}

function failed(file: string, problem: Problem): ParsedMarkdown<never> {
  return { data: undefined, body: '', bodyLine: 0, locate: () => wholeFile(file), problems: [problem] };
}

/** An issue as read from its issue.md: no items yet, and no `locate` (the content cache stores this). */
export type IssueRecord = Omit<Issue, 'locate' | 'items'>;
/** An item as read from its file, without `locate` (the content cache stores this). */
export type ItemRecord = Omit<Item, 'locate'>;

/** Read issues/<folder>/issue.md (without its items). */
export function readIssueFile(root: string, folder: string): { issue?: Issue; problems: Problem[] } {
  const { issue, problems, locate } = readIssueRecord(root, folder);
  return issue ? { issue: { ...issue, items: [], locate }, problems } : { problems };
}

/** Read one item file; its name must carry an order prefix. */
export function readItemFile(root: string, file: string): { item?: Item; problems: Problem[] } {
  const { item, problems, locate } = readItemRecord(root, file);
  return item ? { item: { ...item, locate }, problems } : { problems };
}

/** Read issue.md into the record a publication keeps; `locate` places its fields. */
export function readIssueRecord(root: string, folder: string): { issue?: IssueRecord; problems: Problem[]; locate: Locate; stamp?: FileStamp | undefined } {
  const file = `issues/${folder}/issue.md`;
  const parsed = readMarkdownFile(root, file, issueFrontMatterSchema);
  const { stamp } = parsed;
  if (!parsed.data) return { problems: parsed.problems, locate: parsed.locate, stamp };
  const { number, date, author, status, categories, preheader, subject } = parsed.data;
  const issue: IssueRecord = { file, folder, number, date, authors: author, status, categories, preheader, subject, note: parsed.body };
  return { issue, problems: parsed.problems, locate: parsed.locate, stamp };
}

/** Read an item file into the record a publication keeps; `locate` places its fields. */
export function readItemRecord(root: string, file: string): { item?: ItemRecord; problems: Problem[]; locate: Locate; stamp?: FileStamp | undefined } {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const match = ITEM_FILE_NAME.exec(name);
  if (!match) {
    const message = `item file name "${name}" needs an order prefix and a lower-case slug, such as "01-moscow-backs-pyongyang.md"`;
    return { problems: [error(wholeFile(file), message)], locate: () => wholeFile(file) };
  }
  const parsed = readMarkdownFile(root, file, itemFrontMatterSchema);
  const { problems, locate, stamp } = parsed;
  if (parsed.data && parsed.body === '') {
    problems.push(error({ file, line: parsed.bodyLine, column: 1, path: 'body' }, 'the item has no text; write one or more paragraphs after the closing "---"'));
  }
  if (!parsed.data || parsed.body === '') return { problems, locate, stamp };
  const { headline, section, categories, sources } = parsed.data;
  const item: ItemRecord = {
    file, order: Number(match[1]), slug: match[2]!, headline, section, categories, sources, body: parsed.body, bodyLine: parsed.bodyLine,
  };
  return { item, problems, locate, stamp };
}
