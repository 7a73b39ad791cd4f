import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/render/index.js';

/** The rule wrapText follows, word by word: greedy, code points as columns, a too-long word alone on its line. */
function referenceWrap(text: string, width: number, first: string, rest: string): string {
  const lines: string[] = [];
  for (const segment of text.split('\n')) {
    let line = lines.length === 0 ? first : rest;
    let empty = true;
    for (const word of segment.split(/[ \t\r]+/).filter(Boolean)) {
      const candidate = empty ? line + word : `${line} ${word}`;
      if (empty || [...candidate].length <= width) {
        line = candidate;
        empty = false;
      } else {
        lines.push(line);
        line = rest + word;
      }
    }
    lines.push(line);
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** A small seeded generator, so the cases are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const PIECES = ['a', 'word', 'Жёлтый', ' ', ' ', '  ', '\t', '\n', '\r', '\u00a0', '𝔸', 'https://example.org/a/long/path/never/broken'];

describe('wrapText against the word-by-word rule', () => {
  it('agrees on plain paragraphs (single spaces) and on odd ones (tabs, runs of spaces, astral letters)', () => {
    const next = random(42);
    const prefixes: Array<[string, string]> = [['', ''], ['- ', '  '], ['> ', '> '], ['10. ', '    '], ['𝔸 ', '  ']];
    let plain = 0;
    for (let index = 0; index < 4000; index++) {
      const odd = index % 2 === 1;
      const words = Array.from({ length: Math.floor(next() * 30) }, () =>
        odd ? PIECES[Math.floor(next() * PIECES.length)] : PIECES[Math.floor(next() * 3)]!.repeat(1 + Math.floor(next() * 4)),
      );
      const text = words.join(odd ? '' : ' ');
      if (!odd) plain++;
      const width = 1 + Math.floor(next() * 40);
      const [first, rest] = prefixes[index % prefixes.length]!;
      expect(wrapText(text, width, { first, rest }), JSON.stringify({ text, width, first })).toBe(referenceWrap(text, width, first, rest));
    }
    expect(plain).toBe(2000);
  });

  it('cuts a plain paragraph at the last space within reach', () => {
    expect(wrapText('aa bb cc dd ee', 5)).toBe('aa bb\ncc dd\nee');
    expect(wrapText('aa bb cc dd ee', 8, { first: '- ' })).toBe('- aa bb\n  cc dd\n  ee');
    expect(wrapText('a verylongword b', 4)).toBe('a\nverylongword\nb');
  });
});
