import type { ComposedIssue, ComposedSite } from '../compose/types.js';
import { categoryIssues, categoryPath, feedIssues, renderFeeds, SITE_FEEDS } from '../render/feeds/index.js';
import { ISSUES_PER_PAGE } from '../render/pages.js';
import type { Renderer, TemplateSources } from '../render/types.js';
import { archiveFiles } from './archive-outputs.js';
import { archivePagePath, ISSUE_FILES, STYLESHEET } from './output-keys.js';
import type { SitePlan } from './plan-site.js';

/** One file of the build: its path relative to the output folder, its text, and what it is (for the summary). */
export interface OutputFile {
  path: string;
  text: string;
  kind: 'page' | 'email' | 'feed' | 'asset';
}

/**
 * Render the files of the plan, one at a time, so a large archive is never held in memory at once; with
 * `wanted`, only the files it names (an incremental build). Pure apart from the renderer's work: nothing
 * here reads or writes files. The pages' shared stylesheet is written by every build (a one-issue build
 * too, so its pages never link a missing file).
 */
export async function* renderSite(plan: SitePlan, renderer: Renderer, templates: TemplateSources, wanted?: ReadonlySet<string>): AsyncGenerator<OutputFile> {
  const want = (file: string) => !wanted || wanted.has(file);
  if (want(STYLESHEET)) yield { path: STYLESHEET, text: renderer.stylesheet(), kind: 'asset' };
  for (const { issue, site } of plan.issues) {
    if (want(`${issue.path}index.html`)) yield { path: `${issue.path}index.html`, text: renderer.issuePage(issue, site), kind: 'page' };
    yield* await issueEmailFiles(renderer, issue, want);
  }
  yield* archivePages(plan.site, renderer, wanted);
  for (const page of plan.site.categories) {
    const file = `${categoryPath(page.category)}index.html`;
    if (want(file)) yield { path: file, text: renderer.categoryPage(page, plan.site), kind: 'page' };
  }
  yield* archiveFiles(plan, renderer, want);
  yield* siteFeeds(plan, renderer, templates, want);
}

/**
 * The issues whose whole text the wanted files show: those whose own files are wanted, and those the
 * wanted feeds carry. (Archive and category pages show only what listings show, render/listing.ts.)
 */
export function issuesShown(plan: SitePlan, wanted: ReadonlySet<string>): Set<number> {
  const shown = new Set<number>();
  const add = (issues: ComposedIssue[]) => issues.forEach((issue) => shown.add(issue.number));
  for (const { issue } of plan.issues) {
    if (ISSUE_FILES.some(([name]) => wanted.has(`${issue.path}${name}`))) shown.add(issue.number);
  }
  if (Object.values(SITE_FEEDS).some((file) => wanted.has(file))) add(feedIssues(plan.site.issues));
  for (const page of plan.site.categories) {
    if (wanted.has(`${categoryPath(page.category)}feed.xml`)) add(feedIssues(categoryIssues(page)));
    // A category page shows each item's first sentence, so it needs its issues' bodies.
    if (wanted.has(`${categoryPath(page.category)}index.html`)) add(categoryIssues(page));
  }
  return shown;
}

/** An issue's email HTML and plain text, or those of the two that are wanted. */
async function issueEmailFiles(renderer: Renderer, issue: ComposedIssue, want: (file: string) => boolean): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  if (want(`${issue.path}email.html`)) files.push({ path: `${issue.path}email.html`, text: await renderer.email(issue), kind: 'email' });
  if (want(`${issue.path}email.txt`)) files.push({ path: `${issue.path}email.txt`, text: renderer.text(issue), kind: 'email' });
  return files;
}

/** The site's feeds and the category feeds, or the wanted ones (only those are rendered). */
function siteFeeds(plan: SitePlan, renderer: Renderer, templates: TemplateSources, want: (file: string) => boolean): OutputFile[] {
  const feeds = renderFeeds(plan.site, { content: (issue) => renderer.issueContent(issue), templates, wanted: want });
  return feeds.map((feed) => ({ path: feed.path, text: feed.text, kind: 'feed' }));
}

/**
 * The archive pages, or only the wanted ones. The renderer renders every page at once; issues on pages
 * that are not wanted are handed over without their items, so those pages (thrown away) cost little.
 * A page shows only its own slice of issues, so the wanted pages come out exactly as in a full build.
 */
function* archivePages(site: ComposedSite, renderer: Renderer, wanted: ReadonlySet<string> | undefined): Generator<OutputFile> {
  let shown = site;
  if (wanted) {
    let index = -1;
    let any = false;
    const issues = site.issues.map((issue) => {
      if (issue.status !== 'published') return issue;
      index += 1;
      const kept = wanted.has(archivePagePath(Math.floor(index / ISSUES_PER_PAGE) + 1));
      any ||= kept;
      return kept ? issue : placeholder(issue);
    });
    if (!any && !wanted.has(archivePagePath(1))) return;
    shown = { ...site, issues };
  }
  for (const page of renderer.archivePages(shown)) {
    if (!wanted || wanted.has(page.path)) yield { path: page.path, text: page.html, kind: 'page' };
  }
}

/** Stands in for an issue on an archive page that is rendered only to be thrown away: as cheap as possible. */
function placeholder(issue: ComposedIssue): ComposedIssue {
  return { ...issue, sections: [], items: [] };
}
