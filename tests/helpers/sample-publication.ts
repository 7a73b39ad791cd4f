import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { main } from '../../src/cli/main.js';

/** Files of a publication, by path relative to its root. `null` leaves a default file out. */
export type PublicationFiles = Record<string, string | Buffer | null>;

export const CONFIG = `title: Test Reform Monitor
publisher: Test Policy Council
baseUrl: https://monitor.test/
language: en
description: A weekly digest for tests.
copyright: "© {year} Test Policy Council"
email:
  from: "Test Reform Monitor <monitor@monitor.test>"
  replyTo: editors@monitor.test
  unsubscribeUrl: https://monitor.test/unsubscribe?list=weekly
sections:
  - { id: politics, title: Politics and Governance }
  - { id: security, title: Security and Foreign Policy }
categories:
  - Democracy and Governance
  - Economic Sanctions
  - China
  - North Korea
  - Russia
`;

export const SOURCES = `- name: The Moscow Times
  style: periodical
  homepage: https://www.themoscowtimes.com/
- name: Kommersant
- name: Reuters
  style: wire
- name: Interfax
  style: wire
`;

export function issueFile(number: number, date: string, extra = ''): string {
  return `---\nnumber: ${number}\ndate: ${date}\nauthor: Ada Example\nstatus: published\n${extra}---\n`;
}

export function itemFile(headline: string, options: { section?: string; categories?: string; sources?: string; body?: string } = {}): string {
  const sources = options.sources ?? '  - publication: The Moscow Times\n    date: 2020-01-03\n';
  return [
    '---',
    `headline: ${headline}`,
    ...(options.section ? [`section: ${options.section}`] : []),
    ...(options.categories ? [`categories: ${options.categories}`] : []),
    'sources:',
    sources.trimEnd(),
    '---',
    options.body ?? 'A paragraph about what happened, written for the tests.',
    '',
  ].join('\n');
}

/** The draft issue's first item, with Cyrillic and an ampersand in the body. */
export function draftItem(headline = DRAFT_HEADLINE, body = 'Deputies of the Государственная Дума & regional governors disagreed on transfers; the vote moved to April.'): string {
  return itemFile(headline, { section: 'politics', categories: '[Democracy and Governance]', sources: '  - publication: Kommersant\n    date: 2020-01-17\n', body });
}

export const DRAFT_HEADLINE = 'Duma & regions argue over the budget';

/**
 * The one sample publication of the stage tests: two published issues of two items each, with sections,
 * categories, periodical and wire sources. `draftIssue()` adds its third issue.
 */
export function defaultFiles(): PublicationFiles {
  return {
    'monitor.config.yaml': CONFIG,
    'feeds/sources.yaml': SOURCES,
    'issues/1/issue.md': issueFile(1, '2020-01-06'),
    'issues/1/01-first.md': itemFile('Budget talks stall in the Duma', { categories: '[Russia]' }),
    'issues/1/02-second.md': itemFile('Moscow courts Beijing', { categories: '[China, Russia]' }),
    'issues/2/issue.md': issueFile(2, '2020-01-13'),
    'issues/2/01-sanctions.md': itemFile('Moscow backs breathing room for Pyongyang', {
      section: 'security',
      categories: '[Economic Sanctions, North Korea]',
      sources: '  - publication: The Moscow Times\n    date: 2019-12-17\n    url: https://www.themoscowtimes.com/2019/12/17/a\n  - publication: Reuters\n    date: 2019-12-29\n',
    }),
    'issues/2/02-governors.md': itemFile('Governors reshuffled', { section: 'politics', categories: '[Democracy and Governance]' }),
  };
}

/**
 * Issue 3 of the sample, a draft a week after issue 2: Cyrillic and ampersands, a periodical and a wire
 * source. `status` publishes it for tests that send or preview it.
 */
export function draftIssue(status: 'draft' | 'published' = 'draft'): PublicationFiles {
  return {
    'issues/3/issue.md': issueFile(3, '2020-01-20').replace('status: published', `status: ${status}`),
    'issues/3/01-budget-dispute.md': draftItem(),
    'issues/3/02-new-listings.md': itemFile('New listings under the sanctions regime', {
      categories: '[Economic Sanctions]',
      sources: '  - publication: Interfax\n    date: 2020-01-18\n',
      body: 'Officials said the new listings cover shipping & insurance firms.',
    }),
  };
}

/** Folders written inside a test go after it; folders written in `beforeAll` go after the file's tests. */
const madeInTest: string[] = [];
const madeForFile: string[] = [];
const removeAll = (folders: string[]) => Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
let inTest = false;
beforeEach(() => void (inTest = true));
afterEach(async () => {
  inTest = false;
  await removeAll(madeInTest);
});
afterAll(() => removeAll(madeForFile));

/** Write a publication into a fresh temporary folder, removed afterwards: the defaults, changed by `changes`. */
export async function writePublication(changes: PublicationFiles = {}, base: PublicationFiles = defaultFiles()): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'monitor-test-'));
  (inTest ? madeInTest : madeForFile).push(root);
  for (const [file, content] of Object.entries({ ...base, ...changes })) {
    if (content === null) continue;
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

/** The sample with issue 3 published, for tests that send or preview it; `firstItem` is its first item's file. */
export async function writeSampleToSend(): Promise<{ root: string; firstItem: string }> {
  const root = await writePublication(draftIssue('published'));
  return { root, firstItem: path.join(root, 'issues', '3', '01-budget-dispute.md') };
}

/** Run the CLI in-process; returns the exit code and what it printed. */
export async function runCli(args: string[], root?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(root ? [...args, '--root', root] : args, {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** One entry of `monitor validate --json`. */
export interface ReportedProblem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

/** Validate the default publication changed by `changes`; the exit code and the JSON report. */
export async function validateJson(changes: PublicationFiles): Promise<{ code: number; errors: ReportedProblem[]; warnings: ReportedProblem[] }> {
  const root = await writePublication(changes);
  const result = await runCli(['validate', '--json'], root);
  return { code: result.code, ...(JSON.parse(result.stdout) as { errors: ReportedProblem[]; warnings: ReportedProblem[] }) };
}
