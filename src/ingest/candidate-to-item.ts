import { isMap, parseDocument } from 'yaml';
import { MonitorError } from '../core/errors.js';
import { splitFrontMatter } from '../content/index.js';
import { storySlug } from '../core/story-slug.js';
import { stableName } from './candidate-names.js';

/** A candidate turned into an item file's text, and the flags the ingester had raised on it. */
export interface AcceptedItem {
  text: string;
  flags: string[];
}

/** Drop `status`, `flags` and `outlets` from a candidate's front matter, keeping everything else (and comments) as written. */
export function candidateToItem(file: string, text: string): AcceptedItem {
  const split = splitFrontMatter(file, text);
  if (!split.value) throw new MonitorError(split.problem!.message, { place: split.problem! });
  const document = parseDocument(split.value.yaml);
  if (document.errors.length > 0 || !isMap(document.contents)) {
    const reason = document.errors[0]?.message.split('\n')[0] ?? 'the front matter is not a list of fields';
    throw new MonitorError(`cannot read the candidate's front matter: ${reason}`, { place: { file, line: 0, column: 0, path: '' } });
  }
  const flags = document.get('flags');
  const flagList = (flags && typeof flags === 'object' && 'toJSON' in flags ? (flags as { toJSON(): unknown }).toJSON() : flags) as unknown;
  document.delete('status');
  document.delete('flags');
  document.delete('outlets');
  const yaml = document.toString({ lineWidth: 0 });
  return {
    text: `---\n${yaml}---\n\n${split.value.body}\n`,
    flags: Array.isArray(flagList) ? flagList.map(String) : flagList ? [String(flagList)] : [],
  };
}

/** The slug of a candidate file name `<NN>-<date>-<slug>.md`, made safe for an item file name. */
export function candidateSlug(fileName: string): string {
  const stem = stableName(fileName).replace(/\.md$/i, '').replace(/^(\d{4}-\d{2}-\d{2}|undated)-/, '');
  return storySlug(stem);
}
