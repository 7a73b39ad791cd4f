import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columns } from '../../src/render/wrap.js';
import { EXAMPLE_ROOT, removeFixture, renderPublication, writeFixture, type Rendered } from './fixture.js';

/** Lines longer than 78 columns that are not a single unbreakable word (a URL). */
function overlongLines(text: string): string[] {
  return text.split('\n').filter((line) => columns(line) > 78 && /\s/.test(line.trim()) && !/^\S*https?:\/\/\S+$/.test(line.trim().split(/\s+/).pop() ?? ''));
}

const EXPECTED_ISSUE_2 = `Test Reform Monitor No. 2
January 13, 2020
Margot Example and Ben Sample

Related Categories: Democracy and Governance; Economic Sanctions; China;
North Korea

== Politics and Governance ==

GOVERNORS RESHUFFLED

A paragraph about what happened, written for the tests. (*The Moscow
Times*, January 3, 2020)

AT&T <SCRIPT>ALERT(1)</SCRIPT>

Plain words, then inline and an image here.

A bad link, a relative link [1] and an about page [2]. (Reuters, January
2, 2020)

== Security and Foreign Policy ==

MOSCOW BACKS BREATHING ROOM FOR PYONGYANG

Russia and China put forward a draft resolution that would ease some of
the sanctions on North Korea, arguing that relief would *encourage*
talks. See the full text [3].

Western members of the Council were unconvinced and said pressure should
stay until there is progress on disarmament, which the draft does not
require. (*The Moscow Times*, December 17, 2019; Reuters, December 29,
2019)

Links
[1] https://monitor.test/monitor/issues/1/
[2] https://monitor.test/about
[3] https://un.example.org/draft-resolution-text

--
© 2020 Test Policy Council
Read on the web: https://monitor.test/monitor/issues/2/
Unsubscribe: https://monitor.test/unsubscribe?list=weekly
`;

describe('plain text of the fixture publication', () => {
  let root: string;
  let rendered: Rendered;

  beforeAll(async () => {
    root = await writeFixture();
    rendered = await renderPublication(root);
  });
  afterAll(() => removeFixture(root));

  it('reads like the newsletter: header, sections, capital headlines, citations, links, footer', () => {
    expect(rendered.renderer.text(rendered.issue(2))).toBe(EXPECTED_ISSUE_2);
  });

  it('closes each item with its exact citation, periodicals marked with asterisks', () => {
    const text = rendered.renderer.text(rendered.issue(2)).replace(/\s*\n\s*/g, ' ');
    expect(text).toContain('does not require. (*The Moscow Times*, December 17, 2019; Reuters, December 29, 2019)');
    expect(text).toContain('(Reuters, January 2, 2020)');
  });

  it('keeps hostile markup out: no script content, no javascript: link', () => {
    const text = rendered.renderer.text(rendered.issue(2));
    for (const hidden of ['alert(2)', 'alert(3)', 'alert(4)', 'alert(5)', 'alert(6)', 'javascript:', 'display: none', 'evil.example']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('puts the citation in a paragraph of its own when the body ends with a list', async () => {
    const listed = await writeFixture({
      'issues/1/01-first.md': '---\nheadline: Three measures\nsources: [{ publication: The Moscow Times, date: 2020-01-02 }]\n---\nThe decree:\n\n- raises fines;\n- widens the register.\n', 'issues/1/02-second.md': null,
    });
    try {
      const { renderer, issue } = await renderPublication(listed);
      expect(renderer.text(issue(1))).toContain('THREE MEASURES\n\nThe decree:\n\n- raises fines;\n- widens the register.\n\n(*The Moscow Times*, January 2, 2020)\n');
      expect(renderer.issuePage(issue(1), (await renderPublication(listed)).site).replace(/\s+/g, ' ')).toContain('</ul> <p><span class="citation">(<em>The Moscow Times</em>, January 2, 2020)</span></p>');
    } finally {
      await removeFixture(listed);
    }
  });

  it('omits the author line and categories when an issue has none', async () => {
    const bare = await writeFixture({ 'issues/1/01-first.md': '---\nheadline: Bare\nsources: [{ publication: Reuters, date: 2020-01-02 }]\n---\nJust this.\n', 'issues/1/02-second.md': null });
    try {
      const { renderer, issue } = await renderPublication(bare);
      expect(renderer.text(issue(1))).toMatch(/^Test Reform Monitor No\. 1\nJanuary 6, 2020\nAda Example\n\nBARE\n\nJust this\. \(Reuters, January 2, 2020\)\n\n--\n/);
    } finally {
      await removeFixture(bare);
    }
  });
});

describe('plain text of the example publication', () => {
  it('wraps every paragraph within 78 columns and matches the snapshot', async () => {
    const { renderer, site } = await renderPublication(EXAMPLE_ROOT);
    for (const issue of site.issues) {
      const text = renderer.text(issue);
      expect(overlongLines(text), `issue ${issue.number}`).toEqual([]);
      expect(text.split('\n')[0]).toBe(issue.title);
      expect(text).toContain(`\n${issue.dateText}\n`);
      for (const item of issue.items) {
        expect(text).toContain(`\n${item.headlineCaps.slice(0, 40)}`);
        expect(text.replace(/\s*\n\s*/g, ' ')).toContain(`(${item.citation.markdown})`);
      }
    }
    const newest = site.issues[0]!;
    await expect(renderer.text(newest)).toMatchFileSnapshot(`snapshots/example-${newest.number}.txt`);
  });
});
