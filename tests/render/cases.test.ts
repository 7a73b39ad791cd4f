import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToText } from '../../src/render/index.js';

/**
 * Case pairs for rendering rules, as in marked's test/specs: `cases/<case>.md` in, `<case>.txt` (plain
 * text at 72 columns) and, where present, `<case>.html` (sanitised HTML) out. Relative links resolve
 * against https://monitor.example.org/issues/7/.
 */
const CASES = fileURLToPath(new URL('./cases/', import.meta.url));
const BASE = 'https://monitor.example.org/issues/7/';
const names = readdirSync(CASES).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();

describe('rendering cases', () => {
  it('has cases to run', () => {
    expect(names.length).toBeGreaterThan(5);
  });

  for (const name of names) {
    const markdown = readFileSync(`${CASES}${name}.md`, 'utf8');
    it(`${name}: plain text`, () => {
      expect(markdownToText(markdown, { base: BASE, width: 72 })).toBe(readFileSync(`${CASES}${name}.txt`, 'utf8'));
    });
    const htmlFile = `${CASES}${name}.html`;
    if (readdirSync(CASES).includes(`${name}.html`)) {
      it(`${name}: HTML`, () => {
        expect(`${markdownToHtml(markdown, BASE).trim()}\n`).toBe(readFileSync(htmlFile, 'utf8'));
      });
    }
  }
});
