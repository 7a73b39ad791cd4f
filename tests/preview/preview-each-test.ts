import { afterEach, beforeEach } from 'vitest';
import { startPreview, type Preview } from '../../src/site/preview/index.js';
import { writeSampleToSend } from '../helpers/sample-publication.js';
import { openEventStream, type EventStream } from './event-stream.js';

/** What each test of a file gets: the sample publication, its preview, and the preview's event stream, past its hello. */
export interface RunningPreview {
  publication: { root: string; firstItem: string };
  preview: Preview;
  stream: EventStream;
}

/** Start a preview of a fresh sample publication before each test of the file, and close it after. */
export function previewEachTest(): RunningPreview {
  const running = {} as RunningPreview;
  beforeEach(async () => {
    running.publication = await writeSampleToSend();
    running.preview = await startPreview({ root: running.publication.root, port: 0 });
    running.stream = await openEventStream(`${running.preview.url}__preview/events`);
    await running.stream.next((event) => event.event === 'hello');
  });
  afterEach(async () => {
    running.stream.close();
    await running.preview.close();
  });
  return running;
}
