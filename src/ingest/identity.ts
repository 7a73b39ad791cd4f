import { normaliseStoryUrl } from '../content/check-publication.js';
import type { FeedEntry } from './types.js';

/**
 * An entry's identity across runs: its guid or Atom id, else its normalised link, else title and date.
 * `linkKey` is storyUrlKey(entry.link) when the caller has it already.
 */
export function entryKey(entry: FeedEntry, linkKey?: string): string {
  if (entry.id) return `id:${entry.id}`;
  if (entry.link) return `url:${linkKey ?? storyUrlKey(entry.link)}`;
  return `title:${entry.title.toLowerCase()}|${entry.published?.day ?? entry.unreadableDate ?? ''}`;
}

/** A story URL as compared with the ones cited in issues and candidates; the URL itself when unparseable. */
export function storyUrlKey(url: string): string {
  try {
    return normaliseStoryUrl(url);
  } catch {
    return url.trim();
  }
}
