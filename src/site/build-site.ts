import path from 'node:path';
import { loadPublication } from '../content/index.js';
import type { Problem } from '../core/problems.js';
import { createRenderer, readTemplates } from '../render/index.js';
import type { Renderer, RendererOptions, TemplateSources } from '../render/types.js';
import { planSite } from './plan-site.js';
import { renderSite } from './render-site.js';
import { writeSite } from './write-site.js';

export interface BuildOptions {
  /** Output folder; relative paths are taken from the publication folder. Default `dist`. */
  out?: string | undefined;
  /** Build only this issue's pages, plus the pages and feeds that list it. */
  issue?: number | undefined;
  /** Also build draft issues' own pages (never the archive, category pages or feeds). */
  drafts?: boolean | undefined;
}

/** What a build did. */
export interface BuildSummary {
  /** Issues whose web page, email and plain text were written. */
  issues: number;
  /** HTML web pages written: issue pages, archive pages, category pages. */
  pages: number;
  /** Feed files written. */
  feeds: number;
  /** Email files written (HTML and plain text). */
  emails: number;
  /** Milliseconds from start to the new output being in place. */
  ms: number;
  /** Absolute output folder. */
  out: string;
  /** Warnings about the publication (a build with errors does not happen). */
  warnings: Problem[];
}

/** Where a build gets its templates and renderer; tests pass a stand-in. */
export interface Rendering {
  readTemplates(root: string): Promise<TemplateSources>;
  createRenderer(templates: TemplateSources, options: RendererOptions): Renderer;
}

const RENDERING: Rendering = { readTemplates, createRenderer };

/**
 * Build the publication at `root`: load and check it (a ContentError lists every error), compose, render
 * and write the site. The new output replaces the old one only when everything succeeded.
 */
export async function buildSite(root: string, options: BuildOptions = {}, rendering: Rendering = RENDERING): Promise<BuildSummary> {
  const started = performance.now();
  const absoluteRoot = path.resolve(root);
  const out = path.resolve(absoluteRoot, options.out ?? 'dist');
  const { publication, warnings } = await loadPublication(absoluteRoot);
  const plan = planSite(publication, { issue: options.issue, drafts: options.drafts });
  const templates = await rendering.readTemplates(absoluteRoot);
  const renderer = rendering.createRenderer(templates, { publication: plan.site.publication });
  const files = renderSite(plan, renderer, templates);
  const counts = await writeSite(files, { out, root: absoluteRoot, keepPrevious: plan.keepPrevious });
  return {
    issues: plan.issues.length,
    pages: counts.page,
    feeds: counts.feed,
    emails: counts.email,
    ms: Math.round(performance.now() - started),
    out,
    warnings,
  };
}
