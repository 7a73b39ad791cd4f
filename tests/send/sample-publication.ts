import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small publication in a temporary folder: one issue (7) with two items, Cyrillic and `&` included. */
export interface SamplePublication {
  root: string;
  /** Path of the first item's file. */
  firstItem: string;
  remove(): Promise<void>;
}

export const CONFIG = `title: Steppe Reform Monitor
publisher: Test Policy Institute
baseUrl: https://news.example.net/monitor/
language: en
description: A weekly digest written for the tests.
copyright: "© {year} Test Policy Institute"
email:
  from: "Steppe Reform Monitor <digest@example.net>"
  replyTo: editors@example.net
  unsubscribeUrl: https://news.example.net/unsubscribe?list=steppe
sections:
  - { id: politics, title: Politics and Governance }
categories:
  - Democracy and Governance
  - Economic Sanctions
`;

const SOURCES = `- name: Kommersant
  style: periodical
- name: Interfax
  style: wire
`;

const ISSUE = `---
number: 7
date: 2024-03-04
author: Vera Testova
status: published
---
`;

export const FIRST_HEADLINE = 'Duma & regions argue over the budget';

export function firstItem(headline: string, body = 'Deputies of the Государственная Дума & regional governors disagreed on transfers; the vote moved to April.'): string {
  return `---
headline: ${headline}
section: politics
categories: [Democracy and Governance]
sources:
  - publication: Kommersant
    date: 2024-03-01
---
${body}
`;
}

const SECOND_ITEM = `---
headline: New listings under the sanctions regime
categories: [Economic Sanctions]
sources:
  - publication: Interfax
    date: 2024-03-02
---
Officials said the new listings cover shipping & insurance firms.
`;

export async function writeSamplePublication(): Promise<SamplePublication> {
  const root = await mkdtemp(path.join(tmpdir(), 'monitor-sample-'));
  await mkdir(path.join(root, 'issues', '7'), { recursive: true });
  await mkdir(path.join(root, 'feeds'));
  await writeFile(path.join(root, 'monitor.config.yaml'), CONFIG);
  await writeFile(path.join(root, 'feeds', 'sources.yaml'), SOURCES);
  await writeFile(path.join(root, 'issues', '7', 'issue.md'), ISSUE);
  const first = path.join(root, 'issues', '7', '01-budget-dispute.md');
  await writeFile(first, firstItem(FIRST_HEADLINE));
  await writeFile(path.join(root, 'issues', '7', '02-new-listings.md'), SECOND_ITEM);
  return { root, firstItem: first, remove: () => rm(root, { recursive: true, force: true }) };
}
