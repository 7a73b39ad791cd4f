import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { composeSite } from '../../src/compose/index.js';
import type { ComposedIssue, ComposedSite } from '../../src/compose/types.js';
import { loadPublication } from '../../src/content/index.js';
import { createRenderer, readTemplates, type Renderer } from '../../src/render/index.js';
import { CONFIG, issueFile, itemFile, writePublication, type PublicationFiles } from '../helpers/sample-publication.js';

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

/**
 * The render tests' special cases on top of the shared sample: the publication lives under a sub-path
 * (so links must be made absolute with it), issue 2 has two authors, a preheader, an item with emphasis and
 * an outside link, and a hostile item.
 */
function renderCases(): PublicationFiles {
  return {
    'monitor.config.yaml': CONFIG.replace('baseUrl: https://monitor.test/', `baseUrl: ${BASE_URL}`),
    'issues/2/issue.md': issueFile(2, '2020-01-13', 'preheader: Russia and China seek sanctions relief for Pyongyang\n')
      .replace('author: Ada Example', 'author: [Margot Example, Ben Sample]'),
    'issues/2/01-sanctions.md': itemFile('Moscow backs breathing room for Pyongyang', {
      section: 'security',
      categories: '[Economic Sanctions, North Korea, China]',
      sources: '  - publication: The Moscow Times\n    date: 2019-12-17\n    url: https://www.themoscowtimes.com/2019/12/17/story\n  - publication: Reuters\n    date: 2019-12-29\n',
      body: [
        'Russia and China put forward a draft resolution that would ease some of the sanctions on North Korea,',
        'arguing that relief would *encourage* talks. See the [full text](https://un.example.org/draft-resolution-text).',
        '',
        'Western members of the Council were unconvinced and said pressure should stay until there is progress on',
        'disarmament, which the draft does not require.',
      ].join('\n'),
    }),
    'issues/2/03-hostile.md': itemFile(JSON.stringify(HOSTILE_HEADLINE), {
      section: 'politics',
      categories: '[Democracy and Governance]',
      sources: '  - publication: Reuters\n    date: 2020-01-02\n',
      body: HOSTILE_BODY,
    }),
  };
}

/** The sample's address in these tests: a sub-path of its site. */
export const BASE_URL = 'https://monitor.test/monitor/';

/** Write the sample with the render cases into a fresh temporary folder; `extra` adds, replaces or (null) removes files. */
export async function writeFixture(extra: PublicationFiles = {}): Promise<string> {
  return writePublication({ ...renderCases(), ...extra });
}

/** Folders are removed after each test by the sample's writer; kept for callers that remove one early. */
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
