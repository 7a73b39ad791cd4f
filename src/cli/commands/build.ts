import path from 'node:path';
import { formatProblem } from '../../core/problems.js';
// From build-site.js itself, not the site's index: a build that finds nothing changed loads no renderer.
import { buildSite, type BuildSummary } from '../../site/build-site.js';
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
    const { warnings, written, removed, ...counts } = summary;
    const entry = ({ file, line, column, path: field, message }: (typeof warnings)[number]) => ({ file, line, column, path: field, message });
    const files = { written: written.length, removed: removed.length };
    io.out(`${JSON.stringify({ ...counts, ...files, index: path.join(summary.out, 'index.html'), warnings: warnings.map(entry) }, null, 2)}\n`);
  } else {
    io.out(`${summaryLine(summary, io.root)}\n`);
    const drafts = summary.totals.draftsLeftOut ?? 0;
    if (drafts > 0) io.out(`${drafts} draft${drafts === 1 ? '' : 's'} not built; use --drafts to build ${drafts === 1 ? 'it' : 'them'} for preview\n`);
  }
  return 0;
}

/**
 * One line saying what the build did:
 * `Built 4 issues, 12 pages, 5 feeds into dist/ in 0.4 s; open /abs/dist/index.html`,
 * `Updated 1 issue, 4 pages, 6 feeds (14 files written, 0 removed) in dist/ in 0.2 s; open ...`, or
 * `Nothing changed: dist/ is up to date (4 issues, 12 pages, 5 feeds) in 0.1 s; open ...`.
 */
export function summaryLine(summary: BuildSummary, root: string): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const relative = path.relative(root, summary.out);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? `${relative}${path.sep}` : summary.out;
  const seconds = (summary.ms / 1000).toFixed(1);
  // Opened from disk, a link to a folder shows a file listing and the search index cannot load: say so.
  const open = `open ${path.join(summary.out, 'index.html')} (from disk, links to folders and search do not work: browse with \`monitor preview\`)`;
  const list = (counts: { issues: number; pages: number; feeds: number }) =>
    `${plural(counts.issues, 'issue')}, ${plural(counts.pages, 'page')}, ${plural(counts.feeds, 'feed')}`;
  if (summary.mode === 'unchanged') return `Nothing changed: ${shown} is up to date (${list(summary.totals)}) in ${seconds} s; ${open}`;
  if (summary.mode === 'incremental') {
    const files = `${plural(summary.written.length, 'file')} written, ${summary.removed.length} removed`;
    return `Updated ${list(summary)} (${files}) in ${shown} in ${seconds} s; ${open}`;
  }
  return `Built ${list(summary)} into ${shown} in ${seconds} s; ${open}`;
}
