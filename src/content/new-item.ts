import { stringify } from 'yaml';
import { isIsoDate } from '../core/dates.js';
import { MonitorError, UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';

/** A source as `monitor item --source` takes it. */
export interface ItemSource {
  publication: string;
  date: string;
  url?: string;
}

/**
 * Read `--source "Reuters, 2020-01-15, https://..."`: the publication, an ISO date, and optionally the
 * article's address, separated by commas (read from the right, so a publication's name may hold a comma).
 */
export function readSourceArgument(value: string): ItemSource {
  const parts = value.split(',').map((part) => part.trim());
  const url = parts.length > 2 && /^https?:\/\//i.test(parts[parts.length - 1]!) ? parts.pop() : undefined;
  const date = parts.pop() ?? '';
  const publication = parts.join(', ');
  if (publication === '' || !isIsoDate(date)) {
    throw new UsageError(`--source "${value}": write the publication, the date and optionally the article's address, such as --source "Reuters, 2020-01-15, https://www.reuters.com/..."`);
  }
  return { publication, date, ...(url ? { url } : {}) };
}

/** What an item file starts with: its front matter, the categories checked against the settings. */
export function itemFrontMatter(headline: string, sources: ItemSource[], categories: string[], known: readonly string[]): string {
  if (headline.trim() === '') throw new UsageError('the headline is empty; write it in quotes, such as monitor item "Moscow backs breathing room for Pyongyang"');
  const match = (category: string) => known.find((name) => name.toLowerCase() === category.toLowerCase());
  const unknown = categories.filter((category) => match(category) === undefined);
  if (unknown.length > 0) {
    const lines = unknown.map((category) => `unknown category "${category}".${didYouMean(category, known)}`);
    throw new MonitorError(`${lines.join('\n')}\nThe categories are those listed in monitor.config.yaml: ${known.join('; ')}`);
  }
  const named = categories.map((category) => match(category)!);
  const fields = {
    headline: headline.trim(),
    ...(named.length > 0 ? { categories: named } : {}),
    sources: sources.length > 0 ? sources : [{ publication: 'Publication name', date: 'YYYY-MM-DD' }],
  };
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n`;
}
