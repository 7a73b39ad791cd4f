import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { chainStyles, type ElementFacts, type InlineRules } from '../../src/render/email/chain-styles.js';
import { FragmentInliner, type FragmentPlace } from '../../src/render/email/inline-fragment.js';

const juice = createRequire(import.meta.url)('juice') as (html: string, options: object) => string;

const CSS = '\np { margin: 0 0 14px; } a { color: #1d4b75; } .citation a { color: #1d1c1a; } li p { margin: 0; } em { font-style: italic; }';
const WRAP: ElementFacts = { tag: 'div', id: undefined, classes: ['wrap'] };
const place: FragmentPlace = { context: [WRAP] };

/** The reference: juice itself (with MJML's options) over the fragment inside its place, as MJML runs it. */
function juiceInline(fragment: string): string {
  const html = juice(`<div class="wrap">${fragment}</div>`, {
    extraCss: CSS, applyStyleTags: false, removeStyleTags: false, insertPreservedExtraCss: false,
    applyWidthAttributes: false, applyHeightAttributes: false,
  });
  return html.slice('<div class="wrap">'.length, -'</div>'.length);
}

/** Fragments the inliner takes, each written as cheerio writes it. */
const TAKEN = [
  '<p>Plain text &amp; an entity left alone: &lt;b&gt; &nbsp;</p>',
  '<p class="citation">From <a href="https://example.org/?a=1&b=2">a source</a>, <em>today</em>.</p>',
  '<P CLASS="citation"><A HREF="https://example.org/">Upper case</A></P>',
  '<p title=\'a "quoted" word\' data-empty="" hidden>Attributes</p>',
  '<p>One line<br/>and the next<br>and <img src="a.png" alt="a picture"/></p>',
  '<ul>\n<li><p>first</p></li>\n<li>second <a href="#x">link</a></li>\n</ul>',
  '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1 < 2 > 0</td></tr></tbody></table>',
  '<blockquote>\n<p>quoted</p>\n</blockquote><hr><p>after</p >',
  'text alone, then <span>a span</span>',
  '<p  class="citation"\nid=x>spaced <A\tHREF=u>attributes</A ></p>',
  '<p hidden class="citation">a valueless attribute first</p><p class=\'citation\'>quoted once</p>',
  '<h2 id="a&quot;b" class="extra">an entity in an id</h2>',
];

/** Fragments whose round trip the inliner does not know: it answers undefined and MJML renders the issue. */
const REFUSED = [
  '<p>an implied close<p>by the next paragraph',
  '<ul><li>one<li>two</ul>',
  '<p>left open',
  '<p><em>crossed</p></em>',
  '<p>stray close</span></p>',
  '</p>',
  '<p>a comment <!-- here --></p>',
  '<p style="color: red">its own style</p>',
  '<p class="a" class="b">twice</p>',
  '<p>a tag cut short <a href="x"',
  '<script>alert(1)</script>',
  '<p>handlebars {{left}}</p>',
  '<div>closes the place\'s div</div></div><div>',
];

function countingRules(): InlineRules & { asked: number } {
  const rules = chainStyles(CSS, undefined)!;
  return {
    asked: 0,
    names: (selector) => rules.names(selector),
    styleFor(chain) {
      this.asked += 1;
      return rules.styleFor(chain);
    },
  };
}

describe('FragmentInliner: a fragment inlined as juice inlines it inside MJML', () => {
  it('gives juice\'s own output for the fragments it takes', () => {
    const inliner = new FragmentInliner(chainStyles(CSS, undefined)!);
    for (const fragment of TAKEN) expect(inliner.inline(fragment, place), fragment).toBe(juiceInline(fragment));
    expect(inliner.inline(TAKEN[1]!, place)).toContain('<a href="https://example.org/?a=1&b=2" style="color: #1d1c1a;">');
  });

  it('answers undefined for what it does not take', () => {
    const inliner = new FragmentInliner(chainStyles(CSS, undefined)!);
    for (const fragment of REFUSED) expect(inliner.inline(fragment, place), fragment).toBeUndefined();
  });

  it('reads a fragment inside its place: an element the place has open is closed implicitly, so refused', () => {
    const inliner = new FragmentInliner(chainStyles(CSS, undefined)!);
    const inItem: FragmentPlace = { context: [WRAP, { tag: 'ul', id: undefined, classes: [] }, { tag: 'li', id: undefined, classes: [] }] };
    expect(inliner.inline('<li>a sibling item</li>', inItem)).toBeUndefined();
    expect(inliner.inline('<p>a paragraph in the item</p>', inItem)).toBe('<p style="margin: 0;">a paragraph in the item</p>');
  });

  it('asks the rules once per chain of elements, leaving out the ids and classes the CSS does not name', () => {
    const rules = countingRules();
    const inliner = new FragmentInliner(rules);
    for (const anchor of ['first', 'second', 'third']) {
      const headline = inliner.inline(`<h2 id="${anchor}" class="extra">A headline</h2><p class="citation other"><a href="#${anchor}">x</a></p>`, place);
      expect(headline).toBe(juiceInline(`<h2 id="${anchor}" class="extra">A headline</h2><p class="citation other"><a href="#${anchor}">x</a></p>`));
    }
    expect(rules.asked).toBe(3);
    inliner.inline('<p><a href="#a">x</a></p>', place);
    expect(rules.asked).toBe(5);
  });
});
