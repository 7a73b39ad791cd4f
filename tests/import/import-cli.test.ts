import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePublication } from '../helpers/sample-publication.js';
import { hashTree } from '../site/site-fixtures.js';

/** An issue in the house style, written for these tests: title, byline on one line, two items. */
function houseStyleIssue(number: number, changes: { date?: string; citation?: string; category?: string } = {}): string {
  return `Test Reform Monitor No. ${number}

${changes.date ?? 'January 13, 2020'} Margot van Loon and Ilan Berman

Related Categories: ${changes.category ?? 'Economic Sanctions'}; China; North Korea

NO BREAKTHROUGH AFTER THE FOREIGN MINISTER'S VISIT

The talks in Pyongyang ended without a joint statement, and officials of
both sides described them only as "useful". (*The Moscow Times*, December 15, 2019)

MOSCOW BACKS BREATHING ROOM FOR PYONGYANG

Russia and China circulated a draft resolution at the UN Security Council
that would ease some sanctions on North Korea.

Diplomats said the draft has little chance of adoption. ${changes.citation ?? '(*The Moscow Times*, December 17, 2019; Reuters, December 29, 2019)'}
`;
}

async function inputsFolder(files: Record<string, string | Buffer>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'monitor-import-inputs-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  return folder;
}

describe('monitor import', () => {
  it('writes the issue and one item per headline, with structured sources, and validates', async () => {
    const root = await writePublication();
    const inputs = await inputsFolder({ '2359.txt': houseStyleIssue(2359) });
    const { code, stdout } = await runCli(['import', path.join(inputs, '2359.txt')], root);
    expect(code).toBe(0);
    expect(stdout).toMatch(/imported issues\/2359\/ \(2 items\)/);
    expect((await readdir(path.join(root, 'issues/2359'))).sort()).toEqual([
      '01-no-breakthrough-after-the-foreign-minister-s-visit.md', '02-moscow-backs-breathing-room-for-pyongyang.md', 'issue.md',
    ]);
    const issue = await readFile(path.join(root, 'issues/2359/issue.md'), 'utf8');
    expect(issue).toContain('number: 2359\ndate: 2020-01-13\nauthor:\n  - Margot van Loon\n  - Ilan Berman\nstatus: published\n');
    expect(issue).toContain('categories:\n  - Economic Sanctions\n  - China\n  - North Korea\n');
    const item = await readFile(path.join(root, 'issues/2359/02-moscow-backs-breathing-room-for-pyongyang.md'), 'utf8');
    expect(item).toContain('headline: Moscow backs breathing room for Pyongyang\n');
    expect(item).toContain('sources:\n  - publication: The Moscow Times\n    date: 2019-12-17\n  - publication: Reuters\n    date: 2019-12-29\n');
    expect(item.trimEnd().endsWith('Diplomats said the draft has little chance of adoption.')).toBe(true);
    expect((await runCli(['validate'], root)).code).toBe(0);
    const text = (await runCli(['render', '2359', '--format', 'text'], root)).stdout;
    expect(text).toContain('MOSCOW BACKS BREATHING ROOM FOR PYONGYANG');
    expect(text.replace(/\s+/g, ' ')).toContain('(*The Moscow Times*, December 17, 2019; Reuters, December 29, 2019)');
  });

  it('reports a missing citation, an impossible date and a number already in the archive with file and line, and writes the rest', async () => {
    const root = await writePublication();
    const inputs = await inputsFolder({
      'a-good.txt': houseStyleIssue(2359),
      'b-no-citation.txt': houseStyleIssue(2360, { citation: '' }),
      'c-bad-date.txt': houseStyleIssue(2361, { date: 'February 30, 2020' }),
      'd-taken.txt': houseStyleIssue(2),
      'e-twice.txt': houseStyleIssue(2359),
    });
    const before = await hashTree(path.join(root, 'issues/2'));
    const { code, stdout } = await runCli(['import', inputs], root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/a-good\.txt\s+2359\s+imported/);
    expect(stdout).toMatch(/b-no-citation\.txt:17\s+-\s+skipped: the item "MOSCOW BACKS BREATHING ROOM FOR PYONGYANG": no citation at the end of its last paragraph/);
    expect(stdout).toMatch(/c-bad-date\.txt:3\s+-\s+skipped: "February 30, 2020" is not a real date/);
    expect(stdout).toMatch(/d-taken\.txt:1\s+2\s+skipped: issue 2 is already in the archive/);
    expect(stdout).toMatch(/e-twice\.txt:1\s+2359\s+skipped: issue 2359 is already in the archive/);
    expect(stdout).toContain('1 issue imported, 4 skipped');
    expect((await readdir(path.join(root, 'issues'))).sort()).toEqual(['1', '2', '2359']);
    expect(await hashTree(path.join(root, 'issues/2'))).toEqual(before);
  });

  it('reports unknown categories and publications with the closest known name, and adds them with --add-missing', async () => {
    const root = await writePublication();
    const input = path.join(await inputsFolder({ 'x.txt': houseStyleIssue(2359, { category: 'Economic Sanction', citation: '(*The Moscow Time*, December 17, 2019; Radio Liberty, December 29, 2019)' }) }), 'x.txt');
    const refused = await runCli(['import', input], root);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('skipped: unknown category "Economic Sanction", publication "The Moscow Time", publication "Radio Liberty"');
    expect(refused.stderr).toContain('unknown category "Economic Sanction": the closest known is "Economic Sanctions"');
    expect(refused.stderr).toContain('unknown publication "The Moscow Time": the closest known is "The Moscow Times"');
    expect(refused.stderr).toContain('unknown publication "Radio Liberty": no known name is close');
    expect((await readdir(path.join(root, 'issues'))).sort()).toEqual(['1', '2']);

    const added = await runCli(['import', input, '--add-missing'], root);
    expect(added.code).toBe(0);
    expect(await readFile(path.join(root, 'monitor.config.yaml'), 'utf8')).toMatch(/- Russia\n\s*- Economic Sanction\n/);
    const sources = await readFile(path.join(root, 'feeds/sources.yaml'), 'utf8');
    expect(sources).toContain('- name: The Moscow Time\n  style: periodical\n');
    expect(sources).toContain('- name: Radio Liberty\n  style: wire\n');
    expect((await runCli(['validate'], root)).code).toBe(0);
  });

  it('prints what it would write with --dry-run, and writes nothing', async () => {
    const root = await writePublication();
    const input = path.join(await inputsFolder({ '2359.md': houseStyleIssue(2359) }), '2359.md');
    const before = await hashTree(root);
    const { code, stdout } = await runCli(['import', input, '--dry-run'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('==> issues/2359/issue.md <==');
    expect(stdout).toContain('headline: No breakthrough after the foreign minister\'s visit');
    expect(stdout).toContain('1 issue would be imported, 0 skipped');
    expect(await hashTree(root)).toEqual(before);
  });

  it('reads a saved web page, leaving the site\'s navigation out and keeping links', async () => {
    const root = await writePublication();
    const page = `<!doctype html><html><head><title>No. 2400</title><script>var x = 1;</script></head><body>
<nav><a href="/">Home</a> NEWS ARCHIVE</nav>
<header><p>SUBSCRIBE TODAY</p></header>
<article>
<h1>Test Reform Monitor No. 2400</h1>
<p><time>March 2, 2020</time><br>Ann Example</p>
<p>Related Categories: Russia</p>
<h3><strong>GOVERNORS RESHUFFLED</strong></h3>
<p>The president replaced three governors, according to a <a href="https://example.org/decree">decree</a> published on Monday.
Officials called it *routine*. (<a href="https://www.themoscowtimes.com/a/1"><em>The Moscow Times</em></a>, February 28, 2020; Interfax, March 1, 2020)</p>
</article>
<footer>© Somebody. ALL RIGHTS RESERVED</footer>
</body></html>`;
    const input = path.join(await inputsFolder({ 'page.html': page }), 'page.html');
    const { code } = await runCli(['import', input], root);
    expect(code).toBe(0);
    const [itemName] = (await readdir(path.join(root, 'issues/2400'))).filter((name) => name !== 'issue.md');
    const item = await readFile(path.join(root, 'issues/2400', itemName!), 'utf8');
    expect(item).toContain('headline: Governors reshuffled\n');
    expect(item).toContain('  - publication: The Moscow Times\n    date: 2020-02-28\n    url: https://www.themoscowtimes.com/a/1\n');
    expect(item).toContain('according to a [decree](https://example.org/decree) published on Monday. Officials called it \\*routine\\*.');
    expect(item).not.toMatch(/SUBSCRIBE|Home|var x/);
  });

  it('keeps a saved page\'s text as text: no list, quote, entity, link or terminal escape comes alive', async () => {
    const root = await writePublication();
    const page = `<article><h1>Test Reform Monitor No. 2401</h1><p>March 2, 2020 Ann Example</p>
<h2>AT&amp;T LEAVES \x1b]0;PWNED\x07 THE MARKET</h2>
<p>1991. That year &amp;copy; was written, and &gt; this is no quote.</p>
<p>See https://phish.example/login and ![x](https://tracker.example/p.gif). (Interfax, March 1, 2020)</p></article>`;
    const input = path.join(await inputsFolder({ 'page.html': page }), 'page.html');
    const { code } = await runCli(['import', input], root);
    expect(code).toBe(0);
    const html = (await runCli(['render', '2401', '--format', 'web'], root)).stdout;
    const body = html.slice(html.indexOf('class="item"'));
    expect(body).toContain('1991. That year &amp;copy; was written, and &gt; this is no quote.');
    expect(body).not.toMatch(/<ol|<blockquote|href="https:\/\/phish|<img/);
    expect(body).toContain('AT&amp;T LEAVES');
  });

  it('prints no terminal control character that an input holds', async () => {
    const root = await writePublication();
    const evil = houseStyleIssue(2402, { category: 'Evil\x1b]0;PWNED\x07\x9b31m' });
    const input = path.join(await inputsFolder({ 'evil.txt': evil }), 'evil.txt');
    const { code, stdout, stderr } = await runCli(['import', input], root);
    expect(code).toBe(1);
    expect(stderr).toContain('unknown category "Evil]0"');
    expect(stderr).toContain('unknown category "PWNED31m"');
    expect(stdout + stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('refuses a file that is not UTF-8, naming its line', async () => {
    const root = await writePublication();
    const latin1 = Buffer.from(houseStyleIssue(2359).replace('useful', 'caf\u00e9'), 'latin1');
    const input = path.join(await inputsFolder({ 'old.txt': latin1 }), 'old.txt');
    const { code, stdout } = await runCli(['import', input], root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/old\.txt:10\s+-\s+skipped: the file is not UTF-8 text/);
    expect((await readdir(path.join(root, 'issues'))).sort()).toEqual(['1', '2']);
  });
});
