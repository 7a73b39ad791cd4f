import { storySlug } from '../../../src/core/story-slug.js';
import { CORPUS, OUTLETS, type CorpusEntry } from './corpus.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The feed route of an outlet, such as `/feeds/the-moscow-times.xml`. */
export function feedRoute(outlet: string): string {
  return `/feeds/${storySlug(outlet)}.xml`;
}

/**
 * An outlet's RSS feed of its corpus entries, story URLs and links on `base`; `reversed` lists them in the
 * other order, to check that feed order changes nothing.
 */
export function corpusFeed(outlet: string, base: string, entries: CorpusEntry[] = CORPUS, reversed = false): string {
  const mine = entries.filter((entry) => entry.outlet === outlet);
  const items = (reversed ? [...mine].reverse() : mine).map((entry) => {
    const links = (entry.links ?? []).map((link) => `<p>See <a href="${link.replace('http://127.0.0.1', base)}">the source</a>.</p>`).join('');
    const html = `<p>${escape(entry.text)}</p>${links}`;
    return `<item><title>${escape(entry.title)}</title><link>${base}${entry.path}</link><guid>${base}${entry.path}</guid>
<pubDate>${new Date(`${entry.day}T09:00:00Z`).toUTCString()}</pubDate><description>${escape(html)}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escape(outlet)}</title>\n${items.join('\n')}\n</channel></rss>`;
}

/** feeds/sources.yaml for the outlets, in the order given, on `base`. */
export function corpusSources(base: string, outlets: string[] = OUTLETS): string {
  return outlets.map((outlet) => `- name: ${outlet}\n  feed: ${base}${feedRoute(outlet)}\n  allowPrivate: true\n${outlet === 'Reuters' ? '  style: wire\n' : ''}`).join('');
}
