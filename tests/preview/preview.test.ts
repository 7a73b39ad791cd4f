import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../src/site/preview/index.js';
import { draftItem as firstItem } from '../helpers/sample-publication.js';
import type { StreamEvent } from './event-stream.js';
import { previewEachTest } from './preview-each-test.js';

const running = previewEachTest();

async function text(url: string): Promise<string> {
  const response = await fetch(new URL(url, running.preview.url));
  return response.text();
}

const reload = (event: { event: string }) => event.event === 'reload';
const failedBuild = (event: StreamEvent) => reload(event) && (event.data as { ok: boolean }).ok === false;

/** The text at `url` once it satisfies `accept`, checked after each rebuild (an edit may cause one or two). */
async function servedAfterRebuild(url: string, accept: (served: string) => boolean): Promise<string> {
  let served = '';
  for (let rebuilds = 0; rebuilds < 3; rebuilds++) {
    await running.stream.next(reload);
    served = await text(url);
    if (accept(served)) break;
  }
  return served;
}

describe('monitor preview', () => {
  it('serves a proofing page per issue: web page, email at 600 and 375 px, and the plain text', async () => {
    expect(running.preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(running.preview.issueUrl).toBe(`${running.preview.url}__preview/3`);
    const page = await text('/__preview/3');
    expect(page).toContain('<iframe title="Web page" src="/issues/3/"');
    expect(page).toMatch(/src="\/issues\/3\/email\.html" class="email" style="width:600px"/);
    expect(page).toMatch(/src="\/issues\/3\/email\.html" class="email" style="width:375px"/);
    expect(page).toContain('<pre class="text">');
    expect(page).toContain('DUMA &amp; REGIONS ARGUE OVER THE BUDGET');
    expect(page).toContain('new EventSource("/__preview/events")');
    const web = await text('/issues/3/');
    expect(web).toContain('DUMA &amp; REGIONS ARGUE OVER THE BUDGET');
    expect(web).toContain('new EventSource("/__preview/events")');
    expect(web).not.toContain('https://monitor.test/issues/3/');
    expect(await text('/issues/3/email.txt')).toContain('Государственная Дума & regional');
  });

  it('rebuilds when an item changes, pushes a reload, and serves the new text within a second', async () => {
    const edited = Date.now();
    await writeFile(running.publication.firstItem, firstItem('Governors win a budget reprieve'));
    const event = await running.stream.next(reload);
    expect(event.data).toMatchObject({ ok: true, problems: [] });
    let page = '';
    while (!page.includes('GOVERNORS WIN A BUDGET REPRIEVE') && Date.now() - edited < 1000) page = await text('/issues/3/');
    expect(page).toContain('GOVERNORS WIN A BUDGET REPRIEVE');
    expect(await text('/__preview/3')).toContain('GOVERNORS WIN A BUDGET REPRIEVE');
  });

  it('shows a broken edit with file, line and message, keeps the last good render, and recovers', async () => {
    await writeFile(running.publication.firstItem, firstItem('A headline that never renders').replace('date: 2020-01-17', 'date: 2020-13-17'));
    const failed = await running.stream.next(failedBuild);
    const problems = (failed.data as { ok: boolean; problems: Array<{ file: string; line: number; message: string }> });
    expect(problems.ok).toBe(false);
    expect(problems.problems).toEqual([expect.objectContaining({ file: 'issues/3/01-budget-dispute.md', line: 7 })]);
    const page = await text('/__preview/3');
    expect(page).toContain('the preview shows the last good build');
    expect(page).toContain('<code>issues/3/01-budget-dispute.md:7');
    expect(page).toContain(problems.problems[0]!.message.replace(/"/g, '&quot;'));
    expect(page).toContain('DUMA &amp; REGIONS ARGUE OVER THE BUDGET');
    const web = await text('/issues/3/');
    expect(web).toContain('DUMA &amp; REGIONS ARGUE OVER THE BUDGET');
    expect(web).toContain('issues/3/01-budget-dispute.md:7');
    await writeFile(running.publication.firstItem, firstItem('A corrected headline'));
    const fixed = await servedAfterRebuild('/__preview/3', (page) => page.includes('A CORRECTED HEADLINE'));
    expect(fixed).toContain('A CORRECTED HEADLINE');
    expect(fixed).not.toContain('the preview shows the last good build');
  });

  it('rebuilds when the config or feeds/sources.yaml change', async () => {
    const config = path.join(running.publication.root, 'monitor.config.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('title: Test Reform Monitor', 'title: Tundra Reform Monitor'));
    expect(await servedAfterRebuild('/issues/3/', (page) => page.includes('Tundra'))).toContain('Tundra Reform Monitor No. 3');
    const sources = path.join(running.publication.root, 'feeds', 'sources.yaml');
    await writeFile(sources, (await readFile(sources, 'utf8')).replace('- name: Kommersant\n', '- name: Kommersant\n  style: wire\n'));
    expect(await servedAfterRebuild('/issues/3/email.txt', (served) => !served.includes('*Kommersant*'))).toContain('(Kommersant, January 17, 2020)');
  });

  it('picks up a templates/ folder created while it runs', async () => {
    await mkdir(path.join(running.publication.root, 'templates'));
    await writeFile(path.join(running.publication.root, 'templates', 'text.hbs'), 'Proof copy of {{issue.title}}\n');
    // creating the folder and writing the file may be one rebuild or two
    const expected = 'Proof copy of Test Reform Monitor No. 3\n';
    const served = await servedAfterRebuild('/issues/3/email.txt', (text) => text === expected);
    expect(served).toBe(expected);
  });

  it("uses the publication's templates/preview/ overrides, and monitor's own where an override fails", async () => {
    const own = path.join(running.publication.root, 'templates', 'preview');
    await mkdir(own, { recursive: true });
    await writeFile(path.join(own, 'index.hbs'), '<p>Our own proof desk: {{> issue-links}}</p>{{> reload-script reload}}');
    await writeFile(path.join(own, 'issue.hbs'), '{{> no-such-partial}}');
    expect(await servedAfterRebuild('/__preview/', (page) => page.includes('Our own proof desk'))).toContain('Our own proof desk: <a href="/__preview/3">3</a>');
    const issuePage = await text('/__preview/3');
    expect(issuePage).toContain('<iframe title="Web page" src="/issues/3/"');
    await writeFile(path.join(own, 'index.hbs'), '{{#if}}');
    const failed = await running.stream.next(failedBuild);
    expect(JSON.stringify(failed.data)).toContain('templates/preview/index.hbs');
    const index = await text('/__preview/');
    expect(index).toContain('<h1>Preview</h1>');
    expect(index).toContain('templates/preview/index.hbs:1: the template failed');
  });

  it('serves nothing outside the build, and redirects folders to their trailing slash', async () => {
    const escape = await fetch(`${running.preview.url}..%2f..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(404);
    const folder = await fetch(`${running.preview.url}issues/3`, { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/issues/3/');
  });

  it('close() ends the event streams, stops the server and removes its output', async () => {
    const status = await (await fetch(`${running.preview.url}__preview/status`)).json() as { issues: number[] };
    expect(status.issues).toEqual([3, 2, 1]);
    expect(await exists(path.join(running.preview.out, 'issues/3/index.html'))).toBe(true);
    await running.preview.close();
    await running.stream.ended;
    await expect(fetch(running.preview.url)).rejects.toThrow();
    expect(await exists(running.preview.out)).toBe(false);
  });

  it('says when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    await expect(startPreview({ root: running.publication.root, port })).rejects.toThrow(`port ${port} on 127.0.0.1 is in use; pass another with --port`);
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  });
});

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
