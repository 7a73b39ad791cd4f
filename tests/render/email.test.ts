import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonitorError } from '../../src/core/errors.js';
import { EXAMPLE_ROOT, linkTargets, removeFixture, renderPublication, writeFixture, type Rendered } from './fixture.js';
import { executableParts, visibleText } from './html-text.js';

const GMAIL_CLIP_BYTES = 102 * 1024;

/** The email's markup without the inlined style attributes and with whitespace collapsed. */
function withoutStyles(html: string): string {
  return html.replace(/ style="[^"]*"/g, '').replace(/\s+/g, ' ');
}

describe('email HTML of the fixture publication', () => {
  let root: string;
  let rendered: Rendered;
  let html: string;

  beforeAll(async () => {
    root = await writeFixture();
    rendered = await renderPublication(root);
    html = await rendered.renderer.email(rendered.issue(2));
  });
  afterAll(() => removeFixture(root));

  it('shows the house-style header: title line, written-out date, authors, Related Categories', () => {
    const text = visibleText(html);
    expect(text).toContain('Test Reform Monitor No. 2 January 13, 2020 Margot Example and Ben Sample');
    expect(text).toContain('Related Categories: Democracy and Governance; Economic Sanctions; China; North Korea');
  });

  it('sets lang, title, preheader and a colour scheme that survives dark mode', () => {
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toContain('<title>Test Reform Monitor No. 2</title>');
    expect(html).toMatch(/<div style="display:none;[^"]*">Russia and China seek sanctions relief for Pyongyang/);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
  });

  it('prints headlines in capitals under their section headings, in config order', () => {
    const text = visibleText(html);
    const order = ['Politics and Governance', 'AT&T <SCRIPT>ALERT(1)</SCRIPT>', 'Security and Foreign Policy', 'MOSCOW BACKS BREATHING ROOM FOR PYONGYANG'];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('closes the last paragraph with the citation: periodicals in <em>, wire services roman', () => {
    expect(withoutStyles(html)).toContain(
      'progress on disarmament, which the draft does not require. <span class="citation">(<a href="https://www.themoscowtimes.com/2019/12/17/story"><em>The Moscow Times</em></a>, December 17, 2019; Reuters, December 29, 2019)</span></p>',
    );
  });

  it('ends with the footer: copyright year, web version and unsubscribe links', () => {
    const text = visibleText(html);
    expect(text).toContain('© 2020 Test Policy Council Web version · Archive · Unsubscribe');
    expect(withoutStyles(html)).toContain('<a href="https://monitor.test/monitor/issues/2/">Web version</a>');
    expect(withoutStyles(html)).toContain('<a href="https://monitor.test/unsubscribe?list&#x3D;weekly">Unsubscribe</a>');
  });

  it('makes every link absolute and loads no external CSS, fonts or scripts', () => {
    const targets = linkTargets(html);
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((target) => !/^(https:\/\/|mailto:)/.test(target))).toEqual([]);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/@import/);
    expect(html).toContain('href="https://monitor.test/monitor/issues/1/"');
    expect(html).toContain('href="https://monitor.test/about"');
  });

  it('escapes a hostile headline and strips scripts, handlers and javascript: links from the body', () => {
    expect(html).toContain('AT&amp;T &lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;');
    expect(executableParts(html)).toEqual([]);
    expect(html).not.toContain('alert(');
    expect(visibleText(html)).toContain('A bad link, a relative link and an about page.');
  });

  it('omits the unsubscribe link when none is configured', async () => {
    const plain = await writeFixture({
      'monitor.config.yaml': [
        'title: Plain',
        'publisher: P',
        'baseUrl: https://p.example.org/',
        'email: { from: p@example.org }',
        'sections: [{ id: politics, title: Politics }, { id: security, title: Security }]',
        'categories: [Democracy and Governance, Economic Sanctions, China, North Korea, Russia]',
        '',
      ].join('\n'),
    });
    try {
      const { renderer, site } = await renderPublication(plain);
      const email = await renderer.email(site.issues[0]!);
      expect(email).not.toContain('Unsubscribe');
      expect(visibleText(email)).toContain('© 2020 P');
    } finally {
      await removeFixture(plain);
    }
  });

  it('reports invalid MJML from an overridden template as our error, naming the template', async () => {
    const broken = await writeFixture({ 'templates/email.mjml.hbs': '<mjml><mj-body><mj-column><mj-text>{{issue.title}}</mj-text></mj-column></mj-body></mjml>\n' });
    try {
      const { renderer, issue } = await renderPublication(broken);
      const failure = await renderer.email(issue(2)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(MonitorError);
      expect((failure as MonitorError).message).toContain('templates/email.mjml.hbs');
      expect((failure as MonitorError).message).toContain('mj-column');
    } finally {
      await removeFixture(broken);
    }
  });
});

describe('email HTML of the example publication', () => {
  it('stays far below Gmail\'s 102 KB clipping limit and matches the snapshot', async () => {
    const { renderer, site } = await renderPublication(EXAMPLE_ROOT);
    expect(site.issues.length).toBeGreaterThan(0);
    for (const issue of site.issues) {
      const html = await renderer.email(issue);
      const bytes = Buffer.byteLength(html);
      expect(bytes, `issue ${issue.number}: ${bytes} bytes`).toBeLessThan(GMAIL_CLIP_BYTES / 2);
      expect(linkTargets(html).filter((target) => !/^(https:\/\/|mailto:)/.test(target))).toEqual([]);
    }
    const newest = site.issues[0]!;
    await expect(await renderer.email(newest)).toMatchFileSnapshot(`snapshots/example-${newest.number}.email.html`);
  });
});
