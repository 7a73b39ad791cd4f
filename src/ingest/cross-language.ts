import { hasCyrillic } from './latin-name.js';
import { isFigure, storyNames } from './story-names.js';

/** What cross-language grouping needs of a report (see Report in group-stories.ts). */
export interface ReportText {
  title: string;
  text: string;
  /** Normalised URLs of the story itself. */
  urls: string[];
  /** Normalised URLs its text links to. */
  links: string[];
}

/**
 * A Russian and an English report share no words, only names, numbers and links: evidence thin enough that
 * they must also come out within this many days of each other (the same actors a week later stay apart).
 */
export const CROSS_LANGUAGE_DAYS = 2;

/**
 * A name in more of a run's stories than this share (and than COMMON_LEAST) is too common to tell events
 * apart (Putin, the Kremlin): it is not counted as evidence. Stories, not reports: the names of a story that
 * ten outlets reported are not common for that.
 */
const COMMON_SHARE = 0.05;
const COMMON_LEAST = 5;

/** The reports of a run that holds both scripts: which are Russian, and the names each can share. */
export interface Languages {
  /** Per report: written in Cyrillic. */
  cyrillic: boolean[];
  /** Per report: its names and numbers (see storyNames). */
  names: Set<string>[];
}

/** The languages of the reports; undefined when they are all in one script, so nothing is compared across. */
export function readLanguages(reports: ReportText[]): Languages | undefined {
  const cyrillic = reports.map((report) => hasCyrillic(report.title || report.text.slice(0, 200)));
  if (!cyrillic.includes(true) || !cyrillic.includes(false)) return undefined;
  return { cyrillic, names: reports.map((report) => storyNames(report)) };
}

/** The names found in more than COMMON_SHARE of the stories, each story a group of reports. */
export function commonNames(languages: Languages, stories: number[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const story of stories) {
    for (const name of new Set(story.flatMap((index) => [...languages.names[index]!]))) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const most = Math.max(COMMON_LEAST, stories.length * COMMON_SHARE);
  return new Set([...counts].filter(([, count]) => count > most).map(([name]) => name));
}

/** Pairs of reports (lower index first) in different scripts that share a name or a link: the only ones worth comparing. */
export function crossLanguageCandidates(reports: ReportText[], languages: Languages): [number, number][] {
  const russian = new Map<string, number[]>();
  const keysOf = (index: number) => [...languages.names[index]!, ...reports[index]!.links];
  languages.cyrillic.forEach((cyrillic, index) => {
    if (cyrillic) for (const key of keysOf(index)) russian.set(key, [...(russian.get(key) ?? []), index]);
  });
  const pairs = new Map<string, [number, number]>();
  languages.cyrillic.forEach((cyrillic, index) => {
    if (cyrillic) return;
    for (const key of keysOf(index)) {
      for (const other of russian.get(key) ?? []) {
        const pair: [number, number] = index < other ? [index, other] : [other, index];
        pairs.set(pair.join(' '), pair);
      }
    }
  });
  return [...pairs.values()];
}

/**
 * Whether a Russian and an English report (already within CROSS_LANGUAGE_DAYS, neither a follow-up of the
 * other) tell one story: they link to the same page and share a name or number not in `common`, or they
 * share two such names or numbers of which one is a figure (16%, 629 billion; not a year). Names alone never
 * do: the same people and places turn up in different events on the same day.
 */
export function sameStoryAcross(reports: ReportText[], languages: Languages, common: Set<string>, a: number, b: number): boolean {
  const shared = [...languages.names[a]!].filter((name) => languages.names[b]!.has(name) && !common.has(name));
  if (shared.length === 0) return false;
  if (reports[a]!.links.some((link) => reports[b]!.links.includes(link))) return true;
  return shared.length >= 2 && shared.some(isFigure);
}
