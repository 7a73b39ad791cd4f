import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATES } from '../../src/render/index.js';
import { buildSite } from '../../src/site/index.js';
import { issueFile, itemFile, writePublication } from '../helpers/sample-publication.js';

/** Three published issues; issue 3 is the newest. */
const THIRD = {
  'issues/3/issue.md': issueFile(3, '2020-01-20'),
  'issues/3/01-third.md': itemFile('Third week in the Duma', { categories: '[Russia]' }),
};

const STYLES = path.join(BUNDLED_TEMPLATES, 'partials/web-styles.hbs');
const stylesheetLinks = (html: string) => [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map((match) => match[0]);

describe('the shared stylesheet dist/style.css', () => {
  it('is written once by a full build, and every page links it relatively instead of inlining it', async () => {
    const root = await writePublication(THIRD);
    const out = path.join(root, 'dist');
    const summary = await buildSite(root);
    expect(summary.written.filter((file) => file === 'style.css')).toEqual(['style.css']);
    expect(await readFile(path.join(out, 'style.css'), 'utf8')).toBe(await readFile(STYLES, 'utf8'));
    const pages = { 'issues/2/index.html': '../../style.css', 'index.html': './style.css', 'categories/russia/index.html': '../../style.css' };
    for (const [file, href] of Object.entries(pages)) {
      const html = await readFile(path.join(out, file), 'utf8');
      expect(stylesheetLinks(html), file).toEqual([`<link rel="stylesheet" href="${href}">`]);
      expect(html, file).not.toMatch(/<style[\s>]/);
      expect(path.resolve(path.dirname(path.join(out, file)), href), file).toBe(path.join(out, 'style.css'));
    }
    expect(await readFile(path.join(out, 'issues/2/email.html'), 'utf8')).toMatch(/<style[\s>]/);
  });

  it('is not rewritten by an incremental build after editing one item', async () => {
    const root = await writePublication(THIRD);
    const css = path.join(root, 'dist/style.css');
    await buildSite(root);
    const before = (await stat(css)).mtimeMs;
    const item = path.join(root, 'issues/1/01-first.md');
    await writeFile(item, (await readFile(item, 'utf8')).replace('written for the tests.', 'written for the tests, and edited.'));
    const summary = await buildSite(root);
    expect(summary.mode).toBe('incremental');
    expect(summary.written).toContain('issues/1/index.html');
    expect(summary.written).not.toContain('style.css');
    expect((await stat(css)).mtimeMs).toBe(before);
  });

  it('is rewritten when the publication overrides the web-styles partial', async () => {
    const root = await writePublication(THIRD);
    const css = path.join(root, 'dist/style.css');
    await buildSite(root);
    await mkdir(path.join(root, 'templates/partials'), { recursive: true });
    await writeFile(path.join(root, 'templates/partials/web-styles.hbs'), 'body { color: #123456; }\n');
    const summary = await buildSite(root);
    expect(summary.written).toContain('style.css');
    expect(await readFile(css, 'utf8')).toBe('body { color: #123456; }\n');
    expect(await readFile(path.join(root, 'dist/issues/2/index.html'), 'utf8')).not.toContain('#123456');
  });

  it('is written by a one-issue build into an empty output folder, so its page is styled', async () => {
    const root = await writePublication(THIRD);
    await buildSite(root, { issue: 2 });
    expect(await readFile(path.join(root, 'dist/style.css'), 'utf8')).toBe(await readFile(STYLES, 'utf8'));
  });
});
