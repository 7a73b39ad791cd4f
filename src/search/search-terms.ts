/**
 * How the archive's search reads words: the same module runs in the build, which makes the index
 * (index-worker.ts), and in the reader's browser, which queries it (search-page.ts, copied into
 * dist/search/ beside it). Nothing here may use Node.
 */

/**
 * One published issue as the index holds it. The index finds issues; the search page then finds the
 * items that hold the words in the issue's own page, by their anchors, and shows them.
 */
export interface SearchDocument {
  /** The issue's number. */
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Its items' headlines. */
  headline: string;
  /** Its items' bodies as plain text, each followed by its citation. */
  text: string;
  /** Each item's anchor on the issue page, then the names of its categories. */
  items: ItemEntry[];
}

export type ItemEntry = [anchor: string, ...categories: string[]];

/**
 * The commonest English and Russian words, which nearly every item holds and no reader searches by:
 * left out of the index (a third of its words, and of the time it takes) and out of queries alike.
 */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'his', 'in', 'is', 'it', 'its',
  'of', 'on', 'or', 'that', 'the', 'their', 'they', 'this', 'to', 'was', 'were', 'which', 'who', 'will', 'with',
  'и', 'в', 'во', 'не', 'что', 'он', 'на', 'я', 'с', 'со', 'как', 'а', 'то', 'все', 'она', 'так', 'его', 'но', 'по', 'к',
  'у', 'за', 'из', 'от', 'о', 'об', 'же', 'для', 'это', 'их', 'при', 'или',
]);

/**
 * A word as the index holds it: in lower case, without accents and other marks (é and e, ё and е, й and
 * и are one letter), so a reader finds a name however they type its diacritics; Cyrillic stays Cyrillic.
 * The commonest words are not held (STOP_WORDS).
 */
export function searchTerm(word: string): string | null {
  const lower = word.toLowerCase();
  // eslint-disable-next-line no-control-regex -- plain ASCII has no marks to take off
  const term = /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
  return term === '' || STOP_WORDS.has(term) ? null : term;
}

/**
 * The index is split by the first two letters of its words, one file each, so a query fetches the
 * files of its own words only, each a small share of the index: `terms-re.json` holds the words that
 * begin with "re". Letters other than a-z and 0-9 are written `_` and their code point in hex
 * (`terms-_0440_0435.json` for "ре"); the words of one letter have a file of their own. (A name may
 * stand for two pairs of letters, such as U+1000 then "a" and U+1000A: their words share the file.)
 */
export function shardOf(term: string): string {
  return Array.from(term.slice(0, 4)).slice(0, 2).map(fileLetter).join('');
}

function fileLetter(letter: string): string {
  return /^[a-z0-9]$/.test(letter) ? letter : `_${letter.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

/** The MiniSearch options the index is made and read with. */
export const SEARCH_OPTIONS = {
  idField: 'id',
  fields: ['headline', 'text'],
  storeFields: ['date', 'items'],
  processTerm: searchTerm,
};

/** Where the index's files are, relative to the site's root (index-files.ts). */
export const INDEX_FOLDER = 'search/index';

/**
 * The index is made in parts of this many issue numbers, each a MiniSearch index of its own that the
 * search page queries with the others: an edit makes its part again, and no other, and each part is a
 * function of its issues alone, so an index updated build after build is the one a clean build makes.
 */
const ISSUES_PER_PART = 250;

export function partOf(number: number): string {
  return String(Math.floor(number / ISSUES_PER_PART));
}
