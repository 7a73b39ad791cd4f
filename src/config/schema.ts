import * as z from 'zod';
import { httpUrl, oneOf, text } from '../core/fields.js';

/** A headed group of items in an issue, such as "Security and Foreign Policy". */
export const sectionSchema = z.strictObject({
  /** Short name that items use in their `section` field. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a section id is lower-case letters, digits and dashes, such as "security"' }),
  /** Heading shown above the section's items. */
  title: text('a section title'),
});

/** A category of the controlled vocabulary: a name, or a name with the terms that suggest it to `monitor ingest`. */
const categoryEntrySchema = z.union([
  text('a category name').transform((name) => ({ name, terms: [] as string[] })),
  z.strictObject({ name: text('a category name'), terms: z.array(text('a term')).default([]) }),
]);

export const configSchema = z
  .strictObject({
    /** Name of the publication, as in "<title> No. 2359". */
    title: text('the publication title'),
    /** Organisation that publishes it; shown in the footer. */
    publisher: text('the publisher'),
    /** Absolute URL the site is served from, used for feeds, email links and canonical URLs. */
    baseUrl: httpUrl.transform((url) => {
      const { href } = new URL(url);
      return href.endsWith('/') ? href : `${href}/`;
    }),
    /** BCP 47 language tag of the publication, such as "en". */
    language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'expected a language tag such as "en" or "en-US"' }).default('en'),
    /** One-sentence description for feeds and the archive page. */
    description: text('the description').optional(),
    /** Copyright line; `{year}` becomes the year. */
    copyright: text('the copyright line').optional(),
    email: z.strictObject({
      /** Sender, as `Name <address>`. */
      from: text('the sender address'),
      /** Where replies go. */
      replyTo: text('the reply-to address').optional(),
      /** Shown in the email footer and sent as List-Unsubscribe. */
      unsubscribeUrl: httpUrl.optional(),
    }),
    /** Ordered section headings that items may name. */
    sections: z.array(sectionSchema).default([]),
    /** Controlled vocabulary for "Related Categories", in display order. */
    categories: z.array(categoryEntrySchema).default([]),
  })
  .transform(({ categories, ...config }) => ({
    ...config,
    categories: categories.map((category) => category.name),
    /** Terms per category that suggest it for an ingested story. */
    categoryTerms: Object.fromEntries(categories.map((category) => [category.name, category.terms])) as Record<string, string[]>,
  }));

/** Publication settings from monitor.config.yaml. */
export type Config = z.infer<typeof configSchema>;
export type Section = z.infer<typeof sectionSchema>;

/** A publication the team cites and may watch, from feeds/sources.yaml. */
export const sourceSchema = z.strictObject({
  /** Name as it appears in citations, such as "The Moscow Times". */
  name: text('the publication name'),
  /** periodical: italic in citations; wire: roman (Reuters, AP, Interfax). */
  style: oneOf(['periodical', 'wire'], 'style is "periodical" or "wire"').default('periodical'),
  /** The publication's home page. */
  homepage: httpUrl.optional(),
  /** RSS or Atom feed watched by `monitor ingest`. */
  feed: httpUrl.optional(),
  /** Let `monitor ingest` fetch this feed from a loopback, link-local or private address (an intranet feed); absent means false. */
  allowPrivate: z.boolean({ error: 'allowPrivate is true or false' }).optional(),
});

export const sourcesSchema = z.array(sourceSchema, { error: 'feeds/sources.yaml is a list of publications, each starting with "- name:"' });

export type Source = z.infer<typeof sourceSchema>;
