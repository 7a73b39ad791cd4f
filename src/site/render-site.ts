import { categoryPath, renderFeeds } from '../render/feeds/index.js';
import type { Renderer, TemplateSources } from '../render/types.js';
import type { SitePlan } from './plan-site.js';

/** One file of the build: its path relative to the output folder, its text, and what it is (for the summary). */
export interface OutputFile {
  path: string;
  text: string;
  kind: 'page' | 'email' | 'feed';
}

/**
 * Render every file of the plan, one at a time, so a large archive is never held in memory at once.
 * Pure apart from the renderer's work: nothing here reads or writes files.
 */
export async function* renderSite(plan: SitePlan, renderer: Renderer, templates: TemplateSources): AsyncGenerator<OutputFile> {
  for (const { issue, site } of plan.issues) {
    yield { path: `${issue.path}index.html`, text: renderer.issuePage(issue, site), kind: 'page' };
    yield { path: `${issue.path}email.html`, text: await renderer.email(issue), kind: 'email' };
    yield { path: `${issue.path}email.txt`, text: renderer.text(issue), kind: 'email' };
  }
  for (const page of renderer.archivePages(plan.site)) yield { path: page.path, text: page.html, kind: 'page' };
  for (const page of plan.site.categories) {
    yield { path: `${categoryPath(page.category)}index.html`, text: renderer.categoryPage(page, plan.site), kind: 'page' };
  }
  const feeds = renderFeeds(plan.site, { content: (issue) => renderer.issueContent(issue), templates });
  for (const feed of feeds) yield { path: feed.path, text: feed.text, kind: 'feed' };
}
