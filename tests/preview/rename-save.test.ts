import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/site/preview/index.js';
import { draftItem as firstItem, writeSampleToSend } from '../helpers/sample-publication.js';
import { openEventStream, type EventStream, type StreamEvent } from './event-stream.js';

let publication: { root: string; firstItem: string };
let preview: Preview;
let stream: EventStream;

beforeEach(async () => {
  publication = await writeSampleToSend();
  preview = await startPreview({ root: publication.root, port: 0 });
  stream = await openEventStream(`${preview.url}__preview/events`);
  await stream.next((event) => event.event === 'hello');
});
afterEach(async () => {
  stream.close();
  await preview.close();
});

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
    const event = await stream.next(reload, 5_000);
    const page = await (await fetch(new URL(url, preview.url))).text();
    if (accept(page) || reloads === 3) return { page, event };
  }
}

describe('monitor preview and editors that save by renaming a new copy over the file', () => {
  it('rebuilds on every rename-save, not only the first', async () => {
    for (const headline of ['First rename save', 'Second rename save', 'Third rename save']) {
      await renameSave(publication.firstItem, firstItem(headline));
      const { page, event } = await servedAfterReload('/issues/3/', (page) => page.includes(headline.toUpperCase()));
      expect(event.data).toMatchObject({ ok: true });
      expect(page).toContain(headline.toUpperCase());
    }
  });

  it('clears the error banner when a broken rename-save is fixed by another', async () => {
    await renameSave(publication.firstItem, firstItem('Good once'));
    await servedAfterReload('/issues/3/', (page) => page.includes('GOOD ONCE'));
    await renameSave(publication.firstItem, firstItem('Broken').replace('date: 2020-01-17', 'date: 2020-13-17'));
    const broken = await servedAfterReload('/__preview/3', (page) => page.includes('role="alert"'));
    expect(broken.page).toContain('issues/3/01-budget-dispute.md:7');
    await renameSave(publication.firstItem, firstItem('Fixed again'));
    const fixed = await servedAfterReload('/__preview/3', (page) => page.includes('FIXED AGAIN'));
    expect(fixed.page).toContain('FIXED AGAIN');
    expect(fixed.page).not.toContain('role="alert"');
    expect(fixed.event.data).toMatchObject({ ok: true, problems: [] });
  });
});
