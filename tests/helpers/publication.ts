import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
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
  unsubscribeUrl: https://monitor.test/unsubscribe
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

/** A small valid publication: two published issues of two items each. */
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

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Write a publication into a fresh temporary folder: the defaults, changed by `changes`. */
export async function writePublication(changes: PublicationFiles = {}, base: PublicationFiles = defaultFiles()): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'monitor-test-'));
  made.push(root);
  for (const [file, content] of Object.entries({ ...base, ...changes })) {
    if (content === null) continue;
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
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
