import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/site/preview/index.js';
import { writePublication } from '../helpers/sample-publication.js';

let root: string;
let preview: Preview;

beforeAll(async () => {
  root = await writePublication();
  const config = path.join(root, 'monitor.config.yaml');
  await writeFile(config, (await readFile(config, 'utf8')).replace('  - Economic Sanctions\n', '  - Economic Sanctions\n  - Human Rights\n'));
  await mkdir(path.join(root, 'issues', '8'));
  await writeFile(path.join(root, 'issues', '8', 'issue.md'), '---\nnumber: 8\ndate: 2024-03-11\nauthor: Vera Testova\nstatus: draft\n---\n');
  await writeFile(path.join(root, 'issues', '8', '01-court-ruling.md'),
    '---\nheadline: A court rules on detained reporters\ncategories: [Economic Sanctions, Human Rights]\nsources:\n  - publication: Interfax\n    date: 2024-03-09\n---\nA draft paragraph of our own.\n');
  preview = await startPreview({ root: root, port: 0 });
});
afterAll(async () => {
  await preview.close();
});

describe('monitor preview of a draft issue', () => {
  it("links the draft's categories to pages that exist and list the draft's items", async () => {
    const page = await (await fetch(`${preview.url}issues/8/`)).text();
    const links = [...page.matchAll(/href="([^"]*categories\/[^"]+)"/g)].map((match) => new URL(match[1]!, `${preview.url}issues/8/`).href);
    expect(links.map((link) => new URL(link).pathname)).toEqual(['/categories/economic-sanctions/', '/categories/human-rights/']);
    for (const link of links) {
      const response = await fetch(link);
      expect(response.status, link).toBe(200);
      expect((await response.text()).toLowerCase(), link).toContain('a court rules on detained reporters');
    }
  });

  it('keeps the draft out of the feeds, the site\'s and its categories\'', async () => {
    for (const feed of ['feed.xml', 'atom.xml', 'feed.json', 'categories/economic-sanctions/feed.xml']) {
      const response = await fetch(`${preview.url}${feed}`);
      expect(response.status, feed).toBe(200);
      expect((await response.text()).toLowerCase(), feed).not.toContain('a court rules on detained reporters');
    }
  });
});
