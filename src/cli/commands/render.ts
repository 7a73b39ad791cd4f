import { composeIssues } from '../../compose/index.js';
import { loadPublication } from '../../content/index.js';
import { formatProblem } from '../../core/problems.js';
import { createRenderer, readTemplates } from '../../render/index.js';
import { findIssue } from '../../site/index.js';
import type { CommandIO } from '../io.js';

interface RenderOptions {
  format?: 'email' | 'text' | 'web';
}

/** `monitor render <N> --format email|text|web`: one issue, drafts included, on standard output, as the build writes it. */
export async function run(args: unknown[], options: RenderOptions, io: CommandIO): Promise<number> {
  const { publication, warnings } = await loadPublication(io.root);
  for (const problem of warnings) io.err(`${formatProblem(problem)}\n`);
  const { issue, site } = findIssue(composeIssues(publication), args[0] as number);
  const format = options.format ?? 'web';
  // A page printed on its own cannot reach the site's style.css: it carries its CSS.
  const renderer = createRenderer(await readTemplates(io.root), { publication: site.publication, standalone: format === 'web' });
  const output =
    format === 'email' ? await renderer.email(issue) : format === 'text' ? renderer.text(issue) : renderer.issuePage(issue, site);
  io.out(output.endsWith('\n') ? output : `${output}\n`);
  return 0;
}
