import Handlebars from 'handlebars';
import { MonitorError } from '../../core/errors.js';
import type { TemplateSources } from '../types.js';
import { feedFields } from './feed-fields.js';
import type { Feed } from './feed-model.js';
import { cdata } from './feed-text.js';

/** Template names of the XML feeds, under the publication's templates/ (or the bundled defaults). */
export const FEED_TEMPLATES = { rss: 'feeds/rss.xml.hbs', atom: 'feeds/atom.xml.hbs' } as const;

/** Writes a feed in each format; `selfUrl` is the absolute URL the file will be served from. */
export interface FeedFormats {
  rss(feed: Feed, selfUrl: string): string;
  atom(feed: Feed, selfUrl: string): string;
  json(feed: Feed, selfUrl: string): string;
}

/**
 * Compile the feed templates once. Each format gets the feed with its text fields placed as that format's
 * fields want them (feedFields: RSS's `description` is HTML, so `summary` and `description` reach the RSS
 * template HTML-escaped). Handlebars' `{{ }}` then escapes `& < > " ' \` =` as entities XML
 * understands; `{{{cdata html}}}` wraps the issue HTML for `content:encoded`. JSON Feed is built as an
 * object and serialised, since JSON has no markup to override and a template could only break its escaping.
 */
export function compileFeedFormats(templates: TemplateSources): FeedFormats {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('cdata', (text: unknown) => new handlebars.SafeString(cdata(String(text ?? ''))));
  const compile = (name: string) => {
    const source = templates.get(name);
    if (source === undefined) throw new MonitorError(`template ${name} is missing; restore it from the bundled templates/ or run "monitor init" in a new folder to get a copy`);
    try {
      return handlebars.compile(source, { noEscape: false });
    } catch (cause) {
      throw new MonitorError(`template ${name}: ${(cause as Error).message}`, { cause });
    }
  };
  const rss = compile(FEED_TEMPLATES.rss);
  const atom = compile(FEED_TEMPLATES.atom);
  const render = (name: string, template: Handlebars.TemplateDelegate, context: object) => {
    try {
      return template(context);
    } catch (cause) {
      throw new MonitorError(`template ${name}: ${(cause as Error).message}`, { cause });
    }
  };
  return {
    rss: (feed, selfUrl) => render(FEED_TEMPLATES.rss, rss, Object.assign(feedFields(feed, 'rss'), { selfUrl })),
    atom: (feed, selfUrl) => render(FEED_TEMPLATES.atom, atom, Object.assign(feedFields(feed, 'atom'), { selfUrl })),
    json: (feed, selfUrl) => `${JSON.stringify(jsonFeed(feedFields(feed, 'json'), selfUrl), null, 2)}\n`,
  };
}

/** The feed as a JSON Feed 1.1 object (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(feed: Feed, selfUrl: string): object {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: selfUrl,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.publisher }],
    items: feed.entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.content,
      date_published: entry.published,
      authors: entry.authors.map((name) => ({ name })),
      tags: entry.categories.map((category) => category.name),
      language: entry.language,
    })),
  };
}
