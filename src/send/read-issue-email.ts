import { composeIssues } from '../compose/index.js';
import type { ComposedIssue, PublicationInfo } from '../compose/types.js';
import { loadPublication } from '../content/index.js';
import type { Problem } from '../core/problems.js';
import { createRenderer, readTemplates } from '../render/index.js';
import { findIssue } from '../site/index.js';
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
 * The issue is found as the build finds it (findIssue), so the message equals the built files.
 */
export async function readIssueEmail(root: string, number: number): Promise<IssueEmail> {
  const { publication, warnings } = await loadPublication(root);
  const { issue, site } = findIssue(composeIssues(publication), number);
  const renderer = createRenderer(await readTemplates(root), { publication: site.publication });
  const rendered = { html: await renderer.email(issue), text: renderer.text(issue) };
  return { issue, publication: site.publication, rendered, warnings };
}
