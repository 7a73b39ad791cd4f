import type { Source } from '../config/schema.js';
import { formatLongDate } from '../core/dates.js';
import type { SourceRef } from '../content/types.js';
import type { Citation, CitationPart } from './types.js';

/**
 * Format an item's sources in house style: `Publication, Month D, YYYY`, joined by `; `, periodicals in
 * italics and wire services roman. A publication not in sources.yaml is treated as a periodical.
 */
export function formatCitation(sourceRefs: SourceRef[], knownSources: Source[]): Citation {
  const styles = stylesOf(knownSources);
  const parts: CitationPart[] = sourceRefs.map((ref) => ({
    publication: ref.publication,
    style: styles.get(ref.publication.toLowerCase()) ?? 'periodical',
    date: ref.date,
    dateText: formatLongDate(ref.date),
    url: ref.url,
  }));
  return {
    parts,
    text: parts.map((part) => `${part.publication}, ${part.dateText}`).join('; '),
    markdown: parts
      .map((part) => `${part.style === 'periodical' ? `*${part.publication}*` : part.publication}, ${part.dateText}`)
      .join('; '),
  };
}

/** Citation style by lower-cased publication name, worked out once per list of sources. */
const stylesByList = new WeakMap<Source[], Map<string, Source['style']>>();

function stylesOf(knownSources: Source[]): Map<string, Source['style']> {
  let styles = stylesByList.get(knownSources);
  if (!styles) {
    styles = new Map(knownSources.map((source) => [source.name.toLowerCase(), source.style]));
    stylesByList.set(knownSources, styles);
  }
  return styles;
}
