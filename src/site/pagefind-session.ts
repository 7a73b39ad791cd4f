import { MonitorError } from '../core/errors.js';

/** Pagefind's service, with one index per part. */
export class PagefindSession {
  private readonly indexes = new Map<string, import('pagefind').PagefindIndex>();
  private readonly pending: Array<Promise<{ errors: string[] }>> = [];

  private constructor(private readonly pagefind: typeof import('pagefind')) {}

  static async open(): Promise<PagefindSession> {
    return new PagefindSession(await import('pagefind'));
  }

  /** Start indexing a part's records, once the previous part's are read; Pagefind works through them while the caller goes on. */
  async add(part: string, pages: Array<{ url: string; content: string }>): Promise<void> {
    await Promise.all(this.pending);
    const { index, errors } = await this.pagefind.createIndex({ keepIndexUrl: false, writePlayground: false });
    if (!index) throw new MonitorError(`The search index could not be started: ${errors.join('; ')}`);
    this.indexes.set(part, index);
    // Caught here: a build that fails before waiting for them closes Pagefind, which rejects them all.
    for (const page of pages) this.pending.push(index.addHTMLFile(page).catch((error: Error) => ({ errors: [error.message] })));
  }

  /** Write a part's index into `folder` (Pagefind writes it itself), once every record handed over is read. */
  async write(part: string, folder: string): Promise<void> {
    const failed = (await Promise.all(this.pending)).flatMap((result) => result.errors);
    if (failed.length > 0) throw new MonitorError(`The search index could not read a record: ${failed.join('; ')}`);
    const index = this.indexes.get(part)!;
    const { errors } = await index.writeFiles({ outputPath: folder });
    if (errors.length > 0) throw new MonitorError(`The search index could not be written into ${folder}: ${errors.join('; ')}`);
    await index.deleteIndex();
  }

  async close(): Promise<void> {
    await this.pagefind.close();
  }
}
