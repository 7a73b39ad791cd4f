import { createHash } from 'node:crypto';
import path from 'node:path';
import { composedIssue } from '../compose/index.js';
import type { ComposedSite, IssueOutline } from '../compose/types.js';
import { readCacheText, writeCacheFile } from '../core/cache-file.js';
import { MonitorError } from '../core/errors.js';
import type { Renderer, TemplateSources } from '../render/types.js';
import type { IssueHashes } from './issue-keys.js';
import { exists } from './output-paths.js';
import type { SitePlan } from './plan-site.js';
import { issuesByPart, partOf, partStamp, RecordStore, type IndexedIssue, type PartRecords } from './search-records.js';
import { PagefindSession as Session } from './pagefind-session.js';
import { removePart, replacePart, writePartInto } from './write-search-part.js';

/** The search index's folder in the output: one Pagefind index per part, `pagefind/<part>/`. */
export const SEARCH_FOLDER = 'pagefind';
/**
 * What an index depends on besides its records: this module's format and Pagefind's version (pinned
 * exactly in package.json; change both together).
 */
const INDEX_FORMAT = 'search-index 1 pagefind-1.6.0';
const RECORD_TEMPLATE = 'web/search-record.hbs';

/** What indexing did. */
export interface SearchIndexSummary {
  /** Parts of the index made again (0: no searchable text changed). */
  parts: number;
  /** Issues in those parts. */
  issues: number;
}

/** The folders of the index's parts, relative to the site root, as the search script loads them. */
export function searchIndexFolders(site: ComposedSite<IssueOutline>): string[] {
  const parts = new Set(site.issues.filter((issue) => issue.status === 'published').map((issue) => partOf(issue.number)));
  return [...parts].sort((a, b) => Number(a) - Number(b)).map((part) => `${SEARCH_FOLDER}/${part}/`);
}

/** What a search record depends on besides its issue: the record template and the publication's language. */
export function searchKey(tool: string, templates: TemplateSources, language: string): string {
  return createHash('sha1').update(`${INDEX_FORMAT}\0${tool}\0${language}\0${templates.get(RECORD_TEMPLATE) ?? ''}`).digest('base64url');
}

/** The published issues of a plan with the key of each one's record (its composed form's hashes). */
export function indexedIssues(site: ComposedSite<IssueOutline>, hashes: ReadonlyMap<number, IssueHashes>): IndexedIssue[] {
  return site.issues.filter((issue) => issue.status === 'published').map((issue) => {
    const known = hashes.get(issue.number);
    return { number: issue.number, key: known ? `${known.header}:${known.body}` : '' };
  });
}

/**
 * The search index of a build, made with Pagefind (its Node API runs the indexer as a child process, on
 * the other core while this one renders). The archive is indexed in parts of ISSUES_PER_PART issues, each
 * a Pagefind index of its own, which the search page merges: a build re-indexes only the parts whose
 * issues' records changed (Pagefind cannot update an index in place), from the records it keeps in the
 * cache folder, so an edited item re-indexes one part and an edit that changes no searchable text none.
 * Drafts are never indexed. Each part is written beside the output and renamed into it whole.
 */
export class SearchIndexUpdate {
  private readonly records = new Map<string, PartRecords>();
  /** Stale parts whose records, made again, read as before: stamped anew, not re-indexed. */
  private readonly sameText = new Set<string>();
  private session: Session | undefined;
  /** Records being made and handed to Pagefind, part after part, while the build renders. */
  private feeding: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly out: string,
    private readonly store: RecordStore | undefined,
    private readonly stampFile: string | undefined,
    private readonly key: string,
    private readonly parts: Map<string, IndexedIssue[]>,
    private readonly stale: string[],
    private readonly stamps: Record<string, string>,
    private readonly replaced: boolean,
  ) {}

  /**
   * Which parts must be made again: those whose stamp differs from the one recorded for `out`, or whose
   * folder is missing; every part when the build replaces the whole output (`replaced`: a full build
   * writes a new folder, without the index). Without a cache folder, every part, and nothing is remembered.
   */
  static plan(out: string, cacheDir: string | undefined, key: string, issues: IndexedIssue[], replaced: boolean): SearchIndexUpdate {
    const parts = issuesByPart(issues);
    const stampFile = cacheDir && stampPath(cacheDir, out);
    const stamps = (stampFile && readStamps(stampFile)) || {};
    const current = (part: string, list: IndexedIssue[]) => !replaced && stamps[part] === partStamp(key, list) && exists(entryFile(out, part));
    const stale = [...parts].filter(([part, list]) => !current(part, list)).map(([part]) => part);
    const store = cacheDir === undefined ? undefined : RecordStore.in(cacheDir, key);
    const update = new SearchIndexUpdate(out, store, stampFile, key, parts, stale, stamps, replaced);
    for (const part of stale) update.records.set(part, store?.read(part) ?? new Map());
    return update;
  }

  /** Issues whose record this build must make: those of the stale parts with no record of their current key. */
  needed(): Set<number> {
    const numbers = new Set<number>();
    for (const part of this.stale) {
      const known = this.records.get(part)!;
      for (const issue of this.parts.get(part)!) if (known.get(issue.number)?.key !== issue.key || issue.key === '') numbers.add(issue.number);
    }
    return numbers;
  }

  /**
   * Start making the missing records from the plan's issues (read in full) and handing the stale parts to
   * Pagefind, one part at a time (so that no more than a part's records wait in the pipe to it), while
   * the build renders; write() waits for the end.
   */
  start(plan: SitePlan, renderer: Renderer): void {
    const feeding = this.feed(plan, renderer);
    // Kept, and caught so that a build failing before write() leaves no unhandled rejection.
    this.feeding = feeding.then(() => undefined, (error: unknown) => error);
    void feeding.catch(() => undefined);
  }

  private async feed(plan: SitePlan, renderer: Renderer): Promise<void> {
    const byNumber = new Map(plan.site.issues.map((issue) => [issue.number, issue]));
    const needed = this.needed();
    for (const part of this.stale) {
      if (this.closed) return;
      const known = this.records.get(part)!;
      const fresh: PartRecords = new Map();
      for (const { number, key } of this.parts.get(part)!) {
        const issue = needed.has(number) ? byNumber.get(number) : undefined;
        if (needed.has(number) && !issue) throw new MonitorError(`The search index needs issue ${number} read in full, and it was not.`);
        fresh.set(number, issue ? { key, html: renderer.archive.searchRecord(composedIssue(issue)) } : known.get(number)!);
      }
      this.records.set(part, fresh);
      if (!this.replaced && sameText(known, fresh) && exists(entryFile(this.out, part))) {
        this.sameText.add(part);
        continue;
      }
      this.session ??= await Session.open();
      await this.session.add(part, [...fresh].map(([number, record]) => ({ url: `/issues/${number}/`, content: record.html })));
    }
  }

  /**
   * Write the stale parts, and remove the parts no issue is in any more: into the output in place, part
   * by part (an incremental build, once its files are in), or into a full build's new site before it is
   * swapped in (`folder`).
   */
  async write(folder?: string): Promise<void> {
    const failed = await this.feeding;
    if (failed) throw failed;
    const site = folder ?? this.out;
    for (const part of this.stale) {
      if (this.sameText.has(part)) continue;
      const write = (target: string) => this.session!.write(part, target);
      await (folder ? writePartInto(site, SEARCH_FOLDER, part, write) : replacePart(site, SEARCH_FOLDER, part, write));
    }
    for (const part of Object.keys(this.stamps)) if (!this.parts.has(part)) removePart(site, SEARCH_FOLDER, part);
    await this.close();
  }

  /** Once the parts written are in the output: remember their stamps and records for the next build. */
  remember(): SearchIndexSummary {
    let issues = 0;
    let parts = 0;
    for (const part of this.stale) {
      if (!this.sameText.has(part)) {
        issues += this.parts.get(part)!.length;
        parts += 1;
      }
      this.stamps[part] = partStamp(this.key, this.parts.get(part)!);
      this.store?.write(part, this.records.get(part)!);
    }
    for (const part of Object.keys(this.stamps)) {
      if (this.parts.has(part)) continue;
      delete this.stamps[part];
      this.store?.write(part, new Map());
    }
    this.saveStamps();
    return { parts, issues };
  }

  /** Stop Pagefind (also when the build failed). */
  async close(): Promise<void> {
    this.closed = true;
    await this.session?.close();
    this.session = undefined;
  }

  private saveStamps(): void {
    if (!this.stampFile) return;
    try {
      writeCacheFile(this.stampFile, INDEX_FORMAT, JSON.stringify(this.stamps));
    } catch {
      // The next build finds no stamp and indexes again.
    }
  }
}

/**
 * Whether every part the last build into `out` recorded is still in place: a build that changed nothing
 * else still remakes a search index that was removed.
 */
export function searchIndexIntact(out: string, cacheDir: string): boolean {
  const stamps = readStamps(stampPath(cacheDir, out));
  return stamps !== undefined && Object.keys(stamps).every((part) => exists(entryFile(out, part)));
}

/** Whether a part's records, made again, are those it was indexed from. */
function sameText(known: PartRecords, fresh: PartRecords): boolean {
  return known.size === fresh.size && [...fresh].every(([number, record]) => known.get(number)?.html === record.html);
}

function entryFile(out: string, part: string): string {
  return path.join(out, SEARCH_FOLDER, part, 'pagefind-entry.json');
}

function stampPath(cacheDir: string, out: string): string {
  return path.join(cacheDir, 'search-index', `${createHash('sha1').update(out).digest('hex').slice(0, 16)}.json`);
}

function readStamps(file: string): Record<string, string> | undefined {
  const text = readCacheText(file, INDEX_FORMAT);
  try {
    return text ? (JSON.parse(text) as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}
