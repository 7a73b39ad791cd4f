import { composedIssue } from '../compose/index.js';
import type { IssueOutline, PublicationInfo } from '../compose/types.js';
import { textKey as hash } from '../core/text-key.js';
import type { TemplateSources } from '../render/types.js';
import type { OutputFile } from './render-site.js';
import type { SitePlan } from './plan-site.js';

/**
 * The hashes of one composed issue, neither of which depends on its previous/next links: everything but
 * its items and links, and its sections and items.
 */
export interface IssueHashes {
  header: string;
  body: string;
}

/** Hashes of an issue computed by an earlier build, when its inputs are known to be unchanged. */
export type RememberedHashes = (issue: IssueOutline) => IssueHashes | undefined;

/** What every output depends on besides its own part of the render model. */
export interface GlobalInputs {
  /** monitor's version and a hash of its own files' stamps. */
  tool: string;
  templates: TemplateSources;
  publication: PublicationInfo;
  drafts: boolean;
  listDrafts: boolean;
}

/** Hash of what every output shares: any change here rebuilds everything. */
export function globalKey(inputs: GlobalInputs): string {
  const templates = [...inputs.templates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return hash(inputs.tool, JSON.stringify(templates), JSON.stringify(inputs.publication), String(inputs.drafts), String(inputs.listDrafts));
}

/** An issue's own files, in its folder: its web page, email and plain text, each a function of the composed issue alone. */
export const ISSUE_FILES = [['index.html', 'page'], ['email.html', 'email'], ['email.txt', 'email']] as const satisfies ReadonlyArray<readonly [string, OutputFile['kind']]>;
export type IssueFileName = (typeof ISSUE_FILES)[number][0];

/**
 * The key of each issue's own files: a hash of the composed issue they render, its previous/next links
 * included (what every output shares is the global key, recorded once beside them). Every other output
 * (stylesheet, archive and category pages, feeds) is keyed by its view, where it is made (render-site.ts).
 */
export function issueKeys(plan: SitePlan, remembered?: RememberedHashes): { keys: Map<string, string>; hashes: Map<number, IssueHashes> } {
  const model = new ModelHashes(remembered);
  const keys = new Map<string, string>();
  const hashes = new Map<number, IssueHashes>();
  for (const { issue } of plan.issues) {
    const key = hash(model.header(issue), JSON.stringify([issue.previous ?? null, issue.next ?? null]), model.body(issue));
    for (const [name] of ISSUE_FILES) keys.set(`${issue.path}${name}`, key);
    hashes.set(issue.number, { header: model.header(issue), body: model.body(issue) });
  }
  return { keys, hashes };
}

/**
 * Hashes of composed issues. An issue whose hashes are remembered (its files and the settings unchanged)
 * is not serialised again; only its links are, as its neighbours may have changed. An outline's hashes
 * are always remembered: one is never hashed (composedIssue throws).
 */
class ModelHashes {
  private readonly known = new WeakMap<IssueOutline, Partial<IssueHashes>>();

  constructor(private readonly remembered: RememberedHashes | undefined) {}

  /** Everything about the issue but its items and its previous/next links (title, date, authors, note...). */
  header(issue: IssueOutline): string {
    const known = this.of(issue);
    return (known.header ??= hash(JSON.stringify({ ...composedIssue(issue), sections: undefined, items: undefined, previous: undefined, next: undefined })));
  }

  /** Its sections with their items, and the items in display order. */
  body(outline: IssueOutline): string {
    const known = this.of(outline);
    if (known.body === undefined) {
      const issue = composedIssue(outline);
      const items = new Map(issue.items.map((item) => [item, hash(JSON.stringify(item))]));
      const sections = issue.sections.map((section) => [section.id ?? null, section.title ?? null, section.items.map((item) => items.get(item))]);
      known.body = hash(JSON.stringify(sections), [...items.values()].join());
    }
    return known.body;
  }

  private of(issue: IssueOutline): Partial<IssueHashes> {
    let known = this.known.get(issue);
    if (!known) this.known.set(issue, (known = this.remembered?.(issue) ?? {}));
    return known;
  }
}

