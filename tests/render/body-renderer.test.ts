import { readdirSync, readFileSync } from 'node:fs';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, sanitizeBodyHtml } from '../../src/render/index.js';
import { HOSTILE_BODY } from './fixture.js';

const BASE = 'https://monitor.example.org/issues/3/';
const marked = new Marked({ gfm: true, breaks: false, async: false });

/** What every body went through before: marked, then sanitize-html over its whole output. */
function throughSanitizeHtml(markdown: string): string {
  return sanitizeBodyHtml(marked.parse(markdown, { async: false }), BASE).trim();
}

const CASES = readdirSync(new URL('cases/', import.meta.url)).filter((name) => name.endsWith('.md'))
  .map((name) => readFileSync(new URL(`cases/${name}`, import.meta.url), 'utf8'));

const MARKDOWN = [
  ...CASES,
  HOSTILE_BODY,
  'Plain words with "double" and \'single\' quotes, AT&T, 5 < 6 > 4 and an em\u2014dash.',
  'A *light* and **strong** and ~~struck~~ and `code <b> & co` word.',
  'A [link](https://example.org/a?b=1&c=2 "Its \\"title\\" & more") and [relative](../2/#x) and [mail](mailto:e@example.org).',
  'A [bad](javascript:alert(1)) and [data](data:text/html,x) and <https://auto.example.org/> and www.example.com.',
  'Entities typed: &copy; &nbsp; &#169; &amp; &foo; and &amp without semicolon.',
  '# Big\n\n## Bigger\n\n### Small\n\nText.',
  '1. one\n2. two\n\n3) three\n\n- a\n- b\n\n  loose\n\n- c',
  '> quoted *text*\n>\n> more\n\n---\n\nafter',
  'Hard  \nbreak and a\\\nbackslash break.',
  '![img](pic.png "t") and a table:\n\n| a | b |\n|:-|-:|\n| 1 | 2 |',
  '```js\nconst a = "<b>";\n```',
  '- [ ] task\n- [x] done',
  'Кириллица «в кавычках» & emoji 🎉 and `a`.',
  'Inline <b>bold</b>, <a href="/about" onclick="alert(1)">about</a> and <img src=x onerror=alert(2)> in one paragraph.',
  '<div>\n<p>block html</p>\n</div>\n\nThen **Markdown** with a [link](../x).',
  '[a link with a title](https://example.org "x &amp; y") and ![alt &amp; text](https://example.org/p.png)',
  '<https://example.org/?a=1&amp;b=2> and [weird](<a b>) and [encoded](https://example.org/ä?q=ü)',
];

describe('Markdown bodies written by BodyRenderer', () => {
  it.each(MARKDOWN.map((markdown) => [markdown.slice(0, 40), markdown]))('equal marked + sanitize-html over the whole output: %s', (_, markdown) => {
    expect(markdownToHtml(markdown, BASE)).toBe(throughSanitizeHtml(markdown));
  });

  it('keeps a link only with a safe scheme, resolved against the page', () => {
    expect(markdownToHtml('[x](javascript:alert(1))', BASE)).toBe('<p><span>x</span></p>');
    expect(markdownToHtml('[x](%20JaVaScRiPt:alert(1))', BASE)).toBe('<p><a href="https://monitor.example.org/issues/3/%20JaVaScRiPt:alert(1)">x</a></p>');
    expect(markdownToHtml('[x](../2/)', BASE)).toBe('<p><a href="https://monitor.example.org/issues/2/">x</a></p>');
    expect(markdownToHtml('![x](data:image/png;base64,AAAA)', BASE)).toBe('<p><img alt="x" /></p>');
  });
});
