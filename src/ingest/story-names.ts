import { stemmer as russianStem } from '@orama/stemmers/russian';
import { hasCyrillic, latinName } from './latin-name.js';
import { lede, readWords, type StoryText } from './story-terms.js';

/**
 * Letters of a name that are compared: enough to tell names apart, few enough that the endings of Russian
 * cases and English possessives fall away (Набиуллиной and Nabiullina's are both "nabiu").
 */
const NAME_LETTERS = 5;

/** Names shorter than this in Latin letters (Си, ЕС, UN) match too many things by chance. */
const SHORTEST_NAME = 4;

/** Capitalised in English, not in Russian: they would only ever match each other. */
const CALENDAR = new Set('monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '));

/**
 * What a report in one language can share with a report in another: its names, each cut to its first
 * letters in Latin (Russian ones stemmed, then written as the English-language press writes them; `y` read
 * as `i`, since the press and transliteration schemes disagree on it), and its numbers (`#16`, with `3,6`
 * and `3.6` both `#36`). Names are read as storyTerms reads them: capitalised words that open no sentence.
 */
export function storyNames(story: StoryText): Set<string> {
  const names = new Set<string>();
  const visit = (word: string, lower: string, kind: string) => {
    if (kind === 'number') names.add(`#${word.replace(/[.,]/g, '')}`);
    else if (kind === 'name') {
      const key = nameKey(lower);
      if (key !== undefined) names.add(key);
    }
  };
  // A decimal comma (3,6 in Russian) would split a number in two.
  const decimal = (text: string) => text.replace(/(\d),(\d)/g, '$1.$2');
  readWords(decimal(story.title), visit);
  readWords(decimal(lede(story.text)), visit);
  return names;
}

function nameKey(lower: string): string | undefined {
  const word = lower.replace(/['’]s$/, '');
  if (CALENDAR.has(word)) return undefined;
  const latin = hasCyrillic(word) ? latinName(russianStem(word)) : word;
  if (latin.length < SHORTEST_NAME) return undefined;
  return latin.slice(0, NAME_LETTERS).replace(/y/g, 'i');
}

/** Whether a number is a figure that tells an event: two digits or more, and not a year. */
export function isFigure(name: string): boolean {
  if (!name.startsWith('#') || name.length < 3) return false;
  const value = Number(name.slice(1));
  return !(name.length === 5 && value >= 1900 && value <= 2099);
}
