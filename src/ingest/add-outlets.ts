import { isMap, isSeq, parseDocument } from 'yaml';
import { splitFrontMatter } from '../content/index.js';
import type { CandidateSource } from './draft-candidate.js';

/**
 * A candidate's text with more sources: only the `sources` list grows (in date order among the new ones,
 * after those the editor has) and `outlets` is updated; every other field, comment and the summary stay as
 * the editor left them. Undefined when the front matter cannot be read or has no list of sources.
 */
export function addOutlets(file: string, text: string, added: CandidateSource[]): string | undefined {
  const split = splitFrontMatter(file, text);
  if (!split.value) return undefined;
  const document = parseDocument(split.value.yaml);
  const sources = document.get('sources', true);
  if (document.errors.length > 0 || !isMap(document.contents) || !isSeq(sources)) return undefined;
  for (const source of added) sources.add(document.createNode(source));
  const publications = new Set(sources.items.map((item) => (isMap(item) ? String(item.get('publication')) : '')).filter(Boolean));
  document.set('outlets', publications.size);
  const start = text.indexOf(split.value.yaml, text.indexOf('\n'));
  if (split.value.yaml === '' || start < 0) return undefined;
  const yaml = document.toString({ lineWidth: 0 });
  return `${text.slice(0, start)}${yaml.endsWith('\n') && !split.value.yaml.endsWith('\n') ? yaml.slice(0, -1) : yaml}${text.slice(start + split.value.yaml.length)}`;
}
