import Handlebars from 'handlebars';
import { MonitorError } from '../core/errors.js';
import { registerHelpers } from './helpers.js';
import { PRECOMPILED } from './precompiled.js';
import { memoisablePartials, rememberByContext } from './pure-partials.js';
import { textKey } from '../core/text-key.js';
import type { SiteFile, TemplateSources } from './types.js';

/** The compiled templates of one publication, rendered by name (`web/issue.hbs`). */
export interface TemplateSet {
  render(name: string, context: object): string;
  /** The template's source, or undefined when the set has no such template. */
  source(name: string): string | undefined;
  /**
   * Compile more Handlebars source in the set's own instance (its partials and helpers), with the options
   * a template of that name gets; `helpers` are registered for it alone, as render-time helpers.
   */
  compile(name: string, source: string): HandlebarsTemplateDelegate;
  /** Names of the registered helpers, such as `eq` and `upper`. */
  helperNames(): string[];
}

/** Plain-text templates are compiled without HTML escaping: `text.hbs` and `partials/text-*.hbs`. */
function isPlainText(name: string): boolean {
  return name === 'text.hbs' || name.startsWith('partials/text-');
}

/**
 * Compile every `.hbs` template once, in a Handlebars instance of its own, with the files of `partials/`
 * registered as partials by their name (`partials/item.hbs` -> `{{> item}}`). A syntax error becomes a
 * MonitorError naming the template file and line. A partial that depends on its context alone and is
 * called from several templates renders once per context object (memoisablePartials).
 */
export function compileTemplates(sources: TemplateSources): TemplateSet {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const { compiled, memoisable } = compileEach(handlebars, sources);
  for (const [name, template] of compiled) {
    if (!name.startsWith('partials/')) continue;
    const partial = name.slice('partials/'.length, -'.hbs'.length);
    handlebars.registerPartial(partial, memoisable.includes(partial) ? rememberByContext(template) : template);
  }
  return {
    source: (name) => sources.get(name),
    compile: (name, source) => handlebars.compile(parse(handlebars, name, source), compileOptions(name)),
    helperNames: () => Object.keys(handlebars.helpers),
    render(name, context) {
      const template = compiled.get(name);
      if (!template) throw new MonitorError(`The template ${templateFile(name)} is missing; restore it from monitor's templates/ folder.`);
      try {
        return template(context);
      } catch (error) {
        throw templateError(name, error);
      }
    },
  };
}

/** The templates of a set by name, and the partials to memoise. */
interface Compiled {
  compiled: Map<string, HandlebarsTemplateDelegate>;
  memoisable: string[];
}

/**
 * Every `.hbs` template parsed now (a syntax error fails here) and either taken as monitor's own
 * template, compiled when monitor was (precompiled.ts), or compiled by Handlebars on first use. Nothing
 * compiled is kept between runs: code read back from a cache would be code that anyone able to write
 * the cache folder could change.
 */
function compileEach(handlebars: typeof Handlebars, sources: TemplateSources): Compiled {
  const hbsSources = [...sources].filter(([name]) => name.endsWith('.hbs'));
  const parsed = new Map(hbsSources.map(([name, source]) => [name, parse(handlebars, name, source)]));
  const compiled = new Map(hbsSources.map(([name, source]) => [name, precompiled(handlebars, name, source) ?? handlebars.compile(parsed.get(name)!, compileOptions(name))]));
  return { compiled, memoisable: [...memoisablePartials(parsed, new Set(Object.keys(handlebars.helpers)))] };
}

/** monitor's own compiled code of the template, when `source` is the source it was compiled from. */
function precompiled(handlebars: typeof Handlebars, name: string, source: string): HandlebarsTemplateDelegate | undefined {
  const known = PRECOMPILED.get(name);
  if (known?.source !== source) return undefined;
  try {
    return handlebars.template(known.spec);
  } catch {
    return undefined; // compiled by another version of Handlebars
  }
}

/** The code `npm run compile` ships for one of monitor's own templates: what compileTemplates would compile at run time. */
export function precompileTemplate(name: string, source: string): string {
  const handlebars = Handlebars.create();
  return String(handlebars.precompile(parse(handlebars, name, source), compileOptions(name)));
}

/**
 * Parse a template now, so that a syntax error fails here, naming its file; compile takes the tree
 * rather than parsing it again (and compiles it on first use).
 */
function parse(handlebars: typeof Handlebars, name: string, source: string): hbs.AST.Program {
  try {
    return handlebars.parseWithoutProcessing(source);
  } catch (error) {
    throw templateError(name, error);
  }
}

function compileOptions(name: string): CompileOptions {
  return { noEscape: isPlainText(name), strict: false, preventIndent: true };
}

/**
 * A file of the site rendered from one template (types.ts: SiteFile), keyed by the template's name and
 * its context; `listed` stands in the key for what `more` adds to the context only when rendering.
 */
export function siteFile(set: TemplateSet, path: string, template: string, context: object, listed: string[] = [], more?: () => object): SiteFile {
  return { path, key: textKey(template, JSON.stringify(context), ...listed), render: () => set.render(template, more ? { ...context, ...more() } : context) };
}

export function templateFile(name: string): string {
  return `templates/${name}`;
}

/** A Handlebars failure as our error: the message names the template file and, when Handlebars knows it, the line. */
export function templateError(name: string, error: unknown): MonitorError {
  if (error instanceof MonitorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/i.exec(message)?.[1] ?? (error as { lineNumber?: number })?.lineNumber ?? 0);
  const where = line > 0 ? `${templateFile(name)}:${line}` : templateFile(name);
  const detail = message.split('\n').map((text) => text.trimEnd()).filter(Boolean).join('\n  ');
  return new MonitorError(`${where}: the template failed: ${detail}`, { cause: error });
}
