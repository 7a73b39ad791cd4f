import { composedIssue } from '../compose/index.js';
import type { IssueOutline } from '../compose/types.js';
import { categoryIssues, feedIssues, renderFeeds } from '../render/feeds/index.js';
import type { Renderer, SiteFile, TemplateSources } from '../render/types.js';
import { archiveFiles } from './archive-outputs.js';
import { ISSUE_FILES, type IssueFileName } from './issue-keys.js';
import type { SitePlan } from './plan-site.js';

/** One file of the build: its path relative to the output folder, its text, and what it is (for the summary). */
export interface OutputFile {
  path: string;
  text: string;
  kind: 'page' | 'email' | 'feed' | 'asset';
}

/** One file of the build before it is rendered: its key, a hash of everything its text is made from. */
export interface PlannedFile {
  path: string;
  kind: OutputFile['kind'];
  /** An issue's own file: the issue's key (issue-keys.ts). Any other: the key its renderer gave it (SiteFile). */
  key: string;
  render(): string | Promise<string>;
}

/**
 * Every file of the plan, keyed and not yet rendered: each issue's own files, then the stylesheet, the
 * archive pages, the category pages and the feeds. `issueKeys` holds the key of each issue's files
 * (issue-keys.ts); the others are keyed where the renderer makes their views, so a build renders
 * only the files whose key changed, and a key cannot disagree with its page. (What every file shares,
 * templates and monitor itself, is the build's global key.) Pure: nothing here reads or writes files.
 */
export function* planFiles(plan: SitePlan, renderer: Renderer, templates: TemplateSources, issueKeys: ReadonlyMap<string, string>): Generator<PlannedFile> {
  for (const { issue, site } of plan.issues) {
    // Only the files whose key changed are rendered, and their issues were read in full (run-build.ts).
    const renders: Record<IssueFileName, () => string | Promise<string>> = {
      'index.html': () => renderer.issuePage(composedIssue(issue), site),
      'email.html': () => renderer.email(composedIssue(issue)),
      'email.txt': () => renderer.text(composedIssue(issue)),
    };
    for (const [name, kind] of ISSUE_FILES) yield { path: `${issue.path}${name}`, kind, key: issueKeys.get(`${issue.path}${name}`)!, render: renders[name] };
  }
  yield siteFile(renderer.stylesheet(), 'asset');
  for (const page of renderer.archivePages(plan.site)) yield siteFile(page, 'page');
  for (const page of plan.site.categories) yield siteFile(renderer.categoryPage(page, plan.site), 'page');
  for (const [file, kind] of archiveFiles(plan, renderer)) yield siteFile(file, kind);
  const feeds = renderFeeds(plan.site, { content: (issue) => renderer.issueContent(issue), templates });
  for (const feed of feeds) yield siteFile(feed, 'feed');
}

/** Every planned file rendered, one at a time, so a large archive is never held in memory at once. */
export async function* renderFiles(files: Iterable<PlannedFile>): AsyncGenerator<OutputFile & { key: string }> {
  for (const file of files) yield { path: file.path, kind: file.kind, key: file.key, text: await file.render() };
}

function siteFile(file: SiteFile, kind: OutputFile['kind']): PlannedFile {
  return { path: file.path, kind, key: file.key, render: () => file.render() };
}

/**
 * The issues whose whole text a build renders besides those of the issue files it writes: the ones
 * the feeds carry, as the feeds choose them (render/feeds). Archive and category pages show only what
 * listings show (render/listing.ts).
 */
export function issuesInFeeds(plan: SitePlan): Set<number> {
  const shown = new Set<number>();
  const add = (issues: IssueOutline[]) => issues.forEach((issue) => shown.add(issue.number));
  add(feedIssues(plan.site.issues));
  for (const page of plan.site.categories) add(feedIssues(categoryIssues(page)));
  return shown;
}

/** The issues whose own files are among `files`. */
export function issuesOf(plan: SitePlan, files: ReadonlySet<string>): Set<number> {
  const numbers = plan.issues.filter(({ issue }) => ISSUE_FILES.some(([name]) => files.has(`${issue.path}${name}`)));
  return new Set(numbers.map(({ issue }) => issue.number));
}
