import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedItem } from '../../src/compose/types.js';
import { createRenderer, readTemplates } from '../../src/render/index.js';
import { ItemTokens, lexBody } from '../../src/render/markdown.js';
import { EXAMPLE_ROOT, removeFixture, renderPublication, writeFixture, type Rendered } from './fixture.js';

/** Every output of a renderer for every issue, in the order `formats` asks for them. */
async function renderAll(rendered: Rendered, formats: Array<'page' | 'email' | 'text' | 'content'>): Promise<Map<string, string>> {
  const templates = await readTemplates(EXAMPLE_ROOT);
  const renderer = createRenderer(templates, { publication: rendered.site.publication });
  const out = new Map<string, string>();
  for (const format of formats) {
    for (const issue of rendered.site.issues) {
      if (format === 'page') out.set(`page ${issue.number}`, renderer.issuePage(issue, rendered.site));
      if (format === 'email') out.set(`email ${issue.number}`, await renderer.email(issue));
      if (format === 'text') out.set(`text ${issue.number}`, renderer.text(issue));
      if (format === 'content') out.set(`content ${issue.number}`, renderer.issueContent(issue));
    }
  }
  for (const page of rendered.site.categories) out.set(`category ${page.category.slug}`, renderer.categoryPage(page, rendered.site).render());
  return out;
}

describe('one renderer, formats in any order', () => {
  let root: string;
  const sites: Rendered[] = [];
  beforeAll(async () => {
    root = await writeFixture();
    sites.push(await renderPublication(root), await renderPublication(EXAMPLE_ROOT));
  });
  afterAll(() => removeFixture(root));

  it('gives the same bytes whether the text or the HTML lexes a body first, or each format has a renderer of its own', async () => {
    for (const rendered of sites) {
      const htmlFirst = await renderAll(rendered, ['page', 'email', 'content', 'text']);
      const textFirst = await renderAll(rendered, ['text', 'email', 'page', 'content']);
      const separate = new Map<string, string>();
      for (const format of ['page', 'email', 'text', 'content'] as const) {
        for (const [key, value] of await renderAll(rendered, [format])) separate.set(key, value);
      }
      expect(htmlFirst.size).toBeGreaterThan(rendered.site.issues.length * 4);
      expect([...textFirst].sort()).toEqual([...htmlFirst].sort());
      expect([...separate].sort()).toEqual([...htmlFirst].sort());
    }
  });

  it('renders the text twice alike (the second time lexes again)', () => {
    for (const { renderer, site } of sites) {
      for (const issue of site.issues) expect(renderer.text(issue)).toBe(renderer.text(issue));
    }
  });
});

describe('ItemTokens', () => {
  const item = (body: string) => ({ body }) as ComposedItem;

  it('hands the tokens of the first lexing to the second caller, then lets them go', () => {
    const tokens = new ItemTokens();
    const story = item('One *paragraph*.\n\n- a list\n- of two');
    const first = tokens.of(story);
    expect(first).toEqual(lexBody(story.body));
    expect(tokens.of(story)).toBe(first);
    const third = tokens.of(story);
    expect(third).not.toBe(first);
    expect(third).toEqual(first);
  });

  it('lexes again when the body is not the one it lexed', () => {
    const tokens = new ItemTokens();
    const story = item('Before.');
    tokens.of(story);
    story.body = 'After, *changed*.';
    expect(tokens.of(story)).toEqual(lexBody('After, *changed*.'));
  });

  it('keeps only the latest bodies, so bodies never asked for twice are not held for the whole build', () => {
    const tokens = new ItemTokens(2);
    const [a, b, c] = [item('A.'), item('B.'), item('C.')];
    const first = tokens.of(a);
    tokens.of(b);
    tokens.of(c); // a's tokens are let go
    expect(tokens.of(a)).not.toBe(first);
    const second = tokens.of(c);
    expect(tokens.of(c)).not.toBe(second); // c was handed over by the call before, then lexed anew
  });
});
