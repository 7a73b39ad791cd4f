import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRenderer, readTemplates } from '../../src/render/index.js';
import { loadPublication } from '../../src/content/index.js';
import { composeIssues } from '../../src/compose/index.js';
import { findIssue } from '../../src/site/index.js';
import { runCli } from './run-cli.js';
import { DRAFT_HEADLINE as FIRST_HEADLINE, writeSampleToSend } from '../helpers/sample-publication.js';

let publication: { root: string };
beforeAll(async () => {
  publication = await writeSampleToSend();
});

describe('monitor export --eml', () => {
  it('writes issue-<N>.eml in the publication folder: the send message without To, marked unsent', async () => {
    const result = await runCli(publication.root, ['export', '3', '--eml']);
    expect(result.code).toBe(0);
    const file = path.join(publication.root, 'issue-3.eml');
    expect(result.out.trim()).toBe(file);
    const raw = await readFile(file);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(`Test Reform Monitor No. 3: ${FIRST_HEADLINE}`);
    expect(parsed.to).toBeUndefined();
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.messageId).toMatch(/@monitor\.test>$/);
    const { publication: loaded } = await loadPublication(publication.root);
    const { issue, site } = findIssue(composeIssues(loaded), 3);
    const renderer = createRenderer(await readTemplates(publication.root), { publication: site.publication });
    expect(parsed.html).toBe(await renderer.email(issue));
    expect(parsed.text).toBe(renderer.text(issue));
    expect(raw.toString('latin1')).toContain('\r\n');
  });

  it('writes where --out says, relative to the publication folder', async () => {
    const result = await runCli(publication.root, ['export', '3', '--out', 'outbox/proof.eml']);
    expect(result.code).toBe(0);
    const parsed = await simpleParser(await readFile(path.join(publication.root, 'outbox/proof.eml')));
    expect(parsed.text).toContain('Государственная Дума & regional');
  });
});
