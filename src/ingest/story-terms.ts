import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { transliterate } from './slug.js';

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

const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * The terms of a story with their counts: stemmed words (Snowball, by @orama/stemmers, English or Russian by
 * script) and named entities, marked `@`: capitalised words not opening a sentence (transliterated to Latin,
 * so "Путин" and "Putin" meet) and numbers.
 */
export function storyTerms(story: StoryText): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => terms.set(term, (terms.get(term) ?? 0) + weight);
  addText(story.title, TITLE_WEIGHT, add);
  addText(lede(story.text), 1, add);
  return terms;
}

function lede(text: string): string {
  let count = 0;
  let end = text.length;
  for (const match of text.matchAll(/\S+/g)) {
    count += 1;
    if (count > LEDE_WORDS) {
      end = match.index;
      break;
    }
  }
  return text.slice(0, end);
}

function addText(text: string, weight: number, add: (term: string, weight: number) => void): void {
  const segments = [...WORDS.segment(text)];
  const words = segments.filter((segment) => segment.isWordLike);
  // In a Title Case Headline every word is capitalised: capitals tell nothing there.
  const titleCase = words.filter((segment) => /^\p{Lu}/u.test(segment.segment)).length > words.length / 2;
  let sentenceStart = true;
  for (const segment of segments) {
    if (!segment.isWordLike) {
      if (/[.!?…:\n]/.test(segment.segment)) sentenceStart = true;
      continue;
    }
    const word = segment.segment;
    const lower = word.toLowerCase();
    if (/^\p{N}[\p{N}.,]*$/u.test(word)) {
      add(`@${word.replace(/[.,]/g, '')}`, weight);
    } else if (!STOPWORDS.has(lower) && lower.length > 1) {
      if (/^\p{Lu}/u.test(word) && !sentenceStart && !titleCase) add(`@${transliterate(lower)}`, weight);
      add(stem(lower), weight);
    }
    sentenceStart = false;
  }
}

function stem(word: string): string {
  return /\p{Script=Cyrillic}/u.test(word) ? russianStem(word) : englishStem(word);
}
