import path from 'node:path';
import { formatLongDate, isIsoDate } from '../../core/dates.js';
import type { KnownStory } from '../../ingest/read-known-stories.js';
import type { PreviewStatus } from './preview-page.js';
import { previewPageView } from './preview-page.js';
import type { PreviewTemplates } from './preview-templates.js';

/** One candidate on the triage page. */
export interface CandidateView {
  headline: string;
  /** How many outlets reported the story. */
  outlets: number;
  /** Its first report's date, written out; undefined when no source is dated. */
  date: string | undefined;
  sources: Array<{ publication: string; date: string | undefined; url: string | undefined }>;
  summary: string;
  /** The file, relative to the root. */
  file: string;
  /** The command that takes it into the newest draft issue. */
  accept: string;
}

/**
 * The triage page: the candidates as stories, most reported first, then newest, each with its sources, its
 * summary and the `monitor accept` command for it. Read from disk on every request, so a candidate accepted
 * or deleted is gone on the next reload.
 */
export function triagePage(templates: PreviewTemplates, status: PreviewStatus, stories: KnownStory[]): string {
  const candidates = stories.map(candidateView).sort((a, b) => b.outlets - a.outlets || compare(b.sortDate, a.sortDate) || compare(a.file, b.file));
  return templates.render('triage', { ...previewPageView('Candidates', status), candidates: candidates.map(({ sortDate: _, ...view }) => view) });
}

function candidateView(story: KnownStory): CandidateView & { sortDate: string } {
  const dated = story.sources.map((source) => source.date).filter((date): date is string => date !== undefined && isIsoDate(date)).sort();
  const name = path.basename(story.file);
  return {
    headline: story.headline,
    outlets: new Set(story.sources.map((source) => source.publication)).size,
    date: dated[0] && formatLongDate(dated[0]),
    sortDate: dated[0] ?? '',
    sources: story.sources.map((source) => ({ ...source, date: source.date && isIsoDate(source.date) ? formatLongDate(source.date) : source.date })),
    summary: story.text,
    file: story.file,
    accept: `monitor accept ${/^[\w.-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`}`,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
