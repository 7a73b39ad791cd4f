import type { ComposedIssue, PublicationInfo } from '../compose/types.js';
import { loadPublication } from '../content/index.js';
import { MonitorError } from '../core/errors.js';
import type { Problem } from '../core/problems.js';
import { createRenderer, readTemplates } from '../render/index.js';
import { planSite } from '../site/index.js';
import type { RenderedEmail } from './types.js';

/** One issue's email as the build renders it (dist/issues/<N>/email.html and email.txt). */
export interface IssueEmail {
  issue: ComposedIssue;
  publication: PublicationInfo;
  rendered: RenderedEmail;
  /** Warnings about the publication; errors stop before this point. */
  warnings: Problem[];
}

/**
 * Load the publication at `root` (a ContentError lists every error) and render issue `number`'s email.
 * The issue is composed exactly as the site build composes it, so the message equals the built files.
 */
export async function readIssueEmail(root: string, number: number): Promise<IssueEmail> {
  const { publication, warnings } = await loadPublication(root);
  const plan = planSite(publication, { drafts: true });
  const issue = plan.issues.find((planned) => planned.issue.number === number)?.issue;
  if (!issue) throw new MonitorError(noSuchIssue(number, publication.issues.map((known) => known.number)));
  const renderer = createRenderer(await readTemplates(root), { publication: plan.site.publication });
  const rendered = { html: await renderer.email(issue), text: renderer.text(issue) };
  return { issue, publication: plan.site.publication, rendered, warnings };
}

function noSuchIssue(number: number, known: number[]): string {
  const list = known.length === 0 ? 'the publication has no issues yet' : `the issues are ${shortList(known)}`;
  return `there is no issue ${number} (no folder issues/${number}/); ${list}`;
}

function shortList(numbers: number[]): string {
  if (numbers.length <= 6) return numbers.join(', ');
  return `${numbers.slice(0, 3).join(', ')}, ..., ${numbers.slice(-3).join(', ')}`;
}
