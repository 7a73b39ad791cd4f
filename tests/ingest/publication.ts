import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CONFIG = `title: Russia Reform Monitor
publisher: Test Council
baseUrl: https://monitor.example.org/
email:
  from: "Monitor <monitor@example.org>"
categories:
  - Democracy and Governance
  - name: Economic Sanctions
    terms: [sanctions, санкци*]
  - name: Human Rights and Humanitarian Issues
    terms: [human rights, foreign agents]
  - name: North Korea
    terms: [Pyongyang]
  - Russia
`;

/**
 * Write a publication folder with the given feeds (name -> URL) and one draft issue; returns its path. The
 * feeds are served on 127.0.0.1, so each source sets `allowPrivate: true` unless `allowPrivate` is false.
 */
export async function writePublication(feeds: Record<string, string>, options: { citedUrl?: string; allowPrivate?: boolean } = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'monitor-ingest-'));
  await mkdir(path.join(root, 'feeds'));
  await mkdir(path.join(root, 'issues', '1'), { recursive: true });
  await writeFile(path.join(root, 'monitor.config.yaml'), CONFIG);
  const allow = options.allowPrivate === false ? '' : '  allowPrivate: true\n';
  const sources = Object.entries(feeds).map(([name, url]) => `- name: ${name}\n  feed: ${url}\n${allow}`).join('');
  await writeFile(path.join(root, 'feeds', 'sources.yaml'), `${sources}- name: Reuters\n  style: wire\n`);
  await writeFile(path.join(root, 'issues', '1', 'issue.md'), '---\nnumber: 1\ndate: 2024-03-08\nauthor: Test Editor\nstatus: draft\n---\n');
  const cited = options.citedUrl ? `    url: ${options.citedUrl}\n` : '';
  await writeFile(
    path.join(root, 'issues', '1', '01-earlier-story.md'),
    `---\nheadline: An earlier story\nsources:\n  - publication: Reuters\n    date: 2024-03-01\n${cited}---\nAlready written up.\n`,
  );
  return root;
}

/** writePublication with each feed given as a route of a test feed server at `base`, such as `/ledger.xml`. */
export function writeServedPublication(base: string, routes: Record<string, string>): Promise<string> {
  return writePublication(Object.fromEntries(Object.entries(routes).map(([name, route]) => [name, `${base}${route}`])));
}
