import { stringify } from 'yaml';
import type { Config, Source } from '../config/schema.js';
import { tidyHeadline } from './headline.js';
import { htmlToText } from './html-text.js';
import { markdownText } from './markdown-text.js';
import { storySlug } from './slug.js';
import { suggestCategories } from './suggest-categories.js';
import { summarise } from './summarise.js';
import type { FeedEntry } from './types.js';

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

/** What drafting needs besides the entry. */
export interface DraftContext {
  source: Source;
  config: Config;
  /** Title of the feed, to strip it from headlines. */
  feedTitle: string | undefined;
  now: Date;
}

/** Dates up to this far ahead are clock skew, not a future date. */
const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

/** Draft a candidate item from a feed entry, in the item format plus `status: candidate` and `flags`. */
export function draftCandidate(entry: FeedEntry, context: DraftContext): Candidate {
  const flags: string[] = [];
  const headline = tidyHeadline(entry.title, [context.source.name, context.feedTitle]);
  if (headline === '') flags.push('the feed gives no title; write a headline');
  const text = htmlToText(entry.html);
  const summary = summarise(text, headline);
  if (summary === '') flags.push('the feed gives no text for this story; write the item from the article');
  const date = checkedDate(entry, context.now, flags);
  const categories = suggestCategories({ title: headline, text }, context.config.categories, context.config.categoryTerms);
  const frontMatter = {
    headline: headline || 'Untitled story',
    ...(categories.length > 0 ? { categories } : {}),
    sources: [{ publication: context.source.name, ...(date ? { date } : {}), ...(entry.link ? { url: entry.link } : {}) }],
    status: 'candidate',
    ...(flags.length > 0 ? { flags } : {}),
  };
  const yaml = stringify(frontMatter, { lineWidth: 0 });
  const fileName = `${date ?? 'undated'}-${storySlug(headline || entry.link || 'story')}.md`;
  return { fileName, text: `---\n${yaml}---\n${markdownText(summary)}\n`, headline, flags };
}

/** The entry's day, or undefined with a flag; a future date is kept but flagged, never replaced. */
function checkedDate(entry: FeedEntry, now: Date, flags: string[]): string | undefined {
  if (!entry.published) {
    const written = entry.unreadableDate ? ` (it writes "${entry.unreadableDate}")` : '';
    flags.push(`the feed gives no usable date for this story${written}; add sources[0].date, the day it appeared`);
    return undefined;
  }
  if (Date.parse(entry.published.instant) > now.getTime() + FUTURE_TOLERANCE_MS) {
    flags.push(`the feed dates this story in the future (${entry.published.instant}); check sources[0].date`);
  }
  return entry.published.day;
}
