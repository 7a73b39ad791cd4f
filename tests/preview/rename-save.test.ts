import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftItem as firstItem } from '../helpers/sample-publication.js';
import type { StreamEvent } from './event-stream.js';
import { previewEachTest } from './preview-each-test.js';

const running = previewEachTest();

/** Save as vim, `sed -i` and JetBrains do: write a new copy beside the file, then rename it over the file. */
async function renameSave(file: string, text: string): Promise<void> {
  const copy = path.join(path.dirname(file), 'x.tmp');
  await writeFile(copy, text);
  await rename(copy, file);
}

const reload = (event: StreamEvent) => event.event === 'reload';

/** The page at `url` once it satisfies `accept`, checked after each reload event (a save may cause one or two). */
async function servedAfterReload(url: string, accept: (page: string) => boolean): Promise<{ page: string; event: StreamEvent }> {
  for (let reloads = 1; ; reloads++) {
    const event = await running.stream.next(reload, 5_000);
    const page = await (await fetch(new URL(url, running.preview.url))).text();
    if (accept(page) || reloads === 3) return { page, event };
  }
}

describe('monitor preview and editors that save by renaming a new copy over the file', () => {
  it('rebuilds on every rename-save, not only the first', async () => {
    for (const headline of ['First rename save', 'Second rename save', 'Third rename save']) {
      await renameSave(running.publication.firstItem, firstItem(headline));
      const { page, event } = await servedAfterReload('/issues/3/', (page) => page.includes(headline.toUpperCase()));
      expect(event.data).toMatchObject({ ok: true });
      expect(page).toContain(headline.toUpperCase());
    }
  });

  it('clears the error banner when a broken rename-save is fixed by another', async () => {
    await renameSave(running.publication.firstItem, firstItem('Good once'));
    await servedAfterReload('/issues/3/', (page) => page.includes('GOOD ONCE'));
    await renameSave(running.publication.firstItem, firstItem('Broken').replace('date: 2020-01-17', 'date: 2020-13-17'));
    const broken = await servedAfterReload('/__preview/3', (page) => page.includes('role="alert"'));
    expect(broken.page).toContain('issues/3/01-budget-dispute.md:7');
    await renameSave(running.publication.firstItem, firstItem('Fixed again'));
    const fixed = await servedAfterReload('/__preview/3', (page) => page.includes('FIXED AGAIN'));
    expect(fixed.page).toContain('FIXED AGAIN');
    expect(fixed.page).not.toContain('role="alert"');
    expect(fixed.event.data).toMatchObject({ ok: true, problems: [] });
  });
});
