import type { z } from 'zod';
import { error, wholeFile, type Problem } from '../core/problems.js';
import { readTextFile } from '../core/read-text.js';
import { checkWithSchema } from '../core/schema-problems.js';
import { parseYamlWithPositions } from '../core/yaml-document.js';
import { splitFrontMatter } from './front-matter.js';
import { plainIssueFrontMatter, plainItemFrontMatter } from './plain-check.js';
import { issueFrontMatterSchema, itemFrontMatterSchema } from './schema.js';
import type { Issue, Item, Locate } from './types.js';

/** Item files are `<NN>-<slug>.md`: an order prefix, a dash, a lower-case slug. */
export const ITEM_FILE_NAME = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

interface ParsedMarkdown<S extends z.ZodType> {
  data: z.infer<S> | undefined;
  body: string;
  bodyLine: number;
  locate: Locate;
  problems: Problem[];
}

/**
 * Read a Markdown file with front matter and check the front matter against `schema`. `plain`, when
 * given, is a cheaper check that returns what the schema would for front matter it is sure of.
 */
export function readMarkdownFile<S extends z.ZodType>(
  root: string, file: string, schema: S, plain?: (data: unknown) => z.infer<S> | undefined,
): ParsedMarkdown<S> {
  const read = readTextFile(root, file);
  if (read.problem) return failed(file, read.problem);
  const split = splitFrontMatter(file, read.text);
  if (!split.value) return failed(file, split.problem!);
  const yaml = parseYamlWithPositions(file, split.value.yaml, split.value.yamlLine);
  const locate: Locate = (path) => yaml.placeOf(path);
  if (yaml.problems.length > 0) return { ...failed(file, yaml.problems[0]!), problems: yaml.problems, locate };
  const sure = plain?.(yaml.data);
  const checked = sure === undefined ? checkWithSchema(schema, yaml) : { value: sure, problems: [] };
  return { data: checked.value, body: split.value.body, bodyLine: split.value.bodyLine, locate, problems: checked.problems };
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
export function readIssueRecord(root: string, folder: string): { issue?: IssueRecord; problems: Problem[]; locate: Locate } {
  const file = `issues/${folder}/issue.md`;
  const parsed = readMarkdownFile(root, file, issueFrontMatterSchema, plainIssueFrontMatter);
  if (!parsed.data) return { problems: parsed.problems, locate: parsed.locate };
  const { number, date, author, status, categories, preheader, subject } = parsed.data;
  const issue: IssueRecord = { file, folder, number, date, authors: author, status, categories, preheader, subject, note: parsed.body };
  return { issue, problems: parsed.problems, locate: parsed.locate };
}

/** Read an item file into the record a publication keeps; `locate` places its fields. */
export function readItemRecord(root: string, file: string): { item?: ItemRecord; problems: Problem[]; locate: Locate } {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const match = ITEM_FILE_NAME.exec(name);
  if (!match) {
    const message = `item file name "${name}" needs an order prefix and a lower-case slug, such as "01-moscow-backs-pyongyang.md"`;
    return { problems: [error(wholeFile(file), message)], locate: () => wholeFile(file) };
  }
  const parsed = readMarkdownFile(root, file, itemFrontMatterSchema, plainItemFrontMatter);
  const { problems, locate } = parsed;
  if (parsed.data && parsed.body === '') {
    problems.push(error({ file, line: parsed.bodyLine, column: 1, path: 'body' }, 'the item has no text; write one or more paragraphs after the closing "---"'));
  }
  if (!parsed.data || parsed.body === '') return { problems, locate };
  const { headline, section, categories, sources } = parsed.data;
  const item: ItemRecord = {
    file, order: Number(match[1]), slug: match[2]!, headline, section, categories, sources, body: parsed.body, bodyLine: parsed.bodyLine,
  };
  return { item, problems, locate };
}
