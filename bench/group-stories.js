/**
 * The grouping scenario's work: 5,000 synthetic feed entries from 25 outlets over 30 days, about 2,000
 * stories each reported by 1 to 5 outlets in their own words, grouped by the ingester's groupStories.
 * Each story has invented names and a figure of its own, as real events do; the rest of its words come
 * from the shared word lists, so every pair of entries has much in common. Run as a child through measure.js.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRandom } from './random.js';
import { headline, sentence } from './words.js';

const GROUP_STORIES = fileURLToPath(new URL('../lib/ingest/group-stories.js', import.meta.url));
const OUTLETS = Array.from({ length: 25 }, (_, index) => `Outlet ${String.fromCharCode(65 + index)}`);
const SYLLABLES = ['ka', 'ro', 'vin', 'dal', 'mer', 'tso', 'lek', 'yan', 'bor', 'shi', 'pol', 'nev', 'gra', 'tur', 'ost', 'zel'];

/**
 * @param {import('./random.js').Random} random
 * @returns {string} an invented name, capitalised
 */
function name(random) {
  const word = Array.from({ length: random.int(2, 3) }, () => random.pick(SYLLABLES)).join('');
  return `${word[0]?.toUpperCase()}${word.slice(1)}`;
}

/**
 * @param {number} count entries
 * @param {number} seed
 * @returns {{ reports: object[], stories: number }}
 */
export function syntheticReports(count, seed) {
  const random = createRandom(seed ^ 0x6e0b);
  const reports = [];
  let stories = 0;
  while (reports.length < count) {
    stories += 1;
    const names = [name(random), name(random)];
    const figure = random.int(10, 9999);
    const day = Date.UTC(2026, 0, 1) + random.int(0, 29) * 86_400_000;
    for (const outlet of random.sample(OUTLETS, Math.min(random.int(1, 5), count - reports.length))) {
      const said = `${random.pick(['Officials', 'Deputies', 'Analysts'])} in ${names[0]} said ${names[1]} would handle ${figure} cases.`;
      const text = [sentence(random), said, sentence(random), sentence(random), sentence(random)].join(' ');
      reports.push({
        key: `${outlet}\u0000story-${stories}`, outlets: [outlet], days: [new Date(day + random.int(0, 1) * 86_400_000).toISOString().slice(0, 10)],
        urls: [`https://${outlet.toLowerCase().replace(' ', '-')}.example/${stories}`], links: [],
        title: `${headline(random)} in ${names[0]}`, text, known: false,
      });
    }
  }
  return { reports, stories };
}

/**
 * @param {string[]} args entry count, seed
 * @returns {Promise<number>} exit code
 */
export async function groupSynthetic([count = '5000', seed = '1']) {
  const { reports, stories } = syntheticReports(Number(count), Number(seed));
  const { groupStories } = await import(pathToFileURL(GROUP_STORIES).href);
  const groups = groupStories(reports, { windowDays: 7 });
  process.stdout.write(`${JSON.stringify({ entries: reports.length, stories, groups: groups.length })}\n`);
  return 0;
}
