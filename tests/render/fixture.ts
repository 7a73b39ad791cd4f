import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeSite } from '../../src/compose/index.js';
import type { ComposedIssue, ComposedSite } from '../../src/compose/types.js';
import { loadPublication } from '../../src/content/index.js';
import { createRenderer, readTemplates, type Renderer } from '../../src/render/index.js';

/** The repository root, which doubles as the example publication (issues 101-104). */
export const EXAMPLE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const HOSTILE_HEADLINE = 'AT&T <script>alert(1)</script>';

/** A body that tries every trick the sanitiser must stop, plus links it must make absolute. */
export const HOSTILE_BODY = [
  'Plain words, then <script>alert(2)</script> inline and an image <img src="x.png" onerror="alert(3)"> here.',
  '',
  '<script>alert(4)</script>',
  '',
  '<iframe src="https://evil.example/"></iframe><style>body { display: none }</style>',
  '',
  'A [bad link](javascript:alert(5)), a [relative link](../1/) and <a href="/about" onclick="alert(6)">an about page</a>.',
].join('\n');

/** A small publication of our own: two issues, sections, a wire service, a hostile item. */
const FILES: Record<string, string> = {
  'monitor.config.yaml': [
    'title: Test Reform Monitor',
    'publisher: Test Policy Council',
    'baseUrl: https://news.example.org/monitor/',
    'language: en',
    'description: A fixture publication for the render tests.',
    'copyright: "© {year} Test Policy Council"',
    'email:',
    '  from: "Test Reform Monitor <monitor@example.org>"',
    '  unsubscribeUrl: https://news.example.org/unsubscribe',
    'sections:',
    '  - { id: politics, title: Politics and Governance }',
    '  - { id: security, title: Security and Foreign Policy }',
    'categories: [Democracy and Governance, Economic Sanctions, China, North Korea, Russia]',
    '',
  ].join('\n'),
  'feeds/sources.yaml': [
    '- name: The Moscow Times',
    '  style: periodical',
    '- name: Reuters',
    '  style: wire',
    '',
  ].join('\n'),
  'issues/1/issue.md': '---\nnumber: 1\ndate: 2020-01-06\nauthor: Ann Example\nstatus: published\n---\n',
  'issues/1/01-first-story.md': item('A first story', 'politics', '[Russia]', 'One paragraph about the first week.'),
  'issues/2/issue.md': [
    '---',
    'number: 2',
    'date: 2020-01-13',
    'author: [Margot Example, Ben Sample]',
    'status: published',
    'preheader: Russia and China seek sanctions relief for Pyongyang',
    '---',
    '',
  ].join('\n'),
  'issues/2/01-breathing-room.md': [
    '---',
    'headline: Moscow backs breathing room for Pyongyang',
    'section: security',
    'categories: [Economic Sanctions, North Korea, China]',
    'sources:',
    '  - publication: The Moscow Times',
    '    date: 2019-12-17',
    '    url: https://www.themoscowtimes.com/2019/12/17/story',
    '  - publication: Reuters',
    '    date: 2019-12-29',
    '---',
    'Russia and China put forward a draft resolution that would ease some of the sanctions on North Korea,',
    'arguing that relief would *encourage* talks. See the [full text](https://un.example.org/draft-resolution-text).',
    '',
    'Western members of the Council were unconvinced and said pressure should stay until there is progress on',
    'disarmament, which the draft does not require.',
    '',
  ].join('\n'),
  'issues/2/02-hostile.md': item(HOSTILE_HEADLINE, 'politics', '[Democracy and Governance]', HOSTILE_BODY),
};

function item(headline: string, section: string, categories: string, body: string): string {
  return [
    '---',
    `headline: ${JSON.stringify(headline)}`,
    `section: ${section}`,
    `categories: ${categories}`,
    'sources:',
    '  - publication: Reuters',
    '    date: 2020-01-02',
    '---',
    body,
    '',
  ].join('\n');
}

/** Write the fixture publication into a fresh temporary folder; `extra` adds or replaces files. */
export async function writeFixture(extra: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'monitor-render-'));
  for (const [name, text] of Object.entries({ ...FILES, ...extra })) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

export async function removeFixture(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

export interface Rendered {
  site: ComposedSite;
  renderer: Renderer;
  issue(number: number): ComposedIssue;
}

/** Load, compose (drafts included) and build a renderer for a publication folder. */
export async function renderPublication(root: string): Promise<Rendered> {
  const { publication } = await loadPublication(root);
  const site = composeSite(publication, { drafts: true });
  const renderer = createRenderer(await readTemplates(root), { publication: site.publication });
  const issue = (number: number) => {
    const found = site.issues.find((candidate) => candidate.number === number);
    if (!found) throw new Error(`no issue ${number}`);
    return found;
  };
  return { site, renderer, issue };
}

/** Every href and src in HTML, for checking that links are absolute. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)].map((match) => match[1]!);
}
