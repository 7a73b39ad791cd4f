import type { Source } from '../config/schema.js';
import { tidyHeadline } from './headline.js';
import { readHtml } from './html-text.js';
import { storyUrlKey } from './identity.js';
import type { FeedEntry } from './types.js';

/** A feed entry as one outlet's report of a story: read once, then grouped and drafted. */
export interface OutletEntry {
  entry: FeedEntry;
  /** The publication whose feed gave it. */
  source: Source;
  /** The headline without the site's name. */
  headline: string;
  /** The article's readable text. */
  text: string;
  /** Normalised URLs the text links to (absolute http(s) links only). */
  links: string[];
}

/** Read an entry of `source`'s feed (titled `feedTitle`) for grouping and drafting. */
export function outletEntry(entry: FeedEntry, source: Source, feedTitle: string | undefined): OutletEntry {
  const { text, links } = readHtml(entry.html);
  return { entry, source, headline: tidyHeadline(entry.title, [source.name, feedTitle]), text, links: linkKeys(links, entry.link) };
}

function linkKeys(links: string[], base: string | undefined): string[] {
  const keys = new Set<string>();
  for (const link of links) {
    try {
      const url = new URL(link, base);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.pathname !== '/') keys.add(storyUrlKey(url.href));
    } catch {
      // Not a link to a page.
    }
  }
  return [...keys];
}
