import type Handlebars from 'handlebars';
import type { TemplateSet } from '../template-set.js';
import { Parser } from 'htmlparser2';
import type { TextCache } from '../types.js';
import { chainStyles, type InlineRules } from './chain-styles.js';
import { FragmentInliner, inlineText, type FragmentPlace } from './inline-fragment.js';
import { placeTokens, type TokenPlace } from './place-tokens.js';
import { readsSiteOnly } from './site-only.js';
import { splitTemplate, type Slot, type SplitTemplate } from './split-template.js';

/** An email template compiled once: fills in one issue, or answers undefined when MJML must render it. */
export interface EmailSkeleton {
  fill(context: object): string | undefined;
}

/** MJML to HTML as the direct path runs it (strict validation, same options). */
export type MjmlRunner = (mjml: string) => Promise<string>;

/** What the site-wide parts of the template are rendered with once: the email context without the issue. */
export interface SkeletonContext {
  site: unknown;
  linkBase: string;
}

/**
 * A compiled skeleton, or why the template cannot take the fast path (every email of the run then goes
 * through MJML, with the same result, more slowly). No reason when MJML rejects the skeleton itself: the
 * direct render reports that error.
 */
export type SkeletonResult = { skeleton: EmailSkeleton } | { reason: string | undefined };

/**
 * Compile the template's skeleton: its issue-independent MJML through MJML once (strict validation and
 * inlining included), then a Handlebars template that repeats the skeleton's pieces per loop and fills
 * each slot with its content, inlined as juice would inline it there.
 */
export async function compileEmailSkeleton(
  templates: TemplateSet, name: string, context: SkeletonContext, runMjml: MjmlRunner, cache?: TextCache,
): Promise<SkeletonResult> {
  const source = templates.source(name);
  const split = source === undefined ? undefined : splitTemplate(source);
  if (!split) return { reason: source === undefined ? undefined : NOT_SPLIT };
  if (!readsSiteOnly(split.skeleton, templates)) return { reason: READS_ISSUE };
  const mjml = templates.compile(name, split.skeleton)(context);
  const rules = chainStyles(inlineCss(mjml), cache);
  if (!rules) return { reason: CSS_NEEDS_PAGE };
  let html: string;
  try {
    html = await runMjml(mjml);
  } catch {
    return { reason: undefined };
  }
  const places = placeTokens(html);
  if (!places || html.includes('{{') || html.includes('<%') || !placesOk(places, split)) return { reason: MOVED_BY_MJML };
  return { skeleton: fillTemplate(templates, name, html, places, split, rules) };
}

const NOT_SPLIT = 'the issue\'s content must sit inside <mj-text>, <mj-title> or <mj-preview>, and each loop or '
  + 'conditional between components alone in an <mj-raw> inside an <mj-column>, such as '
  + '<mj-raw>{{#each issue.sections}}</mj-raw> (the comment at the top of monitor\'s own email.mjml.hbs shows how)';
const READS_ISSUE = 'a Handlebars statement outside <mj-text>, <mj-title> and <mj-preview> (or in a partial it calls) '
  + 'reads more than `site` and `linkBase`; move what depends on the issue inside those components';
const CSS_NEEDS_PAGE = 'its inline CSS (<mj-style inline="inline">) has a selector that looks past an element\'s '
  + 'ancestors (siblings, attributes, pseudo-classes such as :first-child) or uses CSS variables; move such rules '
  + 'to an <mj-style> without inline="inline"';
const MOVED_BY_MJML = 'MJML put a piece of the issue\'s content inside a comment (such as an Outlook conditional), '
  + 'in raw text other than <title>, or more than once';

/**
 * The inline CSS MJML gives juice: the text of every `<mj-style inline="inline">` of the head, trimmed
 * and joined (after the newline MJML's head starts it with), read with htmlparser2 as MJML's parser reads it.
 */
function inlineCss(mjml: string): string {
  const parts: string[] = [];
  const open: string[] = [];
  let inline = false;
  let text = '';
  const parser = new Parser({
    onopentag(name, attributes) {
      open.push(name);
      inline = name === 'mj-style' && open.includes('mj-head') && attributes['inline'] === 'inline';
      text = '';
    },
    ontext(chunk) {
      if (inline) text += chunk;
    },
    onclosetag(name) {
      open.pop();
      if (name === 'mj-style' && inline) parts.push(text.trim());
      inline = false;
    },
  }, { xmlMode: true, decodeEntities: false });
  parser.end(mjml);
  return `\n${parts.join('')}`;
}

/** Each marker and body slot exactly once in body text; `<title>` text slots in the title and attributes only. */
function placesOk(places: TokenPlace[], split: SplitTemplate): boolean {
  const seen = new Map<string, number>();
  for (const place of places) {
    const key = `${place.kind}${place.index}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const textSlot = place.kind === 'SLOT' && split.slots[place.index]?.kind === 'text';
    if (textSlot !== (place.context === undefined)) return false;
  }
  const once = (kind: string, count: number) => Array.from({ length: count }, (_, index) => seen.get(`${kind}${index}`));
  return once('MARK', split.markers.length).every((count) => count === 1)
    && split.slots.every((slot, index) => (slot.kind === 'text' ? (seen.get(`SLOT${index}`) ?? 0) >= 1 : seen.get(`SLOT${index}`) === 1));
}

/** Thrown inside the fill template when a slot's content is outside what the inliner handles. */
const NEEDS_MJML = Symbol('needs MJML');

function fillTemplate(
  templates: TemplateSet, name: string, html: string, places: TokenPlace[], split: SplitTemplate, rules: InlineRules,
): EmailSkeleton {
  const pieces: string[] = [];
  const slotPlaces: Array<FragmentPlace | undefined> = [];
  let source = '';
  let at = 0;
  for (const place of places) {
    source += `{{{__monitorPiece ${pieces.length}}}}`;
    pieces.push(html.slice(at, place.start));
    source += place.kind === 'MARK' ? split.markers[place.index] : slotSource(split.slots[place.index]!, slotPlaces.length);
    if (place.kind === 'SLOT') slotPlaces.push(place.context && { context: place.context });
    at = place.end;
  }
  source += `{{{__monitorPiece ${pieces.length}}}}`;
  pieces.push(html.slice(at));
  const template = templates.compile(name, source);
  const inliner = new FragmentInliner(rules);
  const cache = new Map<string, string | undefined>();
  const inline = (index: number, content: string) => {
    const place = slotPlaces[index];
    return place === undefined ? inlineText(content) : inliner.inline(content, place);
  };
  const helpers = {
    __monitorPiece: (index: number) => pieces[index],
    __monitorSlot(this: unknown, index: number, options: Handlebars.HelperOptions) {
      const content = String(options.fn(this)).trim();
      // Short contents (masthead, footer, section titles) repeat from issue to issue; items do not.
      const key = content.length < 400 ? `${index}\u0000${content}` : undefined;
      let filled = key === undefined ? undefined : cache.get(key);
      if (filled === undefined) {
        filled = inline(index, content);
        if (key !== undefined && filled !== undefined && cache.size < 5000) cache.set(key, filled);
      }
      if (filled === undefined) throw NEEDS_MJML;
      return filled;
    },
  };
  return {
    fill(context) {
      try {
        return template(context, { helpers });
      } catch (error) {
        if (error === NEEDS_MJML) return undefined;
        throw error;
      }
    },
  };
}

/** A slot's own Handlebars source, wrapped so its rendered content passes through the inliner. */
function slotSource(slot: Slot, index: number): string {
  return `{{#__monitorSlot ${index}}}${slot.source}{{/__monitorSlot}}`;
}
