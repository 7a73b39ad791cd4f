import * as z from 'zod';
import { httpUrl, isoDate, oneOf, oneOrMany, text } from '../core/fields.js';

/** A story an item cites, rendered in its citation as `Publication, Month D, YYYY`. */
export const sourceRefSchema = z.strictObject({
  /** Name of the publication, ideally one listed in feeds/sources.yaml. */
  publication: text('the publication'),
  /** Date the story appeared. */
  date: isoDate,
  /** Link to the story (http or https). */
  url: httpUrl.optional(),
}, { error: (issue) => (issue.code === 'invalid_type' ? writtenAsSource(issue.input) : undefined) });

/** A source written as one word or line (`- Reuters`) instead of a publication and a date: how to write it. */
function writtenAsSource(input: unknown): string {
  const name = typeof input === 'string' && input.trim() !== '' ? input.trim() : 'Reuters';
  const written = typeof input === 'string' || typeof input === 'number' ? `written as "${String(input)}"` : 'not written as a source';
  return `${written}; a source is a publication and the date of its story, such as:\n  - publication: ${name}\n    date: 2019-12-29`;
}

const WHOLE_NUMBER = 'expected the issue number as a whole number, such as 2359';

/** Front matter of issues/<N>/issue.md. */
export const issueFrontMatterSchema = z.strictObject({
  /** The issue's number; equals its folder name. */
  number: z.number({ error: WHOLE_NUMBER }).int({ error: WHOLE_NUMBER }).positive({ error: WHOLE_NUMBER }),
  /** Publication date. */
  date: isoDate,
  /** One author or a list of them. */
  author: oneOrMany('an author'),
  /** Drafts are built for preview but never enter feeds or the archive index. */
  status: oneOf(['draft', 'published'], 'status is "draft" or "published"').default('draft'),
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
