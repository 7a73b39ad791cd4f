import { describe, expect, it } from 'vitest';
import { markdownToHtml, sanitizeBodyHtml, wrapText } from '../../src/render/index.js';

const BASE = 'https://monitor.example.org/issues/3/';

describe('sanitising item HTML', () => {
  it.each([
    ['<script>alert(1)</script><p>kept</p>', '<p>kept</p>'],
    ['<p onclick="alert(1)">kept</p>', '<p>kept</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<span>x</span>'],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', '<span>x</span>'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '<span>x</span>'],
    ['<a href="data:text/html,hi">x</a>', '<span>x</span>'],
    ['<iframe src="https://e.example/"></iframe>ok', 'ok'],
    ['<style>p{}</style>ok', 'ok'],
    ['<img src="pic.png">', '<img alt="" src="https://monitor.example.org/issues/3/pic.png" />'],
    ['<img src="javascript:alert(1)" alt="a">', '<img alt="a" />'],
    ['<a href="//other.example/x">x</a>', '<a href="https://other.example/x">x</a>'],
    ['<a href="#budget">x</a>', '<a href="https://monitor.example.org/issues/3/#budget">x</a>'],
    ['<a href="mailto:e@example.org">x</a>', '<a href="mailto:e@example.org">x</a>'],
    ['<h1>Big</h1>', '<h3>Big</h3>'],
    ['<svg onload="alert(1)"><circle/></svg>text', 'text'],
  ])('%s', (input, expected) => {
    expect(sanitizeBodyHtml(input, BASE)).toBe(expected);
  });

  it('applies to Markdown: raw HTML, links and relative URLs', () => {
    const html = markdownToHtml('Text <b onmouseover="x()">bold</b> and [up](../2/) and [bad](javascript:x()).', BASE);
    expect(html).toBe('<p>Text <b>bold</b> and <a href="https://monitor.example.org/issues/2/">up</a> and <span>bad</span>.</p>');
  });
});

describe('wrapping plain text', () => {
  it('wraps at the width, breaking only at spaces', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    const lines = wrapText(text, 20).split('\n');
    expect(lines).toEqual(['one two three four', 'five six seven eight', 'nine ten eleven', 'twelve thirteen']);
  });

  it('never breaks a URL longer than the line', () => {
    const url = `https://example.org/${'x'.repeat(100)}`;
    expect(wrapText(`see ${url} now`, 30)).toBe(`see\n${url}\nnow`);
  });

  it('indents following lines under a bullet', () => {
    expect(wrapText('alpha beta gamma delta', 13, { first: '- ' })).toBe('- alpha beta\n  gamma delta');
  });

  it('counts Cyrillic letters as one column each', () => {
    expect(wrapText('Всё для фронта всё для победы', 14)).toBe('Всё для фронта\nвсё для победы');
  });

  it('counts a character outside the Basic Multilingual Plane (two UTF-16 units) as one column', () => {
    // 'a𝔸b' is three columns but four UTF-16 units: counted by units it would not fit beside 'xx'.
    expect(wrapText('xx a𝔸b yy', 6)).toBe('xx a𝔸b\nyy');
    expect(wrapText('xx a𝔸b yy', 5)).toBe('xx\na𝔸b\nyy');
  });

  it('keeps counting from the prefix of the line when it wraps long runs of short words', () => {
    const text = Array.from({ length: 40 }, (_, index) => `w${index}`).join(' ');
    const lines = wrapText(text, 16, { first: '> ', rest: '> ' }).split('\n');
    expect(lines.every((line) => line.length <= 16 && line.startsWith('> '))).toBe(true);
    expect(lines.join(' ').replace(/> /g, '')).toBe(text);
  });
});
