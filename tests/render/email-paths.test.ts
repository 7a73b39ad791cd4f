import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSite } from '../../src/compose/index.js';
import { loadPublication } from '../../src/content/index.js';
import { compileEmailSkeleton } from '../../src/render/email/email-skeleton.js';
import { splitTemplate } from '../../src/render/email/split-template.js';
import { createRenderer, readTemplates } from '../../src/render/index.js';
import { mjmlToHtml } from '../../src/render/mjml.js';
import { compileTemplates } from '../../src/render/template-set.js';
import { IssueViews, siteView } from '../../src/render/views.js';
import { EXAMPLE_ROOT, removeFixture, writeFixture } from './fixture.js';

/** Every issue of the publication at `root` as email, through the fast path and through MJML directly. */
async function bothPaths(root: string): Promise<Array<{ number: number; fast: string; direct: string }>> {
  const { publication } = await loadPublication(root);
  const site = composeSite(publication, { drafts: true });
  const templates = await readTemplates(root);
  const fast = createRenderer(templates, { publication: site.publication });
  const direct = createRenderer(templates, { publication: site.publication, emailPath: 'direct' });
  const emails = [];
  for (const issue of site.issues) emails.push({ number: issue.number, fast: await fast.email(issue), direct: await direct.email(issue) });
  return emails;
}

async function skeletonOf(root: string): Promise<unknown> {
  const templates = compileTemplates(await readTemplates(root));
  const site = { language: 'en', title: 'T', publisher: 'P', baseUrl: 'https://t.example.org/' };
  return compileEmailSkeleton(templates, 'email.mjml.hbs', { site, linkBase: site.baseUrl }, (mjml) => mjmlToHtml(mjml, 'email.mjml.hbs'));
}

/** The bundled email template as it was before markers: statements between components, no <mj-raw>. */
function withoutMarkers(template: string): string {
  return template.replace(/^\s*<mj-raw>(\{\{[^}]*\}\})<\/mj-raw>$/gm, '$1');
}

describe('fast email path: the MJML skeleton compiled once and filled per issue', () => {
  it('splits the bundled template into slots and markers, and compiles its skeleton', async () => {
    const template = (await readTemplates(EXAMPLE_ROOT)).get('email.mjml.hbs')!;
    const split = splitTemplate(template);
    expect(split?.markers).toContain('{{#each issue.sections}}');
    expect(split?.slots.map((slot) => slot.kind)).toContain('text');
    expect(await skeletonOf(EXAMPLE_ROOT)).toBeDefined();
  });

  it('gives byte for byte the direct MJML render for every issue of the example publication', async () => {
    const emails = await bothPaths(EXAMPLE_ROOT);
    expect(emails.map((email) => email.number)).toEqual([104, 103, 102, 101]);
    for (const { number, fast, direct } of emails) expect(fast, `issue ${number}`).toBe(direct);
  });

  it('fills every example issue itself, without handing one back to MJML', async () => {
    const { publication } = await loadPublication(EXAMPLE_ROOT);
    const composed = composeSite(publication);
    const site = siteView(composed.publication);
    const templates = compileTemplates(await readTemplates(EXAMPLE_ROOT));
    const skeleton = await compileEmailSkeleton(templates, 'email.mjml.hbs', { site, linkBase: site.baseUrl }, (mjml) => mjmlToHtml(mjml, 'email.mjml.hbs'));
    const views = new IssueViews(site.baseUrl);
    for (const issue of composed.issues) {
      expect(skeleton!.fill({ site, issue: views.issue(issue), linkBase: site.baseUrl }), `issue ${issue.number}`).toContain(issue.title);
    }
  });

  describe('on the render fixture (hostile item, sections, wire services)', () => {
    let root: string;
    beforeAll(async () => {
      root = await writeFixture({
        'issues/3/issue.md': '---\nnumber: 3\ndate: 2020-01-20\nauthor: Ann Example\nstatus: draft\n---\nAn editor\'s *note* with a [link](../1/).\n',
        'issues/3/01-braces.md': '---\nheadline: "Braces {{like this}} and <% that %>"\nsources: [{ publication: Reuters, date: 2020-01-19 }]\n---\nA table and braces {{x}}:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
        'issues/3/02-quotes.md': '---\nheadline: Quotes "double" and \'single\' & more\nsources: [{ publication: Reuters, date: 2020-01-19 }]\n---\n> A quote with a list:\n>\n> - one\n> - two\n\n![a picture](pic.png "its title")\n',
      });
    });
    afterAll(() => removeFixture(root));

    it('gives the same bytes as the direct path, including content it hands back to MJML', async () => {
      const emails = await bothPaths(root);
      expect(emails.length).toBe(3);
      for (const { number, fast, direct } of emails) expect(fast, `issue ${number}`).toBe(direct);
      expect(emails.find((email) => email.number === 2)!.fast).toContain('AT&amp;T &lt;SCRIPT&gt;');
    });
  });

  describe('with a publication template that has no markers', () => {
    let root: string;
    beforeAll(async () => {
      const template = (await readTemplates(EXAMPLE_ROOT)).get('email.mjml.hbs')!;
      root = await writeFixture({ 'templates/email.mjml.hbs': withoutMarkers(template) });
    });
    afterAll(() => removeFixture(root));

    it('cannot be split, so every email is rendered directly, with the same result', async () => {
      expect(await skeletonOf(root)).toBeUndefined();
      for (const { number, fast, direct } of await bothPaths(root)) expect(fast, `issue ${number}`).toBe(direct);
    });
  });

  it('refuses templates whose parts outside the slots read the issue, or whose markers are not alone in <mj-raw>', () => {
    const body = (inside: string) => `<mjml><mj-body><mj-section><mj-column>${inside}</mj-column></mj-section></mj-body></mjml>`;
    expect(splitTemplate(body('<mj-raw>{{#each issue.items}}</mj-raw><mj-text>{{headline}}</mj-text><mj-raw>{{/each}}</mj-raw>'))).toBeDefined();
    expect(splitTemplate(body('<mj-raw>{{#each issue.items}} x</mj-raw><mj-text>a</mj-text><mj-raw>{{/each}}</mj-raw>'))).toBeUndefined();
    expect(splitTemplate(body('<mj-raw>{{#each issue.items}}</mj-raw><mj-image src="{{url}}" /><mj-raw>{{/each}}</mj-raw>'))).toBeUndefined();
    expect(splitTemplate(body('<mj-raw>{{#each issue.items}}</mj-raw><mj-text>a</mj-text>'))).toBeUndefined();
  });
});
