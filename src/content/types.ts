import type { Config, Source } from '../config/schema.js';
import type { Place } from '../core/problems.js';
import type { FieldPath } from '../core/yaml-document.js';
import type { SourceRef } from './schema.js';

export type { SourceRef } from './schema.js';

/** Finds the place of a front-matter field in its file, for messages about it. */
export type Locate = (path: FieldPath) => Place;

/** One story of an issue, read from issues/<N>/<NN>-<slug>.md. */
export interface Item {
  /** Path relative to the publication root. */
  file: string;
  /** The NN prefix of the file name, which orders items in the issue. */
  order: number;
  /** The file name's slug, after the prefix; used for the item's anchor. */
  slug: string;
  /** Headline in normal case. */
  headline: string;
  /** Section id from the config, if the item belongs to one. */
  section: string | undefined;
  /** Categories from the config's vocabulary. */
  categories: string[];
  /** Cited stories, in citation order. */
  sources: SourceRef[];
  /** Markdown body. */
  body: string;
  /** File line where the body starts. */
  bodyLine: number;
  /** Place of a front-matter field. */
  locate: Locate;
}

/** A numbered issue, read from issues/<N>/issue.md and its item files. */
export interface Issue {
  /** Path of issue.md relative to the publication root. */
  file: string;
  /** Name of the issue's folder (should equal `number`). */
  folder: string;
  number: number;
  /** Publication date, `YYYY-MM-DD`. */
  date: string;
  authors: string[];
  status: 'draft' | 'published';
  /** Related Categories as written by the editor; undefined to derive them from the items. */
  categories: string[] | undefined;
  preheader: string | undefined;
  subject: string | undefined;
  /** The editor's note (Markdown), possibly empty. */
  note: string;
  /** Items ordered by their prefix. */
  items: Item[];
  /** Place of a front-matter field of issue.md. */
  locate: Locate;
}

/** Everything in a publication folder that a build needs. */
export interface Publication {
  /** Absolute path of the publication folder. */
  root: string;
  config: Config;
  /** Publications the team cites, from feeds/sources.yaml. */
  sources: Source[];
  /** Issues ordered by number, oldest first. */
  issues: Issue[];
}
