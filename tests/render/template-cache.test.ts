import { describe, expect, it } from 'vitest';
import { composeSite } from '../../src/compose/index.js';
import { loadPublication } from '../../src/content/index.js';
import { createRenderer, readTemplates } from '../../src/render/index.js';
import type { TextCache } from '../../src/render/types.js';
import { EXAMPLE_ROOT } from './fixture.js';

/** A cache in memory that counts what it is asked. */
function memoryCache(): TextCache & { texts: Map<string, string>; hits: number } {
  const texts = new Map<string, string>();
  return {
    texts,
    hits: 0,
    get(key) {
      const text = texts.get(key);
      if (text !== undefined) this.hits += 1;
      return text;
    },
    set(key, text) {
      texts.set(key, text);
    },
  };
}

/** Every issue of the example publication as web page, plain text and email, by a renderer with `cache`. */
async function renderAll(cache: TextCache | undefined, templates?: Map<string, string>): Promise<string[]> {
  const { publication } = await loadPublication(EXAMPLE_ROOT);
  const site = composeSite(publication, { drafts: true });
  const renderer = createRenderer(templates ?? (await readTemplates(EXAMPLE_ROOT)), { publication: site.publication, templateCache: cache });
  const outputs: string[] = [];
  for (const issue of site.issues) outputs.push(renderer.issuePage(issue, site), renderer.text(issue), await renderer.email(issue));
  return outputs;
}

describe('the compiled-template cache', () => {
  it('gives a later renderer the compiled templates, which render the same bytes', async () => {
    const cache = memoryCache();
    const uncached = await renderAll(undefined);
    expect(await renderAll(cache)).toEqual(uncached);
    expect([cache.texts.size, cache.hits]).toEqual([1, 0]);
    expect(await renderAll(cache)).toEqual(uncached);
    expect([cache.texts.size, cache.hits]).toEqual([1, 1]);
  });

  it('compiles again when a template changed', async () => {
    const cache = memoryCache();
    const templates = new Map(await readTemplates(EXAMPLE_ROOT));
    await renderAll(cache, templates);
    templates.set('text.hbs', `EDITED\n${templates.get('text.hbs')}`);
    const outputs = await renderAll(cache, templates);
    expect(outputs[1]).toMatch(/^EDITED\n/);
    expect([cache.texts.size, cache.hits]).toEqual([2, 0]);
  });

  it('lets a template Handlebars cannot compile fail only where it is rendered, as compiling on first use does', async () => {
    const templates = new Map(await readTemplates(EXAMPLE_ROOT));
    templates.set('partials/old-item.hbs', 'unused {{> item a b}}');
    const cache = memoryCache();
    const uncached = await renderAll(undefined, templates);
    expect(await renderAll(cache, templates)).toEqual(uncached);
    expect(await renderAll(cache, templates)).toEqual(uncached);
    templates.set('text.hbs', `{{> old-item}}\n${templates.get('text.hbs')}`);
    for (const from of [undefined, memoryCache()]) {
      await expect(renderAll(from, templates)).rejects.toThrow(/the template failed: Unsupported number of partial arguments/);
    }
  });
});
