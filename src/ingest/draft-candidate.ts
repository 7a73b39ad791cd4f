import { stringify } from 'yaml';
import type { Config } from '../config/schema.js';
import { markdownText } from '../core/markdown-text.js';
import type { OutletEntry } from './outlet-entry.js';
import { storySlug } from '../core/story-slug.js';
import { suggestCategories } from './suggest-categories.js';
import { summarise } from './summarise.js';

/** A drafted candidate item, ready to be written to issues/candidates/. */
export interface Candidate {
  /** `<date>-<slug>.md`, or `undated-<slug>.md` when the feed gives no usable date. */
  fileName: string;
  /** The whole Markdown file: front matter and summary. */
  text: string;
  headline: string;
  /** What the editor must check before accepting; also written in the file's `flags`. */
  flags: string[];
}

/** What drafting needs besides the entries. */
export interface DraftContext {
  config: Config;
  now: Date;
}

/** One source of a candidate's front matter. */
export interface CandidateSource {
  publication: string;
  date?: string;
  url?: string;
}

/** Dates up to this far ahead are clock skew, not a future date. */
const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

/**
 * Draft a candidate item from one story's reports (one per outlet), in the item format plus `outlets`,
 * `status: candidate` and `flags`: headline and summary from the fullest report, the categories suggested
 * for any of them, and every outlet as a source in date order.
 */
export function draftCandidate(reports: OutletEntry[], context: DraftContext): Candidate {
  const flags: string[] = [];
  const fullest = [...reports].sort((a, b) => b.text.length - a.text.length || b.headline.length - a.headline.length)[0]!;
  const headline = fullest.headline || reports.map((report) => report.headline).find(Boolean) || '';
  if (headline === '') flags.push('the feed gives no title; write a headline');
  const summary = summarise(fullest.text, headline);
  if (summary === '') flags.push('the feed gives no text for this story; write the item from the article');
  const sources = candidateSources(reports, context.now, flags);
  const suggested = new Set(reports.flatMap((report) => suggestCategories({ title: report.headline, text: report.text }, context.config.categories, context.config.categoryTerms)));
  const categories = context.config.categories.filter((category) => suggested.has(category));
  const frontMatter = {
    headline: headline || 'Untitled story',
    ...(categories.length > 0 ? { categories } : {}),
    sources,
    outlets: new Set(sources.map((source) => source.publication)).size,
    status: 'candidate',
    ...(flags.length > 0 ? { flags } : {}),
  };
  const yaml = stringify(frontMatter, { lineWidth: 0 });
  const fileName = `${sources[0]!.date ?? 'undated'}-${storySlug(headline || reports[0]!.entry.link || 'story')}.md`;
  return { fileName, text: `---\n${yaml}---\n${markdownText(summary)}\n`, headline, flags };
}

/** The sources of a story's reports, dated ones first by date, then by publication; flags for bad dates. */
export function candidateSources(reports: OutletEntry[], now: Date, flags: string[]): CandidateSource[] {
  const sources = reports.map((report) => {
    const date = checkedDate(report, now, flags);
    return { publication: report.source.name, ...(date ? { date } : {}), ...(report.entry.link ? { url: report.entry.link } : {}) };
  });
  return sources.sort((a, b) => compare(a.date ?? '9999', b.date ?? '9999') || compare(a.publication, b.publication) || compare(a.url ?? '', b.url ?? ''));
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entry's day, or undefined with a flag; a future date is kept but flagged, never replaced. */
function checkedDate(report: OutletEntry, now: Date, flags: string[]): string | undefined {
  const { entry, source } = report;
  if (!entry.published) {
    const written = entry.unreadableDate ? ` (it writes "${entry.unreadableDate}")` : '';
    flags.push(`the feed of ${source.name} gives no usable date for this story${written}; add the date of its source, the day it appeared`);
    return undefined;
  }
  if (Date.parse(entry.published.instant) > now.getTime() + FUTURE_TOLERANCE_MS) {
    flags.push(`the feed of ${source.name} dates this story in the future (${entry.published.instant}); check the date of its source`);
  }
  return entry.published.day;
}
