import type { ComposedIssue } from '../compose/types.js';
import { categoryIssues, categoryPath, feedIssues, renderFeeds } from '../render/feeds/index.js';
import type { Renderer, TemplateSources } from '../render/types.js';
import { archiveFiles } from './archive-outputs.js';
import { ISSUE_FILES } from './issue-keys.js';
import type { SitePlan } from './plan-site.js';

/** One file of the build: its path relative to the output folder, its text, and what it is (for the summary). */
export interface OutputFile {
  path: string;
  text: string;
  kind: 'page' | 'email' | 'feed' | 'asset';
}

/** The web pages' shared stylesheet, relative to the output folder. */
export const STYLESHEET = 'style.css';

/**
 * Render the files of the plan, one at a time, so a large archive is never held in memory at once.
 * With `issueFiles`, only those of the issues' own files are rendered (an incremental build); the
 * stylesheet, archive pages, category pages, the finding aids (archive-outputs.ts) and feeds always are. Pure apart from the renderer's work:
 * nothing here reads or writes files.
 */
export async function* renderSite(plan: SitePlan, renderer: Renderer, templates: TemplateSources, issueFiles?: ReadonlySet<string>): AsyncGenerator<OutputFile> {
  const want = (file: string) => !issueFiles || issueFiles.has(file);
  yield { path: STYLESHEET, text: renderer.stylesheet(), kind: 'asset' };
  for (const { issue, site } of plan.issues) {
    if (want(`${issue.path}index.html`)) yield { path: `${issue.path}index.html`, text: renderer.issuePage(issue, site), kind: 'page' };
    yield* await issueEmailFiles(renderer, issue, want);
  }
  for (const page of renderer.archivePages(plan.site)) yield { path: page.path, text: page.html, kind: 'page' };
  for (const page of plan.site.categories) {
    yield { path: `${categoryPath(page.category)}index.html`, text: renderer.categoryPage(page, plan.site), kind: 'page' };
  }
  yield* archiveFiles(plan, renderer);
  const feeds = renderFeeds(plan.site, { content: (issue) => renderer.issueContent(issue), templates });
  for (const feed of feeds) yield { path: feed.path, text: feed.text, kind: 'feed' };
}

/**
 * The issues whose whole text a build renders besides those of the issue files it writes: the ones
 * the feeds carry, as the feeds choose them (render/feeds). Archive and category pages show only what
 * listings show (render/listing.ts).
 */
export function issuesInFeeds(plan: SitePlan): Set<number> {
  const shown = new Set<number>();
  const add = (issues: ComposedIssue[]) => issues.forEach((issue) => shown.add(issue.number));
  add(feedIssues(plan.site.issues));
  for (const page of plan.site.categories) add(feedIssues(categoryIssues(page)));
  return shown;
}

/** The issues whose own files are among `files`. */
export function issuesOf(plan: SitePlan, files: ReadonlySet<string>): Set<number> {
  const numbers = plan.issues.filter(({ issue }) => ISSUE_FILES.some(([name]) => files.has(`${issue.path}${name}`)));
  return new Set(numbers.map(({ issue }) => issue.number));
}

/** An issue's email HTML and plain text, or those of the two that are wanted. */
async function issueEmailFiles(renderer: Renderer, issue: ComposedIssue, want: (file: string) => boolean): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  if (want(`${issue.path}email.html`)) files.push({ path: `${issue.path}email.html`, text: await renderer.email(issue), kind: 'email' });
  if (want(`${issue.path}email.txt`)) files.push({ path: `${issue.path}email.txt`, text: renderer.text(issue), kind: 'email' });
  return files;
}
