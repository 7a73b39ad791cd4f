import path from 'node:path';
import { formatProblem } from '../../core/problems.js';
import { buildSite, type BuildSummary } from '../../site/index.js';
import type { CommandIO } from '../io.js';

interface BuildCommandOptions {
  out?: string;
  issue?: number;
  drafts?: boolean;
  json?: boolean;
}

/** `monitor build`: warnings to standard error, then one summary line (or JSON) on standard output. */
export async function run(_args: unknown[], options: BuildCommandOptions, io: CommandIO): Promise<number> {
  const summary = await buildSite(io.root, { out: options.out, issue: options.issue, drafts: options.drafts });
  for (const problem of summary.warnings) io.err(`${formatProblem(problem)}\n`);
  if (options.json) {
    const { warnings, ...counts } = summary;
    const entry = ({ file, line, column, path: field, message }: (typeof warnings)[number]) => ({ file, line, column, path: field, message });
    io.out(`${JSON.stringify({ ...counts, index: path.join(summary.out, 'index.html'), warnings: warnings.map(entry) }, null, 2)}\n`);
  } else {
    io.out(`${summaryLine(summary, io.root)}\n`);
  }
  return 0;
}

/** `Built 4 issues, 12 pages, 5 feeds into dist/ in 0.4 s; open /abs/dist/index.html`. */
export function summaryLine(summary: BuildSummary, root: string): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const relative = path.relative(root, summary.out);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? `${relative}${path.sep}` : summary.out;
  const seconds = (summary.ms / 1000).toFixed(1);
  const counts = `${plural(summary.issues, 'issue')}, ${plural(summary.pages, 'page')}, ${plural(summary.feeds, 'feed')}`;
  return `Built ${counts} into ${shown} in ${seconds} s; open ${path.join(summary.out, 'index.html')}`;
}
