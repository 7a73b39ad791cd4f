import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../helpers/sample-publication.js';
import { serve, startFeedServer, type FeedServer, type Route } from '../feed-server.js';
import { writePublication } from '../publication.js';
import { stableName } from '../../../src/ingest/candidate-names.js';
import { CORPUS, OUTLETS } from './corpus.js';
import { corpusFeed, corpusSources, feedRoute } from './corpus-feeds.js';

let server: FeedServer;
const roots: string[] = [];
/** Served in feed order, and at /reversed/ in the other order. */
const routes: Record<string, Route> = {};

beforeAll(async () => {
  server = await startFeedServer(routes);
  for (const outlet of OUTLETS) {
    routes[feedRoute(outlet)] = serve(corpusFeed(outlet, server.base));
    routes[`/reversed${feedRoute(outlet)}`] = serve(corpusFeed(outlet, server.base, CORPUS, true));
  }
  routes['/one-story/desk.xml'] = serve(corpusFeed('Policy Desk', server.base, CORPUS.filter((entry) => entry.story === 'agents-bill')));
});
afterAll(async () => {
  await server.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

async function publication(sources: string, options: { citedUrl?: string } = {}): Promise<string> {
  const root = await writePublication({}, options);
  roots.push(root);
  await writeFile(path.join(root, 'feeds', 'sources.yaml'), sources);
  return root;
}

async function candidateFiles(root: string): Promise<Record<string, string>> {
  const folder = path.join(root, 'issues', 'candidates');
  const names = (await readdir(folder).catch(() => [] as string[])).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(folder, name), 'utf8')] as const)));
}

const frontMatter = (text: string) => parse(text.split(/^---$/m)[1]!);

describe('monitor ingest drafts stories, not links', () => {
  it('drafts one candidate per story with every outlet in date order, ranks by outlets, and the accepted item validates and cites all', async () => {
    const root = await publication(corpusSources(server.base));
    const result = await runCli(['ingest', '--since', '2024-03-01'], root);
    expect(result.code).toBe(0);
    const files = await candidateFiles(root);
    const relief = Object.entries(files).filter(([, text]) => text.includes('/world/asia/dprk-sanctions-draft'));
    expect(relief).toHaveLength(1);
    const [name, text] = relief[0]!;
    const data = frontMatter(text);
    expect(data.sources.map((source: { publication: string; date: string }) => `${source.publication} ${source.date}`)).toEqual([
      'The Moscow Times 2024-03-04', 'Capital Ledger 2024-03-05', 'Reuters 2024-03-05',
    ]);
    expect(data.outlets).toBe(3);
    expect(data.headline).toBe('Russia and China ask Security Council to ease North Korea sanctions');
    expect(data.categories).toEqual(['Economic Sanctions', 'North Korea', 'Russia']);
    expect(name).toMatch(/^\d{2}-2024-03-04-russia-and-china-ask-security-council-to-ease-north-korea\.md$/);
    expect(Object.keys(files)).toHaveLength(new Set(CORPUS.map((entry) => entry.story)).size + 2);

    const stories = result.stdout.slice(result.stdout.indexOf('STORIES'));
    const counts = [...stories.matchAll(/^\s+(\d+) outlets?\s+(\S+)/gm)].map((match) => Number(match[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(4); // the key rate: three outlets in English, one in Russian

    expect((await runCli(['accept', name, '--issue', '1'], root)).code).toBe(0);
    expect((await runCli(['validate'], root)).code).toBe(0);
    const rendered = await runCli(['render', '1', '--format', 'text'], root);
    expect(rendered.stdout.replace(/\s+/g, ' ')).toContain('(*The Moscow Times*, March 4, 2024; *Capital Ledger*, March 5, 2024; Reuters, March 5, 2024)');
  });

  it('numbers the candidates so the folder lists them most reported first, then newest, as the summary does', async () => {
    const root = await publication(corpusSources(server.base));
    const result = await runCli(['ingest', '--since', '2024-03-01'], root);
    const files = await candidateFiles(root);
    const names = Object.keys(files);
    expect(names.map((name) => name.slice(0, 3))).toEqual(names.map((_, index) => `${String(index + 1).padStart(2, '0')}-`));
    const ranks = names.map((name) => {
      const data = frontMatter(files[name]!);
      return { outlets: data.outlets as number, date: (data.sources as { date: string }[]).map((source) => source.date).sort()[0]! };
    });
    for (let index = 1; index < ranks.length; index += 1) {
      const [before, after] = [ranks[index - 1]!, ranks[index]!];
      expect(before.outlets > after.outlets || (before.outlets === after.outlets && before.date >= after.date), `${names[index - 1]} before ${names[index]}`).toBe(true);
    }
    expect(ranks[0]!.outlets).toBe(4);
    expect(ranks.at(-1)!.outlets).toBe(1);
    const summaryOrder = [...result.stdout.matchAll(/-> issues\/candidates\/(\S+)/g)].map((match) => match[1]);
    expect(summaryOrder).toEqual(names);
  });

  it('gives the same files whatever the order of the feeds and of their entries', async () => {
    const first = await publication(corpusSources(server.base));
    const second = await publication(corpusSources(`${server.base}/reversed`, [...OUTLETS].reverse()).replaceAll(`${server.base}/reversed${''}`, `${server.base}/reversed`));
    await runCli(['ingest', '--since', '2024-03-01'], first);
    await runCli(['ingest', '--since', '2024-03-01'], second);
    expect(await candidateFiles(second)).toEqual(await candidateFiles(first));
  });

  it('reports a story already in an issue as also reported; a new outlet\'s report of a drafted story grows its sources and changes nothing else', async () => {
    const withoutDesk = OUTLETS.filter((outlet) => outlet !== 'Policy Desk');
    const root = await publication(corpusSources(server.base, withoutDesk));
    await writeFile(path.join(root, 'issues', '1', '01-earlier-story.md'), `---
headline: Central bank holds the line at 16%
sources:
  - publication: Reuters
    date: 2024-03-06
    url: ${server.base}/markets/cbr-holds-16
---
The Bank of Russia kept its key rate at 16% as inflation slowed; Elvira Nabiullina said cuts could come in the second half of the year.
`);
    const first = await runCli(['ingest', '--since', '2024-03-01'], root);
    expect(first.stdout).toMatch(/also reported by The Moscow Times; Вестник Примера: already in issue 1 \(issues\/1\/01-earlier-story\.md\); skipped/);
    const before = await candidateFiles(root);
    const [billName, billText] = Object.entries(before).find(([, text]) => text.includes('/news/duma-foreign-agents'))!;
    const edited = `${billText.replace('---\n', '---\n# checked with the Duma record\n')}\nThe editor's own note on the vote.\n`;
    await writeFile(path.join(root, 'issues', 'candidates', billName), edited);
    await writeFile(path.join(root, 'feeds', 'sources.yaml'), `${corpusSources(server.base, withoutDesk)}- name: Policy Desk\n  feed: ${server.base}/one-story/desk.xml\n  allowPrivate: true\n`);

    const second = await runCli(['ingest', '--since', '2024-03-01'], root);
    expect(second.code, second.stdout).toBe(0);
    const after = await candidateFiles(root);
    // Four outlets now: the bill's candidate moves up the folder, under a new number.
    const grownName = Object.keys(after).find((name) => stableName(name) === stableName(billName))!;
    expect(grownName).not.toBe(billName);
    const grown = after[grownName]!;
    expect(grown.startsWith('---\n# checked with the Duma record\n')).toBe(true);
    expect(grown.slice(grown.indexOf('\n---\n'))).toBe(edited.slice(edited.indexOf('\n---\n')));
    expect(frontMatter(grown).sources.map((source: { publication: string }) => source.publication)).toEqual(['Capital Ledger', 'The Moscow Times', 'Вестник Примера', 'Policy Desk']);
    expect(frontMatter(grown).outlets).toBe(4);
    expect(second.stdout).toMatch(new RegExp(`added Policy Desk to the sources of issues/candidates/${grownName}`));
    expect(second.stdout).toMatch(/1 candidate got new outlets/);
    const textsByStableName = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([name, text]) => [stableName(name), text]));
    expect(Object.keys(textsByStableName(after)).sort()).toEqual(Object.keys(textsByStableName(before)).sort());
    for (const [name, text] of Object.entries(textsByStableName(before))) if (name !== stableName(billName)) expect(textsByStableName(after)[name]).toBe(text);

    // The accept command printed by the first run still works, and so does the name without its number.
    const accepted = await runCli(['accept', billName, '--issue', '1'], root);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain(`issues/1/02-${stableName(billName).replace(/^\d{4}-\d{2}-\d{2}-/, '')}`);
    const otherName = Object.keys(after).find((name) => name !== grownName && stableName(name) < '2024-03-08')!;
    const byStableName = await runCli(['accept', stableName(otherName).replace(/\.md$/, ''), '--issue', '1'], root);
    expect(byStableName.code, byStableName.stderr).toBe(0);
    expect(Object.keys(await candidateFiles(root))).not.toContain(otherName);
  });
});
