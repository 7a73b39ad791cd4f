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
 * A name in more of a run's reports than this share (and than COMMON_LEAST) is too common to tell events
 * apart (Putin, the Kremlin): it is not counted as evidence.
 */
const COMMON_SHARE = 0.05;
const COMMON_LEAST = 5;

/** The reports of a run that holds both scripts: which are Russian, and the names each can share. */
export interface Languages {
  /** Per report: written in Cyrillic. */
  cyrillic: boolean[];
  /** Per report: its names and numbers that are not common in the run, sorted. */
  names: string[][];
}

/** The languages of the reports; undefined when they are all in one script, so nothing is compared across. */
export function readLanguages(reports: ReportText[]): Languages | undefined {
  const cyrillic = reports.map((report) => hasCyrillic(report.title || report.text.slice(0, 200)));
  if (!cyrillic.includes(true) || !cyrillic.includes(false)) return undefined;
  const all = reports.map((report) => storyNames(report));
  const counts = new Map<string, number>();
  for (const names of all) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const common = Math.max(COMMON_LEAST, reports.length * COMMON_SHARE);
  return { cyrillic, names: all.map((names) => [...names].filter((name) => counts.get(name)! <= common).sort()) };
}

/** Pairs of reports in different scripts that share a name or a link: the only ones worth comparing. */
export function crossLanguageCandidates(reports: ReportText[], languages: Languages): [number, number][] {
  const russian = new Map<string, number[]>();
  languages.cyrillic.forEach((cyrillic, index) => {
    if (!cyrillic) return;
    for (const key of [...languages.names[index]!, ...reports[index]!.links]) russian.set(key, [...(russian.get(key) ?? []), index]);
  });
  const pairs = new Map<string, [number, number]>();
  languages.cyrillic.forEach((cyrillic, index) => {
    if (cyrillic) return;
    for (const key of [...languages.names[index]!, ...reports[index]!.links]) {
      for (const other of russian.get(key) ?? []) pairs.set(`${Math.min(index, other)} ${Math.max(index, other)}`, [Math.min(index, other), Math.max(index, other)]);
    }
  });
  return [...pairs.values()];
}

/**
 * Whether a Russian and an English report (already within CROSS_LANGUAGE_DAYS, neither a follow-up of the
 * other) tell one story: they link to the same page and share an uncommon name or number, or they share two
 * uncommon names or numbers of which one is a figure (16%, 629 billion; not a year). Names alone never do:
 * the same people and places turn up in different events on the same day.
 */
export function sameStoryAcross(reports: ReportText[], languages: Languages, a: number, b: number): boolean {
  const shared = languages.names[a]!.filter((name) => languages.names[b]!.includes(name));
  if (shared.length === 0) return false;
  if (reports[a]!.links.some((link) => reports[b]!.links.includes(link))) return true;
  return shared.length >= 2 && shared.some(isFigure);
}
