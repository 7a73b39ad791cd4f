import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { composedIssue } from '../compose/index.js';
import type { ComposedSite, IssueOutline } from '../compose/types.js';
import { MonitorError } from '../core/errors.js';
import { textKey } from '../core/text-key.js';
import type { Renderer } from '../render/types.js';
import { DOCUMENTS_FILE, joinParts, type IndexFiles } from '../search/index-files.js';
import type { IndexJob, KeptDocuments, PartMessage } from '../search/index-worker.js';
import { INDEX_FOLDER, partOf, type SearchDocument } from '../search/search-terms.js';
import type { IssueHashes } from './issue-keys.js';
import { faultPoint } from './fault-points.js';
import { exists } from './output-paths.js';
import type { SitePlan } from './plan-site.js';
import { PartCache, type Stamps } from './search-part-cache.js';
import { replaceIndexFolder, writeIndexInto } from './write-index-folder.js';

/** What the index depends on besides its issues: this module's format and MiniSearch's (pinned to a major version). */
const INDEX_FORMAT = 'search-index 3 minisearch-7';
const WORKER_SCRIPT = new URL('../search/index-worker.js', import.meta.url);

/** What indexing did: how many parts were made again, and for how many issues a document was made anew. */
export interface SearchIndexSummary {
  parts: number;
  issues: number;
}

/** A published issue as the index knows it: its number and a key that changes whenever its items may. */
export interface IndexedIssue {
  number: number;
  key: string;
}

/** What a search index depends on besides its issues: monitor itself and the publication's language. */
export function searchKey(tool: string, language: string): string {
  return textKey(INDEX_FORMAT, tool, language);
}

/** The published issues of a plan with each one's key (its composed form's hashes). */
export function indexedIssues(site: ComposedSite<IssueOutline>, hashes: ReadonlyMap<number, IssueHashes>): IndexedIssue[] {
  return site.issues.filter((issue) => issue.status === 'published').map((issue) => {
    const known = hashes.get(issue.number);
    return { number: issue.number, key: known ? `${known.header}:${known.body}` : '' };
  });
}

/**
 * The search index of a build (dist/search/index/), made with MiniSearch in a worker thread on the other
 * core while this one renders (search/index-worker.ts), in parts of ISSUES_PER_PART issue numbers. The
 * cache folder keeps each part's documents and files: a build makes again only the parts holding an
 * issue whose key changed (from the kept documents of the others in it), joins them with the kept ones
 * (search/index-files.ts) and replaces the index's folder whole. Drafts are never indexed.
 */
export class SearchIndexUpdate {
  private made: Promise<void> = Promise.resolve();
  /** The files of each part made, and its documents as the cache is to keep them (JSON), written once the build has succeeded. */
  private readonly madeFiles = new Map<string, IndexFiles>();
  private readonly madeDocuments = new Map<string, string>();
  private worker: Worker | undefined;

  private constructor(
    private readonly out: string,
    private readonly cache: PartCache | undefined,
    private readonly parts: Map<string, IndexedIssue[]>,
    /** Of the stale parts, the documents the cache kept; of the others, their files. */
    private readonly keptDocuments: Map<string, KeptDocuments>,
    private readonly keptFiles: Map<string, IndexFiles>,
    private readonly stale: string[],
    private readonly removed: string[],
    private readonly stamps: Stamps,
    /** Whether this build writes the index. */
    private readonly writes: boolean,
  ) {}

  /**
   * Which parts must be made again: those whose issues or keys differ from the ones they were made from.
   * When the index is to be written (a part is stale or gone, the index is missing, or `replaced`: the
   * build writes a new output folder), every other part comes from the cache, and one the cache does not
   * hold is made again too. Without a cache folder, every part, and nothing is kept.
   */
  static plan(out: string, cacheDir: string | undefined, key: string, issues: IndexedIssue[], replaced: boolean): SearchIndexUpdate {
    const cache = cacheDir === undefined ? undefined : new PartCache(cacheDir, out, key);
    const stamps = cache?.readStamps() ?? {};
    const parts = issuesByPart(issues);
    const removed = [...new Set([...Object.keys(stamps), ...(cache?.keptParts() ?? [])])].filter((part) => !parts.has(part));
    const current = new Set([...parts].filter(([part, list]) => sameIssues(stamps[part], list)).map(([part]) => part));
    const write = replaced || removed.length > 0 || current.size < parts.size || !searchIndexIntact(out);
    const keptDocuments = new Map<string, KeptDocuments>();
    const keptFiles = new Map<string, IndexFiles>();
    const stale: string[] = [];
    // Without anything to write, every part is current.
    for (const part of write ? parts.keys() : []) {
      const files = current.has(part) ? cache?.readFiles(part) : undefined;
      if (files) {
        keptFiles.set(part, files);
        continue;
      }
      stale.push(part);
      const documents = cache?.readDocuments(part);
      if (documents) keptDocuments.set(part, documents);
    }
    return new SearchIndexUpdate(out, cache, parts, keptDocuments, keptFiles, stale, removed, stamps, write);
  }

  /** Issues this build must read in full: those of the parts made again with no document kept under their current key. */
  needed(): Set<number> {
    const numbers = new Set<number>();
    for (const part of this.stale) for (const issue of this.parts.get(part)!) if (!this.keptDocument(part, issue)) numbers.add(issue.number);
    return numbers;
  }

  private keptDocument(part: string, issue: IndexedIssue): SearchDocument | undefined {
    const known = this.keptDocuments.get(part)?.[issue.number];
    return issue.key !== '' && known?.[0] === issue.key ? known[1] : undefined;
  }

  /**
   * Start making the stale parts in the worker, from the plan's issues (those needed read in full), while
   * the build renders. write() waits for the end.
   */
  start(plan: SitePlan, renderer: Renderer): void {
    if (this.stale.length === 0) return;
    const byNumber = new Map(plan.site.issues.map((issue) => [issue.number, issue]));
    const job: IndexJob = { parts: [] };
    for (const part of this.stale) {
      const documents: KeptDocuments = {};
      for (const issue of this.parts.get(part)!) {
        const full = byNumber.get(issue.number);
        const document = this.keptDocument(part, issue) ?? (full && renderer.archive.searchDocument(composedIssue(full)));
        if (!document) throw new MonitorError(`The search index needs issue ${issue.number} read in full, and it was not.`);
        documents[issue.number] = [issue.key, document];
      }
      job.parts.push({ part, documents });
    }
    this.made = this.watch(startWorker(job), job.parts.length);
    // Caught here too, so that a build failing before write() leaves no unhandled rejection.
    this.made.catch(() => undefined);
  }

  /** Until the worker has answered for its `count` parts. (It is not given the job: the job's documents go with the worker.) */
  private watch(worker: Worker, count: number): Promise<void> {
    this.worker = worker;
    return new Promise((resolve, reject) => {
      const fail = (error: string) => reject(new MonitorError(`The search index could not be made: ${error}`));
      worker.on('message', (message: PartMessage) => {
        if ('error' in message) return fail(message.error);
        this.madeFiles.set(message.part, message.files);
        this.madeDocuments.set(message.part, message.documents);
        // Done: the worker goes at once, and its memory with it, while the build goes on rendering.
        if (this.madeFiles.size === count) void this.close().then(resolve, reject);
      });
      worker.once('error', (error) => fail(error.message));
      worker.once('exit', (code) => {
        if (this.worker === worker) fail(`it stopped (exit code ${code})`); // not when close() stopped it
      });
    });
  }

  /**
   * Write the index, if anything in it changed: in place of the old one, as a whole folder (an
   * incremental build), or into a full build's new site (`folder`).
   */
  async write(folder?: string): Promise<void> {
    await this.made;
    await this.close();
    if (!this.writes) return;
    this.cache?.forgetStamps();
    const files = joinParts([...this.parts.keys()].map((part) => [part, this.madeFiles.get(part) ?? this.keptFiles.get(part)!]));
    if (folder) writeIndexInto(folder, INDEX_FOLDER, files);
    else replaceIndexFolder(this.out, INDEX_FOLDER, files);
  }

  /** Once the index is in the output: keep the parts made, and their stamps, for the next build. Never fails a build. */
  remember(): SearchIndexSummary {
    let issues = 0;
    for (const part of this.stale) {
      for (const issue of this.parts.get(part)!) if (!this.keptDocument(part, issue)) issues += 1;
      if (this.cache?.writePart(part, this.madeDocuments.get(part)!, this.madeFiles.get(part)!)) {
        this.stamps[part] = Object.fromEntries(this.parts.get(part)!.map((issue) => [issue.number, issue.key]));
      } else delete this.stamps[part];
    }
    for (const part of this.removed) {
      this.cache?.removePart(part);
      delete this.stamps[part];
    }
    faultPoint('search:parts-kept');
    if (this.writes) this.cache?.writeStamps(this.stamps);
    return { parts: this.stale.length, issues };
  }

  /** Stop the worker (also when the build failed). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

function startWorker(job: IndexJob): Worker {
  // The worker takes this process's Node options but --input-type (of a `node -e` that runs a build), which no worker starts with.
  const execArgv = process.execArgv.filter((option) => !option.startsWith('--input-type'));
  return new Worker(WORKER_SCRIPT, { workerData: job, execArgv });
}

/** Whether the last build into `out` left its search index there: a build that changed nothing else still makes a removed one again. */
export function searchIndexIntact(out: string): boolean {
  return exists(path.join(out, INDEX_FOLDER, DOCUMENTS_FILE));
}

/** The published issues by part, each part's issues in ascending order. */
function issuesByPart(issues: IndexedIssue[]): Map<string, IndexedIssue[]> {
  const parts = new Map<string, IndexedIssue[]>();
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    const part = partOf(issue.number);
    const list = parts.get(part) ?? [];
    list.push(issue);
    parts.set(part, list);
  }
  return parts;
}

function sameIssues(stamped: Record<string, string> | undefined, issues: IndexedIssue[]): boolean {
  return stamped !== undefined && Object.keys(stamped).length === issues.length && issues.every((issue) => issue.key !== '' && stamped[issue.number] === issue.key);
}
