import { Worker } from 'node:worker_threads';
import type { ComposedIssue } from '../compose/types.js';
import { MonitorError } from '../core/errors.js';
import type { Place } from '../core/problems.js';
import type { RendererOptions, TemplateSources } from '../render/types.js';
import type { OutputFile } from './render-site.js';
import type { CompanionWriter, WrittenFile } from './write-site.js';

/** What the worker starts with (see email-worker.ts). */
export interface EmailThreadData {
  templates: TemplateSources;
  options: RendererOptions;
}

/**
 * Messages to the worker: where to write, then batches of issues to write, then the end; or issues whose
 * files it is to send back instead (an incremental build, which writes in place itself).
 */
export type ToEmailThread = { folder: string; linked: boolean } | ComposedIssue[] | 'end' | { reply: ComposedIssue[] };

/** A failure in the worker: a MonitorError (the user's to fix) or a bug, with its stack. */
export interface ThreadFailure {
  user: boolean;
  message: string;
  place?: Place | undefined;
}

/** The worker's answer: every file it wrote, the files asked for, or its first failure. */
export type FromEmailThread = { written: WrittenFile[] } | { files: OutputFile[] } | { error: ThreadFailure };

/** Issues sent to the worker in one message. */
const BATCH_ISSUES = 20;

/**
 * Renders and writes the emails of a full build (HTML and plain text) in a worker thread, while the main
 * thread renders the web pages: the email path (MJML's load, the skeleton, inlining) is about a third of
 * a build's work and needs nothing from the pages. It writes into the build's temporary folder beside
 * writeSite, as its CompanionWriter. An incremental build asks for its few emails back instead
 * (renderFiles): MJML has loaded meanwhile, off the main thread. Only available when monitor runs compiled: a worker cannot start
 * from the TypeScript sources, so the tests of the sources render emails on the main thread and the
 * command-line tests run this path.
 */
export class EmailThread implements CompanionWriter {
  private readonly worker: Worker;
  private readonly answer: Promise<WrittenFile[]>;
  private batch: ComposedIssue[] = [];
  private asked: { resolve(files: OutputFile[]): void; reject(error: Error): void } | undefined;

  /** Start the worker (it compiles the templates and MJML at once), or undefined when running from sources. */
  static start(templates: TemplateSources, options: RendererOptions): EmailThread | undefined {
    return import.meta.url.endsWith('.js') ? new EmailThread({ templates, options }) : undefined;
  }

  private constructor(workerData: EmailThreadData) {
    this.worker = new Worker(new URL('./email-worker.js', import.meta.url), { workerData, execArgv: [] });
    this.answer = new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        this.asked?.reject(error);
        reject(error);
      };
      this.worker.on('message', (message: FromEmailThread) => {
        if ('error' in message) fail(threadError(message.error));
        else if ('files' in message) this.asked?.resolve(message.files);
        else resolve(message.written);
      });
      this.worker.on('error', (error) => fail(threadError({ user: false, message: error.stack ?? error.message })));
      this.worker.on('exit', () => fail(new Error('the email-rendering thread stopped before it finished')));
    });
    this.answer.catch(() => undefined); // reported by finish()
  }

  /** The email files of these issues, rendered by the worker and handed back; one request at a time. */
  renderFiles(issues: ComposedIssue[]): Promise<OutputFile[]> {
    return new Promise((resolve, reject) => {
      this.asked = { resolve, reject };
      this.post({ reply: issues });
    });
  }

  start(folder: string, linked: boolean): void {
    this.post({ folder, linked });
  }

  /**
   * Render and write this issue's emails, after start. Issues are handed over in batches, as the main
   * thread reaches them, so that the worker never holds more than a few batches of the archive.
   */
  render(issue: ComposedIssue): void {
    this.batch.push(issue);
    if (this.batch.length >= BATCH_ISSUES) this.handOver();
  }

  async finish(): Promise<WrittenFile[]> {
    this.handOver();
    this.post('end');
    try {
      return await this.answer;
    } finally {
      await this.worker.terminate();
    }
  }

  /** Stop the worker, whatever it was doing; resolves once it has stopped. Safe to call more than once. */
  async abort(): Promise<void> {
    await this.worker.terminate();
  }

  private handOver(): void {
    if (this.batch.length > 0) this.post(this.batch);
    this.batch = [];
  }

  private post(message: ToEmailThread): void {
    this.worker.postMessage(message);
  }
}

function threadError(failure: ThreadFailure): Error {
  if (failure.user) return new MonitorError(failure.message, failure.place ? { place: failure.place } : {});
  return new Error(`the email-rendering thread failed: ${failure.message}`);
}
