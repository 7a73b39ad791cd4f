import { describe, expect, it } from 'vitest';
import { endOfWords, findWords } from '../../../src/ingest/find-words.js';

/** The definitions the scans must agree with. */
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const RUN = /\S+/g;

const TEXTS = [
  'The U.S. Treasury didn\'t act; Russia’s 16.5% rate—held. Mid-year: 1,000 roubles.',
  'Банк России сохранил ставку на уровне 16%, сообщила Эльвира Набиуллина… «Газпром» — 3,6%.',
  '--lead .dots. \'quoted\' ’curly’ a.-b a--b end.',
  'Ünïcödé naïve café Ωmega ǅemal ﬁne ٣٤ ١٢ 𝐀𝐁𝐂 𝟏𝟐 😀 x😀y 你好 世界 \ud800 lone \udc00 surrogates',
  '\u00a0non\u2003breaking\u200ahair\u2009thin\u202fnarrow\u3000spaces\ufefftab\there\nnew\r\nline\u2028sep\u000bvt',
  '',
  '    ',
];

describe('the word scan of grouping', () => {
  it('finds the words the regular expression finds, at the same places', () => {
    for (const text of TEXTS) {
      const { starts, ends } = findWords(text);
      const expected = [...text.matchAll(WORD)].map((match) => [match.index, match.index + match[0].length]);
      expect(starts.map((start, index) => [start, ends[index]]), text).toEqual(expected);
    }
  });

  it('ends a text\'s opening where its next run of non-space characters starts', () => {
    for (const text of TEXTS) {
      const runs = [...text.matchAll(RUN)].map((match) => match.index);
      for (const count of [0, 1, 3, 7, 100]) expect(endOfWords(text, count), `${count} in ${text}`).toBe(runs[count] ?? text.length);
    }
  });
});
