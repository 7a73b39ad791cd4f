import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { endOfWords, findWords } from './find-words.js';
import { latinName } from './latin-name.js';

/** What a story is compared on: its headline and the opening of its text. */
export interface StoryText {
  title: string;
  text: string;
}

/** Words of the text beyond this many are not compared: every outlet's lede tells the event, tails differ. */
const LEDE_WORDS = 120;

/** Headline words count this many times: the headline names the event. */
const TITLE_WEIGHT = 2;

/**
 * Function words of English and Russian, which say nothing about which event a story reports. The corpus'
 * IDF discounts them too, but a run of two or three entries has too little corpus to do it.
 */
const STOPWORDS = new Set(`a an the and or but of to in on at by for from with as is are was were be been has have had it its
this that these those he she they we you his her their our not no will would could should may might can said says say
also after before over under about into than then there which who whom what when where while new more most other
и в во не на с со что как а но к ко по из у за от до о об для же ли бы это этот эта эти то так он она они его ее их
был была были будет при над под также уже ещё еще или сказал заявил`.split(/\s+/));

/**
 * The terms of a story with their counts: stemmed words (Snowball, by @orama/stemmers, English or Russian by
 * script) and named entities, marked `@`: names (see readWords; transliterated to Latin, so "Путин" and
 * "Putin" meet) and numbers.
 */
export function storyTerms(story: StoryText): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => terms.set(term, (terms.get(term) ?? 0) + weight);
  const visit = (weight: number) => (word: string, lower: string, kind: WordKind) => {
    if (kind === 'number') {
      add(`@${word.replace(/[.,]/g, '')}`, weight);
      return;
    }
    if (kind === 'name') add(entity(lower), weight);
    add(stem(lower), weight);
  };
  readWords(story.title, visit(TITLE_WEIGHT));
  readWords(lede(story.text), visit(1));
  return terms;
}

/** The opening of a text that stories are compared on: its first LEDE_WORDS runs of non-space characters. */
export function lede(text: string): string {
  return text.slice(0, endOfWords(text, LEDE_WORDS));
}

/**
 * What a word of a story is: a number (it starts with a digit), a name (capitalised, neither opening a
 * sentence nor in a Title Case Headline) or another word.
 */
export type WordKind = 'number' | 'name' | 'word';

/** Call `visit` for each word of `text` that tells something: numbers, and words that are not stopwords. */
export function readWords(text: string, visit: (word: string, lower: string, kind: WordKind) => void): void {
  const { starts, ends } = findWords(text);
  // In a Title Case Headline every word is capitalised: capitals tell nothing there.
  let capitalised = 0;
  for (const start of starts) if (isCapitalised(text, start)) capitalised += 1;
  const titleCase = capitalised > starts.length / 2;
  for (let index = 0; index < starts.length; index += 1) {
    const start = starts[index]!;
    const sentenceStart = index === 0 || endsSentence(text, ends[index - 1]!, start);
    const word = text.slice(start, ends[index]!);
    const lower = word.toLowerCase();
    if (isDigit(word.charCodeAt(0))) visit(word, lower, 'number');
    else if (!STOPWORDS.has(lower) && lower.length > 1) visit(word, lower, !sentenceStart && !titleCase && isCapitalised(text, start) ? 'name' : 'word');
  }
}

/** Whether the characters between two words close a sentence (or a headline's clause). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 46 || code === 33 || code === 63 || code === 58 || code === 10 || code === 0x2026) return true;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether the word at `start` begins with an upper-case letter; checked without a regular expression for the common Latin case. */
function isCapitalised(text: string, start: number): boolean {
  const code = text.charCodeAt(start);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(String.fromCodePoint(text.codePointAt(start)!));
}

const UPPER = /^\p{Lu}/u;

/** Stems and entity forms already worked out: a run meets the same few thousand words again and again. */
const STEMS = new Map<string, string>();
const ENTITIES = new Map<string, string>();
const MEMORY_LIMIT = 200_000;

function stem(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    stemmed = /\p{Script=Cyrillic}/u.test(word) ? russianStem(word) : englishStem(word);
    if (STEMS.size >= MEMORY_LIMIT) STEMS.clear();
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

function entity(word: string): string {
  let form = ENTITIES.get(word);
  if (form === undefined) {
    form = `@${latinName(word)}`;
    if (ENTITIES.size >= MEMORY_LIMIT) ENTITIES.clear();
    ENTITIES.set(word, form);
  }
  return form;
}
