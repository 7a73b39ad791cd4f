import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonitorError } from '../../src/core/errors.js';
import { createRenderer, readTemplates } from '../../src/render/index.js';
import { removeFixture, renderPublication, writeFixture } from './fixture.js';

const PUBLICATION = {
  title: 'T', publisher: 'P', description: '', language: 'en', baseUrl: 'https://t.example.org/',
  email: { from: 't@example.org', replyTo: undefined, unsubscribeUrl: undefined },
};

describe('readTemplates', () => {
  let root: string;
  beforeAll(async () => {
    root = await writeFixture({
      'templates/text.hbs': 'OWN {{issue.title}}\n',
      'templates/partials/citation.hbs': '[{{text}}]',
    });
  });
  afterAll(() => removeFixture(root));

  it('reads the bundled defaults, including partials and web templates', async () => {
    const templates = await readTemplates('/nonexistent-publication');
    for (const name of ['email.mjml.hbs', 'text.hbs', 'web/issue.hbs', 'web/archive.hbs', 'web/category.hbs', 'web/content.hbs', 'partials/item.hbs', 'partials/citation.hbs', 'partials/issue-header.hbs', 'partials/footer.hbs', 'partials/layout.hbs']) {
      expect(templates.has(name), name).toBe(true);
    }
  });

  it('lets a publication override a template or a partial by its relative name', async () => {
    const { renderer, issue, site } = await renderPublication(root);
    expect(renderer.text(issue(2))).toBe('OWN Test Reform Monitor No. 2\n');
    const page = renderer.issuePage(issue(2), site);
    expect(page).toContain('[The Moscow Times, December 17, 2019; Reuters, December 29, 2019]');
    expect(page).not.toContain('class="citation"');
  });
});

describe('template errors', () => {
  it('name the template file and line when a template does not parse', async () => {
    const templates = new Map(await readTemplates('/nonexistent-publication'));
    templates.set('web/issue.hbs', '<h1>{{issue.title}}</h1>\n{{#each issue.items}}\n<p>{{headline}}</p>\n');
    let failure: unknown;
    try {
      createRenderer(templates, { publication: PUBLICATION });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(MonitorError);
    expect((failure as MonitorError).message).toMatch(/^templates\/web\/issue\.hbs:\d+: the template failed: /);
  });

  it('name the template when a partial it uses is missing', async () => {
    const templates = new Map(await readTemplates('/nonexistent-publication'));
    templates.set('text.hbs', '{{> no-such-partial}}\n');
    const root = await writeFixture();
    try {
      const { site, issue } = await renderPublication(root);
      const renderer = createRenderer(templates, { publication: site.publication });
      expect(() => renderer.text(issue(2))).toThrow(MonitorError);
      expect(() => renderer.text(issue(2))).toThrow(/no-such-partial/);
      try {
        renderer.text(issue(2));
      } catch (error) {
        expect((error as MonitorError).describe()).toContain('templates/text.hbs');
      }
    } finally {
      await removeFixture(root);
    }
  });

  it('say which template is missing', async () => {
    const templates = new Map(await readTemplates('/nonexistent-publication'));
    templates.delete('web/category.hbs');
    const root = await writeFixture();
    try {
      const { site } = await renderPublication(root);
      const renderer = createRenderer(templates, { publication: site.publication });
      expect(() => renderer.categoryPage(site.categories[0]!, site).render()).toThrow(/templates\/web\/category\.hbs is missing/);
    } finally {
      await removeFixture(root);
    }
  });
});
