import { composeSite } from '../../src/compose/index.js';
import type { ComposedIssue, ComposedSite } from '../../src/compose/types.js';
import { loadPublication } from '../../src/content/index.js';
import { renderFeeds } from '../../src/render/feeds/index.js';
import { readTemplates } from '../../src/render/read-templates.js';
import { issueFile, itemFile, writePublication, type PublicationFiles } from '../helpers/sample-publication.js';

export const HOSTILE = 'AT&T <script>alert(1)</script>';

/** A stand-in for the renderer's issueContent: each headline and body in simple, escaped HTML. */
export function fakeContent(issue: ComposedIssue): string {
  return issue.items.map((item) => `<h2 id="${item.anchor}">${escapeHtml(item.headlineCaps)}</h2>\n<p>${escapeHtml(item.body.trim())}</p>`).join('\n');
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The default test publication plus issue 3 with a hostile, Cyrillic and emoji headline, and draft issue 4. */
export function hostileFiles(): PublicationFiles {
  return {
    'issues/3/issue.md': issueFile(3, '2020-01-20'),
    'issues/3/01-hostile.md': itemFile(`"${HOSTILE}"`, { categories: '[Russia]', body: 'Quotes "here" & <b>there</b>; a ]]> marker; a bell \u0007 rings.' }),
    'issues/3/02-cyrillic.md': itemFile('Госдума приняла бюджет 🎉 «quoted»', { categories: '[China]' }),
    'issues/4/issue.md': issueFile(4, '2020-01-27').replace('status: published', 'status: draft'),
    'issues/4/01-draft.md': itemFile('Draft story that must stay unpublished', { categories: '[Russia]' }),
  };
}

/** `count` published issues, one item each, a week apart from 2020-01-06. */
export function manyIssues(count: number): PublicationFiles {
  const files: PublicationFiles = {
    'issues/1/issue.md': null, 'issues/1/01-first.md': null, 'issues/1/02-second.md': null,
    'issues/2/issue.md': null, 'issues/2/01-sanctions.md': null, 'issues/2/02-governors.md': null,
  };
  for (let number = 1; number <= count; number++) {
    const date = new Date(Date.UTC(2020, 0, 6 + 7 * (number - 1))).toISOString().slice(0, 10);
    files[`issues/${number}/issue.md`] = issueFile(number, date);
    files[`issues/${number}/01-story.md`] = itemFile(`Story of week ${number}`, { categories: number % 2 ? '[Russia]' : '[China]' });
  }
  return files;
}

/** Write the publication, compose it (drafts included when asked) and render its feeds with the fake content. */
export async function feedsOf(changes: PublicationFiles, options: { drafts?: boolean } = {}): Promise<{ site: ComposedSite; files: Map<string, string> }> {
  const root = await writePublication(changes);
  const { publication } = await loadPublication(root);
  const site = composeSite(publication, options);
  const templates = await readTemplates(root);
  const feeds = renderFeeds(site, { content: fakeContent, templates });
  return { site, files: new Map(feeds.map((feed) => [feed.path, feed.render()])) };
}
