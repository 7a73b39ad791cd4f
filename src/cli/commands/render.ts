import { composeSite } from '../../compose/index.js';
import type { ComposedIssue, ComposedSite } from '../../compose/types.js';
import { loadPublication } from '../../content/index.js';
import { MonitorError } from '../../core/errors.js';
import { formatProblem } from '../../core/problems.js';
import { createRenderer, readTemplates } from '../../render/index.js';
import type { CommandIO } from '../io.js';

interface RenderOptions {
  format?: 'email' | 'text' | 'web';
}

/** `monitor render <N> --format email|text|web`: one issue, drafts included, on standard output. */
export async function run(args: unknown[], options: RenderOptions, io: CommandIO): Promise<number> {
  const wanted = args[0] as number;
  const { publication, warnings } = await loadPublication(io.root);
  for (const problem of warnings) io.err(`${formatProblem(problem)}\n`);
  const site = composeSite(publication, { drafts: true });
  const issue = findIssue(site, wanted);
  const format = options.format ?? 'web';
  // A page printed on its own cannot reach the site's style.css: it carries its CSS.
  const renderer = createRenderer(await readTemplates(io.root), { publication: site.publication, standalone: format === 'web' });
  const output =
    format === 'email' ? await renderer.email(issue) : format === 'text' ? renderer.text(issue) : renderer.issuePage(issue, site);
  io.out(output.endsWith('\n') ? output : `${output}\n`);
  return 0;
}

function findIssue(site: ComposedSite, number: number): ComposedIssue {
  const issue = site.issues.find((candidate) => candidate.number === number);
  if (issue) return issue;
  const known = site.issues.map((candidate) => candidate.number).sort((a, b) => a - b);
  const hint = known.length > 0 ? `the publication has issues ${describeNumbers(known)}` : 'the publication has no issues yet';
  throw new MonitorError(`There is no issue ${number} in issues/: ${hint}.`);
}

/** `101-104` for a run, else a list: the editor sees at a glance which numbers exist. */
function describeNumbers(numbers: number[]): string {
  const first = numbers[0]!;
  const last = numbers[numbers.length - 1]!;
  if (numbers.length > 2 && last - first === numbers.length - 1) return `${first}-${last}`;
  return numbers.join(', ');
}
