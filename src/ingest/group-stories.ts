import { commonNames, CROSS_LANGUAGE_DAYS, crossLanguageCandidates, readLanguages, sameStoryAcross, type Languages } from './cross-language.js';
import { daysApart, pairKey, sharesAny, withoutFollowUps, type Pair } from './story-pairs.js';
import { cosine, spreadCosine, spreadVector, storyVectors, termFrequency, type StoryVector } from './story-vectors.js';

/** One outlet's report of a story from a feed, or a story the editors have already (drafted or cited). */
export interface Report {
  /** Stable identity (outlet and entry identity, or the file): orders ties so any feed order gives one result. */
  key: string;
  /** The publications that reported it: one for a feed entry, the sources of a drafted or cited story. */
  outlets: string[];
  /** Days it appeared, `YYYY-MM-DD`; empty when the feed gives no date (such a report is never grouped). */
  days: string[];
  /** Normalised URLs of the story itself. */
  urls: string[];
  /** Normalised URLs its text links to. */
  links: string[];
  title: string;
  text: string;
  /** A story already drafted or cited: two of them are never grouped together. */
  known: boolean;
}

export interface GroupingOptions {
  /** Reports further apart than this many days are never one story. */
  windowDays: number;
}

/**
 * The score (see scorePair) at and above which two reports are one story. Chosen on tests/ingest/stories/:
 * there the near misses score at most 0.25 (two sanctions packages on one day; the same actors a week later
 * fall to 0.15), a follow-up four days on 0.34 even when the story it links to is missing from the run, and
 * every same-story pair in one language at least 0.40. Precision first: the cut sits above every near miss.
 * A Russian and an English report share no words: they are judged by sameStoryAcross instead.
 */
export const SAME_STORY_SCORE = 0.37;

/**
 * Reports of one event come out within a day or two: the score fades by this share per day apart, so the
 * same actors in another event a week later need far more in common.
 */
const DAILY_FADING = 0.08;

/** Two reports linking to the same page (a statement, a document) are likelier one story. */
const SHARED_LINK_BONUS = 0.3;

/** Terms in more reports than this share are too common to propose pairs from (they still score). */
const COMMON_SHARE = 0.01;

/**
 * Group reports of the same event: each group is a list of indexes into `reports`, in key order, and the
 * groups come in the order of their first key. Complete linkage within a language: a report joins a group
 * only when it is the same story as every report in it written in its script, within the window, from an
 * outlet not already in it; a group holds at most one known story. Across Russian and English, where the
 * evidence is names, numbers and links (see cross-language.ts), one report of the group must match and the
 * others must merely not be kept apart. A report whose text links to the other's URL is a follow-up.
 */
export function groupStories(reports: Report[], options: GroupingOptions): number[][] {
  const order = reports.map((_, index) => index).sort((a, b) => compareKeys(reports[a]!.key, reports[b]!.key));
  const { vectors, termNumbers } = reportVectors(reports, order);
  const run: Run = { reports, vectors, languages: readLanguages(reports), common: new Set(), termNumbers, options };
  const groupOf = new Map<number, number[]>(order.map((index) => [index, [index]]));
  const inOneLanguage = withoutFollowUps(reports, likelyPairs(run, order));
  mergePairs(run, groupOf, inOneLanguage.pairs, inOneLanguage);
  if (run.languages) {
    // Across languages once the stories of each are known: a name is common when many stories have it.
    run.common = commonNames(run.languages, [...new Set(groupOf.values())]);
    const all = withoutFollowUps(reports, [...inOneLanguage.pairs, ...sortPairs(run, pairsAcross(run))]);
    mergePairs(run, groupOf, all.pairs.filter((pair) => acrossScripts(run, pair.a, pair.b)), all);
  }
  const groups = [...new Set(groupOf.values())].map((group) => group.sort((a, b) => compareKeys(reports[a]!.key, reports[b]!.key)));
  return groups.sort((a, b) => compareKeys(reports[a[0]!]!.key, reports[b[0]!]!.key));
}

/** Merge the groups of each pair, best first, where joinable: linked pairs, or reports that may share a group across languages. */
function mergePairs(run: Run, groupOf: Map<number, number[]>, pairs: Pair[], judged: { pairs: Pair[]; apart: Set<number> }): void {
  const linked = new Set<number>(judged.pairs.map((pair) => pairKey(pair.a, pair.b)));
  const together = (x: number, y: number) => linked.has(pairKey(x, y)) || mayShareAcross(run, judged.apart, x, y);
  for (const { a, b } of pairs) {
    const first = groupOf.get(a)!;
    const second = groupOf.get(b)!;
    if (first === second || !joinable(first, second, run, together)) continue;
    const merged = [...first, ...second];
    for (const index of merged) groupOf.set(index, merged);
  }
}

/** Everything the scoring reads of a run. */
interface Run {
  reports: Report[];
  vectors: Vector[];
  /** Undefined when every report is in one script. */
  languages: Languages | undefined;
  /** Names too common to group across languages on (see commonNames). */
  common: Set<string>;
  /** One more than the highest term number of the vectors. */
  termNumbers: number;
  options: GroupingOptions;
}

/** A report's vector, how common its terms are, and its days as whole days since 1970 (for the window). */
interface Vector extends StoryVector {
  days: number[];
  /** Of its leading terms, those few enough reports share to propose pairs. */
  proposing: number[];
}

/** Leading terms two reports must share to be compared at all. */
const SHARED_LEADING_TERMS = 2;

function reportVectors(reports: Report[], order: number[]): { vectors: Vector[]; termNumbers: number } {
  const { vectors, frequency } = storyVectors(reports, order);
  const common = Math.max(30, reports.length * COMMON_SHARE);
  // Thousands of reports fall on a few dozen days: each day is parsed once.
  const dayNumbers = new Map<string, number>();
  const dayNumber = (day: string) => dayNumbers.get(day) ?? dayNumbers.set(day, Date.parse(day) / 86_400_000).get(day)!;
  const withDays = vectors.map((vector, index): Vector => {
    const proposing: number[] = [];
    for (const term of vector.leading) if (termFrequency(frequency, term) <= common) proposing.push(term);
    const { terms, weights, norm, leading } = vector;
    return { terms, weights, norm, leading, days: reports[index]!.days.map(dayNumber), proposing };
  });
  return { vectors: withDays, termNumbers: frequency.length * 2 };
}

/** Pairs in one script that share uncommon leading terms and score as one story, best first (ties in key order). */
function likelyPairs(run: Run, order: number[]): Pair[] {
  const { vectors } = run;
  const postings = new Map<number, number[]>();
  for (const index of order) for (const term of vectors[index]!.proposing) {
    const list = postings.get(term);
    if (list) list.push(index);
    else postings.set(term, [index]);
  }
  const pairs: Pair[] = [];
  // How many proposing terms each partner shares with the report at hand, and which partners have any.
  const counts = new Int32Array(vectors.length);
  const partners: number[] = [];
  const spread = new Float64Array(run.termNumbers);
  for (const a of order) {
    // Partners with a higher index only, so each pair is scored once.
    for (const term of vectors[a]!.proposing) for (const b of postings.get(term)!) {
      if (b > a && counts[b]!++ === 0) partners.push(b);
    }
    spreadVector(vectors[a]!, spread);
    for (const b of partners) {
      if (counts[b]! < SHARED_LEADING_TERMS || acrossScripts(run, a, b)) continue;
      const score = scorePair(run, a, b, spread);
      if (score >= SAME_STORY_SCORE) pairs.push({ a, b, score });
    }
    spreadVector(vectors[a]!, spread, true);
    for (const b of partners) counts[b] = 0;
    partners.length = 0;
  }
  return sortPairs(run, pairs);
}

/** Pairs of reports in different scripts that are one story (see sameStoryAcross). */
function pairsAcross(run: Run): Pair[] {
  return crossLanguageCandidates(run.reports, run.languages!).flatMap(([a, b]) => {
    const score = scorePair(run, a, b);
    return score >= SAME_STORY_SCORE ? [{ a, b, score }] : [];
  });
}

function sortPairs(run: Run, pairs: Pair[]): Pair[] {
  const { reports } = run;
  return pairs.sort((x, y) => y.score - x.score || compareKeys(reports[x.a]!.key, reports[y.a]!.key) || compareKeys(reports[x.b]!.key, reports[y.b]!.key));
}

function acrossScripts(run: Run, a: number, b: number): boolean {
  return run.languages !== undefined && run.languages.cyrillic[a] !== run.languages.cyrillic[b];
}

/** Two reports' score; `spread` holds the vector of `a` spread out (see spreadCosine), when the caller has it. */
function scorePair(run: Run, a: number, b: number, spread?: Float64Array): number {
  const { reports, vectors, languages, options } = run;
  const first = reports[a]!;
  const second = reports[b]!;
  const apart = daysApart(vectors[a]!.days, vectors[b]!.days);
  if (apart > options.windowDays) return 0;
  if (first.known && second.known) return 0;
  if (sharesAny(first.outlets, second.outlets)) return 0;
  if (sharesAny(first.urls, second.urls)) return 1;
  if (sharesAny(first.links, second.urls) || sharesAny(second.links, first.urls)) return 0;
  if (languages && languages.cyrillic[a] !== languages.cyrillic[b]) {
    return apart <= CROSS_LANGUAGE_DAYS && sameStoryAcross(reports, languages, run.common, a, b) ? SAME_STORY_SCORE : 0;
  }
  const sharedLink = sharesAny(first.links, second.links) ? SHARED_LINK_BONUS : 0;
  const fading = 1 - DAILY_FADING * apart;
  const similarity = spread ? spreadCosine(vectors[a]!, spread, vectors[b]!) : cosine(vectors[a]!, vectors[b]!);
  return Math.min(1, (similarity + sharedLink) * fading);
}

/**
 * Whether two reports in different scripts may sit in one group on the strength of another pair: within the
 * window, and neither a follow-up of the other or of its story.
 */
function mayShareAcross(run: Run, apart: Set<number>, a: number, b: number): boolean {
  const { reports, vectors, options } = run;
  if (!acrossScripts(run, a, b) || apart.has(pairKey(a, b))) return false;
  if (daysApart(vectors[a]!.days, vectors[b]!.days) > options.windowDays) return false;
  const [first, second] = [reports[a]!, reports[b]!];
  return !first.links.some((url) => second.urls.includes(url)) && !second.links.some((url) => first.urls.includes(url));
}

function joinable(first: number[], second: number[], run: Run, together: (a: number, b: number) => boolean): boolean {
  const { reports } = run;
  const outlets = new Set(first.flatMap((index) => reports[index]!.outlets));
  if (second.some((index) => reports[index]!.outlets.some((outlet) => outlets.has(outlet)))) return false;
  if (first.some((index) => reports[index]!.known) && second.some((index) => reports[index]!.known)) return false;
  return first.every((a) => second.every((b) => together(a, b)));
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
