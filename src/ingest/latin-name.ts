import { createRequire } from 'node:module';

/**
 * A Russian word in Latin letters as the English-language press writes Russian names: iuliia's "Wikipedia"
 * schema (BGN/PCGN with the usual simplifications), so Мишустин is Mishustin, Екатеринбург Yekaterinburg and
 * Зеленский Zelensky, where a letter-for-letter table gives Ekaterinburg and Zelenskiy. Other characters,
 * Latin ones included, are kept. Lower case in, lower case out.
 */
export function latinName(word: string): string {
  let latin = LATIN.get(word);
  if (latin === undefined) {
    latin = CYRILLIC.test(word) ? transliterator().translate(word, transliterator().WIKIPEDIA).toLowerCase() : word;
    if (LATIN.size >= MEMORY_LIMIT) LATIN.clear();
    LATIN.set(word, latin);
  }
  return latin;
}

/** Whether a text has a Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * iuliia, loaded on the first Russian name: it builds every one of its schemas as it loads (~60 ms), which
 * a run with no Russian report should not pay. Loaded with require, since grouping is synchronous.
 */
let loaded: typeof import('iuliia') | undefined;
const loadPackage = createRequire(import.meta.url);

function transliterator(): typeof import('iuliia') {
  loaded ??= loadPackage('iuliia') as typeof import('iuliia');
  return loaded;
}

/** Names already written in Latin: a run meets the same few thousand again and again. */
const LATIN = new Map<string, string>();
const MEMORY_LIMIT = 200_000;
