import { describe, expect, it } from 'vitest';
import { groupStories, type Report } from '../../../src/ingest/group-stories.js';
import { CORPUS, type CorpusEntry } from './corpus.js';

function reportOf(entry: CorpusEntry): Report {
  return {
    key: `${entry.outlet}|${entry.path}`, outlets: [entry.outlet], days: [entry.day], urls: [`http://127.0.0.1${entry.path}`],
    links: entry.links ?? [], title: entry.title, text: entry.text, known: false,
  };
}

/** Pairwise precision and recall of "same story" pairs, over the entries `counted` keeps. */
function measure(entries: CorpusEntry[], counted: (entry: CorpusEntry) => boolean) {
  const groups = groupStories(entries.map(reportOf), { windowDays: 7 });
  const groupOf = new Map<number, number>();
  groups.forEach((group, number) => group.forEach((index) => groupOf.set(index, number)));
  let truePairs = 0;
  let foundPairs = 0;
  let correct = 0;
  for (let a = 0; a < entries.length; a += 1) for (let b = a + 1; b < entries.length; b += 1) {
    if (!counted(entries[a]!) || !counted(entries[b]!)) continue;
    const same = entries[a]!.story === entries[b]!.story;
    const grouped = groupOf.get(a) === groupOf.get(b);
    if (same) truePairs += 1;
    if (grouped) foundPairs += 1;
    if (same && grouped) correct += 1;
  }
  return { precision: foundPairs === 0 ? 1 : correct / foundPairs, recall: correct / truePairs, groups };
}

const english = (entry: CorpusEntry) => entry.outlet !== 'Вестник Примера';

describe('grouping reports of one story', () => {
  it('groups the same story from several outlets: pairwise precision 1, recall 1 in English; Russian reports stay apart', () => {
    const all = measure(CORPUS, () => true);
    expect(all.precision).toBe(1);
    expect(all.recall).toBeCloseTo(15 / 20);
    const inEnglish = measure(CORPUS, english);
    expect(inEnglish).toMatchObject({ precision: 1, recall: 1 });
  });

  it('keeps the near misses apart: the same actors a week later, two packages on one day, a follow-up that links to the first', () => {
    const { groups } = measure(CORPUS, () => true);
    const storiesOf = groups.map((group) => new Set(group.map((index) => CORPUS[index]!.story)));
    for (const [one, other] of [['xi-visit', 'xi-call'], ['eu-lng', 'us-banks'], ['journalist-jailed', 'journalist-appeal'], ['eu-lng', 'price-cap']]) {
      expect(storiesOf.some((stories) => stories.has(one!) && stories.has(other!))).toBe(false);
    }
  });

  it('gives the same groups whatever order the entries come in', () => {
    const keysOf = (entries: CorpusEntry[]) =>
      groupStories(entries.map(reportOf), { windowDays: 7 }).map((group) => group.map((index) => `${entries[index]!.outlet}|${entries[index]!.path}`));
    const reversed = [...CORPUS].reverse();
    const interleaved = [...CORPUS.filter((_, index) => index % 2 === 1), ...CORPUS.filter((_, index) => index % 2 === 0)];
    expect(keysOf(reversed)).toEqual(keysOf(CORPUS));
    expect(keysOf(interleaved)).toEqual(keysOf(CORPUS));
  });

  it('never groups two reports further apart than the window', () => {
    const moved = CORPUS.map((entry) => (entry.story === 'key-rate' && entry.outlet === 'Policy Desk' ? { ...entry, day: '2024-03-08' } : entry));
    const { groups } = measure(moved, () => true);
    const withRate = groups.filter((group) => group.some((index) => moved[index]!.story === 'key-rate'));
    expect(groupStories(moved.map(reportOf), { windowDays: 1 }).filter((group) => group.some((index) => moved[index]!.story === 'key-rate')).map((g) => g.length).sort()).toEqual([1, 2]);
    expect(withRate.map((group) => group.length)).toEqual([3]);
  });
});
