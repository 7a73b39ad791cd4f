/**
 * The email side of a full build, in a worker thread started by EmailThread: it compiles the email
 * skeleton (MJML) while the main thread reads the publication, then renders each issue it is sent as
 * email HTML and plain text and writes them into the build's temporary folder (or sends them back).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ComposedIssue } from '../compose/types.js';
import { MonitorError } from '../core/errors.js';
import { createRenderer } from '../render/index.js';
import type { EmailThreadData, FromEmailThread, ThreadFailure, ToEmailThread } from './email-thread.js';
import { issueEmailFiles, type OutputFile } from './render-site.js';
import { writeOutputFile } from './write-output.js';
import type { WrittenFile } from './write-site.js';

const { templates, options } = workerData as EmailThreadData;
const renderer = createRenderer(templates, options);
renderer.prepareEmail?.().catch(() => undefined); // a failure is reported by the first email
const madeFolders = new Set<string>();
const written: WrittenFile[] = [];
let target: { folder: string; linked: boolean } | undefined;
let work = Promise.resolve();
let failed = false;

parentPort!.on('message', (message: ToEmailThread) => {
  work = work.then(() => handle(message));
});

async function handle(message: ToEmailThread): Promise<void> {
  if (failed) return;
  try {
    if (message === 'end') answer({ written });
    else if (Array.isArray(message)) await renderAndWrite(message);
    else if ('reply' in message) answer({ files: await renderFiles(message.reply) });
    else target = message;
  } catch (error) {
    failed = true;
    answer({ error: failure(error) });
  }
}

async function renderAndWrite(issues: ComposedIssue[]): Promise<void> {
  if (!target) throw new Error('issues arrived before the folder to write them in');
  for (const issue of issues) {
    for (const file of await issueEmailFiles(renderer, issue)) {
      const stamp = writeOutputFile(target.folder, file.path, file.text, target.linked, madeFolders);
      written.push({ ...stamp, kind: file.kind });
    }
  }
}

async function renderFiles(issues: ComposedIssue[]): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const issue of issues) files.push(...(await issueEmailFiles(renderer, issue)));
  return files;
}

function failure(error: unknown): ThreadFailure {
  if (error instanceof MonitorError) return { user: true, message: error.message, place: error.place };
  return { user: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

function answer(message: FromEmailThread): void {
  parentPort!.postMessage(message);
}
