import { Worker } from 'node:worker_threads';
import { MonitorError } from '../core/errors.js';

/** A file as it was written: its path relative to the output folder, its size and modification time. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Files handed to the worker in one message. */
const BATCH_FILES = 16;
/** The renderer waits when this many files are handed over but not yet on disk (bounds the memory held). */
const MAX_AHEAD = 256;
/** Indexes into the shared progress counters (see write-worker.js). */
const WRITTEN = 0;
const FAILED = 1;

/**
 * Writes files into a folder from a worker thread. Creating thousands of small files is mostly kernel
 * time; done on another thread it overlaps with rendering instead of adding to it. Files are written in
 * the order given; `finish` resolves with their stamps once all are on disk, or rejects with the first
 * failure. After a failure or `abort`, nothing more is written.
 */
export class FileWriter {
  private readonly worker: Worker;
  private readonly progress = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  private readonly result: Promise<FileStamp[]>;
  private batch: Array<[string, string]> = [];
  private handedOver = 0;

  /** `linked`: the folder holds hard links to a previous output, which must be unlinked, not written through. */
  constructor(folder: string, linked: boolean) {
    this.worker = new Worker(new URL('./write-worker.js', import.meta.url), {
      workerData: { folder, linked, progress: this.progress.buffer },
      execArgv: [], // the process's own flags (say --input-type, or --eval's) are not for this thread
    });
    this.result = new Promise((resolve, reject) => {
      this.worker.on('message', (message: WorkerReply) => {
        if ('error' in message) reject(new MonitorError(`cannot write the build output: ${message.error.message}`));
        else resolve(message.records.map(([path, size, mtimeMs]) => ({ path, size, mtimeMs })));
      });
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`the file-writing thread stopped (exit code ${code}) before it finished`)));
    });
    this.result.catch(() => undefined); // reported by finish()
  }

  /** Queue a file; `file` is relative to the folder and already checked to stay inside it. */
  write(file: string, text: string): void {
    this.batch.push([file, text]);
    if (this.batch.length >= BATCH_FILES) this.handOver();
  }

  /** Wait for every queued file to be written; the stamps come in the order the files were given. */
  async finish(): Promise<FileStamp[]> {
    this.handOver();
    this.worker.postMessage('end');
    try {
      return await this.result;
    } finally {
      await this.worker.terminate();
    }
  }

  /** Stop writing; resolves once the thread has stopped, so nothing is written after it. */
  async abort(): Promise<void> {
    await this.worker.terminate();
  }

  private handOver(): void {
    if (this.batch.length === 0 || Atomics.load(this.progress, FAILED) === 1) return;
    this.worker.postMessage(this.batch);
    this.handedOver += this.batch.length;
    this.batch = [];
    this.waitWhileAhead();
  }

  /**
   * Block while the renderer is too far ahead of the disk. The wait is short and bounded: should the
   * thread stop without saying so, the wait gives up and `finish` reports why.
   */
  private waitWhileAhead(): void {
    for (;;) {
      const written = Atomics.load(this.progress, WRITTEN);
      if (this.handedOver - written <= MAX_AHEAD || Atomics.load(this.progress, FAILED) === 1) return;
      if (Atomics.wait(this.progress, WRITTEN, written, 1000) === 'timed-out') return;
    }
  }
}

type WorkerReply = { records: Array<[string, number, number]> } | { error: { message: string } };
