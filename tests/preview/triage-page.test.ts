import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/site/preview/index.js';
import { writePublication } from '../helpers/sample-publication.js';

let root: string;
let preview: Preview;

const candidate = (headline: string, sources: string[], summary: string) =>
  `---\nheadline: ${JSON.stringify(headline)}\nsources:\n${sources.join('')}outlets: ${sources.length}\nstatus: candidate\n---\n${summary}\n`;
const source = (publication: string, date: string, url: string) => `  - publication: ${publication}\n    date: ${date}\n    url: ${url}\n`;

beforeAll(async () => {
  root = await writePublication();
  const folder = path.join(root, 'issues', 'candidates');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, '2024-03-06-single.md'), candidate('Rate held at 16%', [source('Reuters', '2024-03-06', 'https://wire.example/rate')], 'The bank held its rate.'));
  await writeFile(path.join(folder, '2024-03-04-relief.md'), candidate('Relief for <b>Pyongyang</b>', [
    source('The Moscow Times', '2024-03-04', 'https://mt.example/relief'), source('Reuters', '2024-03-05', 'https://wire.example/relief'),
  ], 'Russia & China <script>x()</script> asked the Council.'));
  await writeFile(path.join(folder, '2024-03-08-newer-single.md'), candidate('Package adopted', [source('Reuters', '2024-03-08', 'https://wire.example/package')], 'A package.'));
  preview = await startPreview({ root: root, port: 0 });
});
afterAll(async () => {
  await preview.close();
});

async function page(): Promise<string> {
  return (await fetch(new URL('/candidates/', preview.url))).text();
}

describe('the triage view of monitor preview', () => {
  it('lists the candidates as stories, most reported first, then newest, with sources, summaries and the accept command', async () => {
    const html = await page();
    const order = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((match) => match[1]);
    expect(order).toEqual(['Relief for &lt;b&gt;Pyongyang&lt;/b&gt;', 'Package adopted', 'Rate held at 16%']);
    expect(html).toContain('2 outlets · March 4, 2024');
    expect(html).toContain('<li><a href="https://mt.example/relief" rel="noreferrer noopener">The Moscow Times</a>, March 4, 2024</li><li><a href="https://wire.example/relief" rel="noreferrer noopener">Reuters</a>, March 5, 2024</li>');
    expect(html).toContain('Russia &amp; China &lt;script&gt;x()&lt;/script&gt; asked the Council.');
    expect(html).toContain('<code>monitor accept 2024-03-04-relief.md</code>');
    expect(html).not.toContain('<script>x()');
  });

  it('drops a candidate accepted or deleted on disk at the next reload', async () => {
    await rm(path.join(root, 'issues', 'candidates', '2024-03-04-relief.md'));
    const html = await page();
    expect(html).not.toContain('Pyongyang');
    expect(html).toContain('Package adopted');
  });
});
