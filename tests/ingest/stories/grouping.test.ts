import { describe, expect, it } from 'vitest';
import { groupStories, type Report } from '../../../src/ingest/group-stories.js';
import { CORPUS, type CorpusEntry } from './corpus.js';

function reportOf(entry: CorpusEntry): Report {
  return {
    key: `${entry.outlet}|${entry.path}`, outlets: [entry.outlet], days: [entry.day], urls: [`http://127.0.0.1${entry.path}`],
    links: entry.links ?? [], title: entry.title, text: entry.text, known: false,
  };
}

/** The items in an order set by `seed` (a small linear congruential generator, so the test repeats). */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

type PairFilter = (a: CorpusEntry, b: CorpusEntry) => boolean;

/** Pairwise precision and recall of "same story" pairs, over the pairs `counted` keeps. */
function measure(entries: CorpusEntry[], counted: PairFilter = () => true) {
  const groups = groupStories(entries.map(reportOf), { windowDays: 7 });
  const groupOf = new Map<number, number>();
  groups.forEach((group, number) => group.forEach((index) => groupOf.set(index, number)));
  let truePairs = 0;
  let foundPairs = 0;
  let correct = 0;
  for (let a = 0; a < entries.length; a += 1) for (let b = a + 1; b < entries.length; b += 1) {
    if (!counted(entries[a]!, entries[b]!)) continue;
    const same = entries[a]!.story === entries[b]!.story;
    const grouped = groupOf.get(a) === groupOf.get(b);
    if (same) truePairs += 1;
    if (grouped) foundPairs += 1;
    if (same && grouped) correct += 1;
  }
  return { precision: foundPairs === 0 ? 1 : correct / foundPairs, recall: correct / truePairs, truePairs, groups };
}

const russian = (entry: CorpusEntry) => /\p{Script=Cyrillic}/u.test(entry.title);
const inEnglish: PairFilter = (a, b) => !russian(a) && !russian(b);
const acrossLanguages: PairFilter = (a, b) => russian(a) !== russian(b);

/** The stories of the groups, each as a set. */
function storiesOf(groups: number[][], entries: CorpusEntry[] = CORPUS): Set<string>[] {
  return groups.map((group) => new Set(group.map((index) => entries[index]!.story)));
}

/** The outlets grouped with the report of `story` by `outlet`. */
function groupedWith(story: string, outlet: string): string[] {
  const { groups } = measure(CORPUS);
  const index = CORPUS.findIndex((entry) => entry.story === story && entry.outlet === outlet);
  return groups.find((group) => group.includes(index))!.map((member) => CORPUS[member]!.outlet).sort();
}

describe('grouping reports of one story', () => {
  it('groups the same story from several outlets: pairwise precision >= 0.95 and recall >= 0.8; precision and recall 1 in English', () => {
    const all = measure(CORPUS);
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.8);
    expect(measure(CORPUS, inEnglish)).toMatchObject({ precision: 1, recall: 1 });
  });

  it('groups Russian and English reports on shared figures and transliterated names, or a shared link and a name, never wrongly', () => {
    const across = measure(CORPUS, acrossLanguages);
    expect(across.truePairs).toBeGreaterThanOrEqual(15);
    expect(across.precision).toBe(1);
    expect(across.recall).toBeGreaterThanOrEqual(0.7);
    // Набиуллина/Nabiullina and 16%; Мишустин/Mishustin and 3,6%/3.6%; Газпром/Gazprom and 629.
    expect(groupedWith('key-rate', 'Вестник Примера')).toEqual(['Policy Desk', 'Reuters', 'The Moscow Times', 'Вестник Примера']);
    expect(groupedWith('pm-report', 'Вестник Примера')).toEqual(['Capital Ledger', 'Reuters', 'Вестник Примера']);
    expect(groupedWith('gas-loss', 'Вестник Примера')).toEqual(['Reuters', 'The Moscow Times', 'Вестник Примера']);
    // The same bill's page, and Совет Федерации/Federation Council.
    expect(groupedWith('agents-bill', 'Вестник Примера')).toEqual(['Capital Ledger', 'Policy Desk', 'The Moscow Times', 'Вестник Примера']);
  });

  it('leaves a Russian and an English report apart when they share a link but no name, or only names as common as Putin and the Kremlin', () => {
    expect(groupedWith('dprk-relief', 'Вестник Примера')).toEqual(['Вестник Примера']);
    expect(groupedWith('xi-visit', 'Вестник Примера')).toEqual(['Вестник Примера']);
  });

  it('counts a name as common by the stories that have it, not the reports: a story many outlets told keeps its Russian report', () => {
    // Six reports of the key rate name Nabiullina and 16%: more than five reports, but one story.
    const copies = ['Daily Wire Service', 'Evening Ledger'].map((outlet) => ({ ...CORPUS.find((entry) => entry.story === 'key-rate' && entry.outlet === 'Reuters')!, outlet, path: `/${outlet.length}/rate` }));
    const entries = [...CORPUS, ...copies];
    const russianRate = entries.findIndex((entry) => entry.story === 'key-rate' && russian(entry));
    const group = measure(entries).groups.find((members) => members.includes(russianRate))!;
    expect(group.length).toBeGreaterThan(1);
    expect(group.every((index) => entries[index]!.story === 'key-rate')).toBe(true);
  });

  it('does not count a name that many stories share (Putin) as the name a shared link needs', () => {
    const page = 'https://kremlin.example/events/71234';
    const russianReport: CorpusEntry = { outlet: 'Невский Курьер', story: 'decree', day: '2024-03-20', path: '/ukaz', title: 'Указ подписан',
      text: 'В среду президент Путин подписал указ о новых выплатах семьям военнослужащих, сообщили в пресс-службе.', links: [page] };
    const englishReport: CorpusEntry = { outlet: 'Reuters', story: 'decree', day: '2024-03-20', path: '/decree', title: 'Decree on payments signed',
      text: 'On Wednesday the president, Putin, signed a decree on new payments to the families of soldiers, his press office said.', links: [page] };
    const otherStories = [
      'Farmers in the south will get cheaper loans for grain storage, Putin told a meeting of regional governors.',
      'The port of Ust-Luga will double its coal terminals by 2027, officials said after a visit by Putin.',
      'A new rail line to the Pacific coast was approved by Putin after months of delay over its price.',
      'Putin named a new governor for the Kursk region, replacing an official who resigned in January.',
      'Lawmakers close to Putin proposed a tax on windfall profits of exporters of fertiliser and metals.',
      'Road building in the Arctic will get extra money from the budget, Putin said at a forum in Murmansk.',
    ].map((text, index): CorpusEntry => ({ outlet: `Outlet ${index}`, story: `other-${index}`, day: '2024-03-18', path: `/other-${index}`, title: `Other story ${index}`, text }));
    const together = (entries: CorpusEntry[]) => measure(entries).groups.some((group) => group.length === 2 && group.every((index) => entries[index]!.story === 'decree'));
    expect(together([russianReport, englishReport])).toBe(true);
    expect(together([russianReport, englishReport, ...otherStories])).toBe(false);
  });

  it('keeps the near misses apart: the same actors a week later, two packages on one day, a follow-up that links to the first', () => {
    const { groups } = measure(CORPUS);
    const nearMisses = [
      ['xi-visit', 'xi-call'], ['eu-lng', 'us-banks'], ['journalist-jailed', 'journalist-appeal'], ['eu-lng', 'price-cap'],
      // In Russian: the same actors on the summit's day in a budget meeting; Moscow's answer to the package
      // three days on, linking to the same notice and giving the same figure.
      ['xi-visit', 'budget-meeting'], ['eu-lng', 'eu-answer'],
    ];
    for (const [one, other] of nearMisses) expect(storiesOf(groups).some((stories) => stories.has(one!) && stories.has(other!)), `${one} with ${other}`).toBe(false);
    // The Russian appeal links to the sentencing's first report and names the same reporter and city.
    expect(groupedWith('journalist-appeal', 'Вестник Примера')).toEqual(['Capital Ledger', 'Вестник Примера']);
  });

  it('gives the same groups whatever order the entries come in', () => {
    const keysOf = (entries: CorpusEntry[]) =>
      groupStories(entries.map(reportOf), { windowDays: 7 }).map((group) => group.map((index) => `${entries[index]!.outlet}|${entries[index]!.path}`));
    const reversed = [...CORPUS].reverse();
    const interleaved = [...CORPUS.filter((_, index) => index % 2 === 1), ...CORPUS.filter((_, index) => index % 2 === 0)];
    expect(keysOf(reversed)).toEqual(keysOf(CORPUS));
    expect(keysOf(interleaved)).toEqual(keysOf(CORPUS));
    for (const seed of [1, 2, 3, 4, 5]) expect(keysOf(shuffled(CORPUS, seed)), `shuffle ${seed}`).toEqual(keysOf(CORPUS));
  });

  it('gives the same groups for 2,000 of the bench\'s entries, Russian ones among them, whatever their order', async () => {
    const { syntheticReports } = await import('../../../bench/group-stories.js');
    const russianReports = CORPUS.filter(russian).map(reportOf);
    const { reports } = syntheticReports(2000, 7);
    const all = [...reports, ...russianReports];
    const keysOf = (list: Report[]) => groupStories(list, { windowDays: 7 }).map((group) => group.map((index) => list[index]!.key));
    const expected = keysOf(all);
    expect(expected.length).toBeLessThan(all.length);
    expect(keysOf(shuffled(all, 11))).toEqual(expected);
    expect(keysOf([...all].reverse())).toEqual(expected);
  });

  it('never groups two reports further apart than the window', () => {
    const moved = CORPUS.map((entry) => (entry.story === 'key-rate' && entry.outlet === 'Policy Desk' ? { ...entry, day: '2024-03-08' } : entry));
    const rateGroups = (windowDays: number) => groupStories(moved.map(reportOf), { windowDays })
      .filter((group) => group.some((index) => moved[index]!.story === 'key-rate')).map((group) => group.length).sort();
    expect(rateGroups(1)).toEqual([1, 3]);
    expect(rateGroups(7)).toEqual([4]);
  });
});
