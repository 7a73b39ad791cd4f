import path from 'node:path';
import { readConfig } from '../../config/read-config.js';
import { issueToAddTo, validatePublication, writeNextItem } from '../../content/index.js';
import { itemFrontMatter, readSourceArgument } from '../../content/new-item.js';
import { ContentError } from '../../core/errors.js';
import { formatProblem } from '../../core/problems.js';
import { storySlug } from '../../core/story-slug.js';
import type { CommandIO } from '../io.js';

interface ItemOptions {
  issue?: number;
  source?: string[];
  category?: string[];
}

/**
 * `monitor item "Headline"`: write the next item of an issue (the newest draft by default) with its front
 * matter filled in, and print its path; the editor writes the paragraphs.
 */
export async function run([headline]: unknown[], options: ItemOptions, io: CommandIO): Promise<number> {
  const sources = (options.source ?? []).map(readSourceArgument);
  const config = await readConfig(io.root);
  if (!config.value) throw new ContentError(config.problems);
  const text = itemFrontMatter(String(headline), sources, options.category ?? [], config.value.categories);
  const issue = await issueToAddTo(io.root, options.issue, 'item');
  const name = await writeNextItem(io.root, issue.folder, storySlug(String(headline)), text);
  const file = `issues/${issue.number}/${name}`;
  const shown = path.relative(process.cwd(), path.join(io.root, file));
  io.out(`${shown.startsWith('..') ? path.join(io.root, file) : shown}\n`);
  const { problems } = await validatePublication(io.root);
  for (const problem of problems.filter((found) => found.file === file && found.path !== 'body')) io.err(`${formatProblem(problem)}\n`);
  const sourceHint = sources.length === 0 ? ' and replace the placeholder source' : '';
  io.err(`Added item ${name} to issue ${issue.number}. Write its paragraphs after the closing "---"${sourceHint}; monitor adds the citation.\n`);
  return 0;
}
