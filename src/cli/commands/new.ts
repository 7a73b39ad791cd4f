import path from 'node:path';
import { ContentError } from '../../core/errors.js';
import { planNewIssue } from '../../content/new-issue.js';
import { readPublication } from '../../content/read-publication.js';
import { writeNewIssue } from '../../content/write-issue.js';
import type { CommandIO } from '../io.js';

interface NewOptions {
  date?: string;
  author?: string[];
  number?: number;
}

export async function run(_args: unknown[], options: NewOptions, io: CommandIO): Promise<number> {
  const { publication, problems, folderNumbers } = await readPublication(io.root);
  if (!publication) throw new ContentError(problems);
  const plan = planNewIssue(publication.issues, folderNumbers, { number: options.number, date: options.date, authors: options.author });
  const file = await writeNewIssue(publication.root, plan);
  const relative = path.relative(process.cwd(), file);
  io.out(`${relative.startsWith('..') ? file : relative}\n`);
  io.err(`Created draft issue ${plan.number} dated ${plan.date} by ${plan.authors.join(', ')}. Add items as ${path.join(path.dirname(relative), '01-<slug>.md')}.\n`);
  return 0;
}
