import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Problem } from '../../src/core/problems.js';
import { composeSite } from '../../src/compose/index.js';
import { loadPublication } from '../../src/content/index.js';
import { compileEmailSkeleton, type SkeletonResult } from '../../src/render/email/email-skeleton.js';
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

/** The warnings of a renderer for the publication at `root`, once its emails are prepared. */
async function emailWarnings(root: string): Promise<Problem[]> {
  const { publication } = await loadPublication(root);
  const renderer = createRenderer(await readTemplates(root), { publication: composeSite(publication).publication });
  await renderer.prepareEmail!();
  return renderer.emailWarnings!();
}

async function skeletonOf(root: string): Promise<SkeletonResult> {
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
    expect(await skeletonOf(EXAMPLE_ROOT)).toHaveProperty('skeleton');
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
      expect('skeleton' in skeleton && skeleton.skeleton.fill({ site, issue: views.issue(issue), linkBase: site.baseUrl }), `issue ${issue.number}`).toContain(issue.title);
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
      expect(await skeletonOf(root)).not.toHaveProperty('skeleton');
      for (const { number, fast, direct } of await bothPaths(root)) expect(fast, `issue ${number}`).toBe(direct);
    });

    it('gets a warning naming the template and saying why', async () => {
      expect(await emailWarnings(root)).toEqual([expect.objectContaining({
        severity: 'warning', file: 'templates/email.mjml.hbs',
        message: expect.stringMatching(/rendered through MJML, more slowly .* because a Handlebars statement outside <mj-text>, <mj-title> and <mj-preview> .* reads more than `site` and `linkBase`/),
      })]);
    });
  });

  describe('with inline CSS that looks past an element\'s ancestors', () => {
    let root: string;
    beforeAll(async () => {
      const styles = (await readTemplates(EXAMPLE_ROOT)).get('partials/email-inline-styles.hbs')!;
      root = await writeFixture({ 'templates/partials/email-inline-styles.hbs': `${styles}\n      p:first-child { margin-top: 0; }\n` });
    });
    afterAll(() => removeFixture(root));

    it('renders every email directly, with the same result, and says why in a warning', async () => {
      expect(await skeletonOf(root)).not.toHaveProperty('skeleton');
      for (const { number, fast, direct } of await bothPaths(root)) expect(fast, `issue ${number}`).toBe(direct);
      expect((await emailWarnings(root))[0]?.message).toMatch(/inline CSS .* pseudo-classes such as :first-child/);
    });

    it('is told so by monitor build, on standard error', async () => {
      let err = '';
      const code = await main(['build', '--root', root], { out: () => {}, err: (text) => void (err += text), isTTY: false });
      expect(code).toBe(0);
      expect(err).toMatch(/templates\/email\.mjml\.hbs.*every email is rendered through MJML.*inline CSS/s);
    });
  });

  it('gives no warning for the bundled template', async () => {
    expect(await emailWarnings(EXAMPLE_ROOT)).toEqual([]);
  });


  it('refuses templates whose parts outside the slots read the issue, or whose markers are not alone in <mj-raw>', () => {
    const body = (inside: string) => `<mjml><mj-body><mj-section><mj-column>${inside}</mj-column></mj-section></mj-body></mjml>`;
    expect(splitTemplate(body('<mj-raw>{{#each issue.items}}</mj-raw><mj-text>{{headline}}</mj-text><mj-raw>{{/each}}</mj-raw>'))).toBeDefined();
    expect(splitTemplate(body('<mj-raw>{{#each issue.items}} x</mj-raw><mj-text>a</mj-text><mj-raw>{{/each}}</mj-raw>'))).toBeUndefined();
    expect(splitTemplate(body('<mj-raw>{{#each issue.items}}</mj-raw><mj-image src="{{url}}" /><mj-raw>{{/each}}</mj-raw>'))).toBeUndefined();
    expect(splitTemplate(body('<mj-raw>{{#each issue.items}}</mj-raw><mj-text>a</mj-text>'))).toBeUndefined();
  });
});
