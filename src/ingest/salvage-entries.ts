/** Entries cut out of a feed that a strict parser rejects, each one a small document of its own. */
export interface SalvagedEntries {
  /** The feed's header (everything before the first entry) closed as a document, to read its title from. */
  header: string | undefined;
  /** One document per complete entry: the entry inside the feed's root element (and RSS channel). */
  entries: string[];
  /** Entries begun, complete or not, so that a truncated last entry shows up as lost. */
  started: number;
}

const ROOT = /<(rss|feed|[\w.-]*:?RDF)(?:\s[^<>]*)?>/;
const ENTRY_START = /<(item|entry)[\s/>]/g;

/**
 * Cut a feed into its complete entries. Each is wrapped in the feed's own root element (whose attributes
 * declare the namespaces and the RSS version), not in the whole header, so that the work stays in
 * proportion to the feed's length. Every search goes forward from where the last one ended.
 */
export function salvageEntries(text: string): SalvagedEntries {
  const root = ROOT.exec(text);
  if (!root) return { header: undefined, entries: [], started: 0 };
  const name = root[1]!;
  const open = name === 'rss' ? `${root[0]}<channel>` : name === 'feed' ? root[0] : `${root[0]}<channel/>`;
  const close = name === 'rss' ? '</channel></rss>' : `</${name}>`;
  const entries: string[] = [];
  const unclosed = new Set<string>();
  let started = 0;
  let first = -1;
  let resume = 0;
  ENTRY_START.lastIndex = root.index;
  for (let match = ENTRY_START.exec(text); match; match = ENTRY_START.exec(text)) {
    started += 1;
    if (first < 0) first = match.index;
    const entry = match[1]!;
    if (match.index < resume || unclosed.has(entry)) continue;
    const end = endOfElement(text, entry, match.index);
    if (end < 0) unclosed.add(entry);
    else entries.push(open + text.slice(match.index, end) + close);
    resume = Math.max(end, resume);
  }
  return { header: first < 0 ? undefined : text.slice(0, first) + close, entries, started };
}

/** Where the first `</name>` after `from` ends, or -1 when there is none (then no later one has one either). */
function endOfElement(text: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\s*>`, 'g');
  closing.lastIndex = from;
  return closing.exec(text) ? closing.lastIndex : -1;
}
