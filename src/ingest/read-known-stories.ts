import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { CANDIDATES_FOLDER, splitFrontMatter } from '../content/index.js';
import type { Publication } from '../content/index.js';
import { storyUrlKey } from './identity.js';

/** One source of a story already drafted or cited, as its file gives it. */
export interface KnownSource {
  publication: string;
  date: string | undefined;
  url: string | undefined;
}

/** A story the editors have already: a candidate waiting in issues/candidates/, or an item of an issue. */
export interface KnownStory {
  /** The file, relative to the root. */
  file: string;
  /** The issue the item is in; undefined for a candidate. */
  issue: number | undefined;
  headline: string;
  /** The body (a candidate's summary, an item's text). */
  text: string;
  sources: KnownSource[];
}

/** What the publication already holds, for ingest to tell new stories from known ones. */
export interface KnownStories {
  stories: KnownStory[];
  /** Normalised story URLs cited in an issue, with the issue's number. */
  cited: Map<string, number>;
  /** Normalised story URLs of the candidates, with the candidate file. */
  drafted: Map<string, string>;
}

/** The items of every issue and the candidates, tolerating candidates an editor has half-edited. */
export async function readKnownStories(publication: Publication): Promise<KnownStories> {
  const known: KnownStories = { stories: [], cited: new Map(), drafted: new Map() };
  for (const issue of publication.issues) {
    for (const item of issue.items) {
      const sources = item.sources.map((source) => ({ publication: source.publication, date: source.date, url: source.url }));
      known.stories.push({ file: item.file, issue: issue.number, headline: item.headline, text: item.body, sources });
      for (const source of sources) if (source.url) known.cited.set(storyUrlKey(source.url), issue.number);
    }
  }
  for (const story of await readCandidateStories(publication.root)) {
    known.stories.push(story);
    for (const source of story.sources) if (source.url && !known.cited.has(storyUrlKey(source.url))) known.drafted.set(storyUrlKey(source.url), story.file);
  }
  return known;
}

/** The candidates in issues/candidates/, by file name; those whose front matter cannot be read are left out. */
export async function readCandidateStories(root: string): Promise<KnownStory[]> {
  const folder = path.join(root, 'issues', CANDIDATES_FOLDER);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((entry) => entry.endsWith('.md')).sort();
  const stories: KnownStory[] = [];
  for (const name of names) {
    const file = `issues/${CANDIDATES_FOLDER}/${name}`;
    const split = splitFrontMatter(file, await readFile(path.join(folder, name), 'utf8').catch(() => ''));
    try {
      const data = parse(split.value?.yaml ?? '') as { headline?: unknown; sources?: unknown } | null;
      stories.push({ file, issue: undefined, headline: String(data?.headline ?? ''), text: split.value?.body ?? '', sources: sourcesOf(data?.sources) });
    } catch {
      // A candidate the editor is still fixing: it cannot be matched.
    }
  }
  return stories;
}

function sourcesOf(value: unknown): KnownSource[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((source: { publication?: unknown; date?: unknown; url?: unknown } | null) => {
    if (typeof source?.publication !== 'string') return [];
    const date = source.date instanceof Date ? source.date.toISOString().slice(0, 10) : typeof source.date === 'string' ? source.date : undefined;
    return [{ publication: source.publication, date, url: typeof source.url === 'string' ? source.url : undefined }];
  });
}
