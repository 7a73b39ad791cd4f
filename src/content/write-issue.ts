import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { MonitorError } from '../core/errors.js';
import type { NewIssuePlan } from './new-issue.js';

/** Create issues/<N>/issue.md as a draft; never overwrites. Returns the file's absolute path. */
export async function writeNewIssue(root: string, plan: NewIssuePlan): Promise<string> {
  const folder = path.join(root, 'issues', String(plan.number));
  const file = path.join(folder, 'issue.md');
  const frontMatter = {
    number: plan.number,
    date: plan.date,
    author: plan.authors.length === 1 ? plan.authors[0] : plan.authors,
    status: 'draft',
  };
  const text = `---\n${stringify(frontMatter)}---\n`;
  await mkdir(folder, { recursive: true });
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new MonitorError(`${path.relative(root, file)} already exists; monitor new never overwrites an issue`, { cause });
    }
    throw cause;
  }
  return file;
}
