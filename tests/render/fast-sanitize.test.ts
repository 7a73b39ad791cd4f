import { readdirSync, readFileSync } from 'node:fs';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { sanitizeMarkedHtml } from '../../src/render/fast-sanitize.js';
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
];

describe('sanitising marked output without sanitize-html', () => {
  it.each(MARKDOWN.map((markdown) => [markdown.slice(0, 40), markdown]))('gives sanitize-html\'s bytes: %s', (_, markdown) => {
    expect(markdownToHtml(markdown, BASE)).toBe(throughSanitizeHtml(markdown));
  });

  it('answers only for marked\'s own tags, and leaves the rest to sanitize-html', () => {
    expect(sanitizeMarkedHtml('<p>x</p>\n', BASE)).toBe('<p>x</p>\n');
    expect(sanitizeMarkedHtml('<p><img src="a.png" alt="a"></p>', BASE)).toBeUndefined();
    expect(sanitizeMarkedHtml('<p>&copy;</p>', BASE)).toBeUndefined();
    expect(sanitizeMarkedHtml('<p><script>x</script></p>', BASE)).toBeUndefined();
    expect(sanitizeMarkedHtml('<p>x', BASE)).toBeUndefined();
  });

  it('turns a link with an unsafe target into plain text', () => {
    expect(sanitizeMarkedHtml('<p><a href="javascript:alert(1)">x</a></p>', BASE)).toBe('<p><span>x</span></p>');
    expect(sanitizeMarkedHtml('<p><a href="%20JaVaScRiPt:alert(1)">x</a></p>', BASE)).toBe('<p><a href="https://monitor.example.org/issues/3/%20JaVaScRiPt:alert(1)">x</a></p>');
  });
});
