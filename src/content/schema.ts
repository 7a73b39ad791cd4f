import { z } from 'zod';
import { httpUrl, isoDate, oneOrMany, text } from '../core/fields.js';

/** A story an item cites, rendered in its citation as `Publication, Month D, YYYY`. */
export const sourceRefSchema = z.strictObject({
  /** Name of the publication, ideally one listed in feeds/sources.yaml. */
  publication: text('the publication'),
  /** Date the story appeared. */
  date: isoDate,
  /** Link to the story (http or https). */
  url: httpUrl.optional(),
});

/** Front matter of issues/<N>/issue.md. */
export const issueFrontMatterSchema = z.strictObject({
  /** The issue's number; equals its folder name. */
  number: z.number({ error: 'expected the issue number as a whole number, such as 2359' }).int().positive(),
  /** Publication date. */
  date: isoDate,
  /** One author or a list of them. */
  author: oneOrMany('an author'),
  /** Drafts are built for preview but never enter feeds or the archive index. */
  status: z.enum(['draft', 'published'], { error: 'status is "draft" or "published"' }).default('draft'),
  /** "Related Categories" as the editor wants them; when absent, derived from the items. */
  categories: z.array(text('a category')).optional(),
  /** Email preview line; when absent, the headlines joined by "; ". */
  preheader: text('the preheader').optional(),
  /** Email subject; when absent, "<title> No. <N>: <first headline>". */
  subject: text('the subject').optional(),
});

/** Front matter of an item, issues/<N>/<NN>-<slug>.md. */
export const itemFrontMatterSchema = z.strictObject({
  /** Headline in normal case; rendered in capitals. */
  headline: text('the headline'),
  /** Id of a section from the config. */
  section: text('a section id').optional(),
  /** Categories from the config's vocabulary. */
  categories: z.array(text('a category')).default([]),
  /** The stories the item cites; at least one. */
  sources: z.array(sourceRefSchema, { error: 'sources is a list; each entry starts with "- publication:"' }).min(1, {
    error: 'an item needs at least one source, such as:\nsources:\n  - publication: Reuters\n    date: 2019-12-29',
  }),
});

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type IssueFrontMatter = z.infer<typeof issueFrontMatterSchema>;
export type ItemFrontMatter = z.infer<typeof itemFrontMatterSchema>;
