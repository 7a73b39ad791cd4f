import Handlebars from 'handlebars';
import { MonitorError } from '../../core/errors.js';
import { PACKAGE_ROOT } from '../../core/package-root.js';
import { readTemplates } from '../../render/index.js';
import { templateError } from '../../render/template-set.js';

/** The preview's own pages, from templates/preview/<name>.hbs. */
export type PreviewTemplateName = 'issue' | 'index' | 'banner' | 'reload-script' | 'not-found' | 'triage';

/** The compiled preview templates; each file of templates/preview/ is also a partial by its name (`{{> problems}}`). */
export interface PreviewTemplates {
  render(name: PreviewTemplateName, view: object): string;
}

const FOLDER = 'preview/';

/** The bundled templates/preview/ files, overlaid by the publication's own, keyed by name without `.hbs`. */
export async function readPreviewTemplates(root: string): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const [name, source] of await readTemplates(root)) {
    if (name.startsWith(FOLDER) && name.endsWith('.hbs')) sources.set(name.slice(FOLDER.length, -'.hbs'.length), source);
  }
  return sources;
}

/** monitor's own preview templates, ignoring any publication's: what the preview falls back on. */
export async function bundledPreviewTemplates(): Promise<PreviewTemplates> {
  return compilePreviewTemplates(await readPreviewTemplates(PACKAGE_ROOT));
}

/**
 * The publication's preview templates, falling back on the bundled ones where they fail, so a broken override
 * cannot hide the errors the preview exists to show. (The site build reports a syntax error in them itself.)
 */
export async function loadPreviewTemplates(root: string, bundled: PreviewTemplates, log: (line: string) => void): Promise<PreviewTemplates> {
  let own: PreviewTemplates;
  try {
    own = compilePreviewTemplates(await readPreviewTemplates(root));
  } catch (error) {
    log(`${(error as Error).message}\nthe preview uses monitor's own preview templates`);
    return bundled;
  }
  const reported = new Set<string>();
  return {
    render(name, view) {
      try {
        return own.render(name, view);
      } catch (error) {
        if (!reported.has(name)) log(`${(error as Error).message}\nthe preview uses monitor's own templates/preview/${name}.hbs`);
        reported.add(name);
        return bundled.render(name, view);
      }
    },
  };
}

/** Compile in a Handlebars instance of the preview's own, HTML-escaped; `{{{json value}}}` writes a value into a script. */
export function compilePreviewTemplates(sources: ReadonlyMap<string, string>): PreviewTemplates {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('json', scriptJson);
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, source] of sources) {
    try {
      handlebars.parse(source);
    } catch (error) {
      throw templateError(`${FOLDER}${name}.hbs`, error);
    }
    const template = handlebars.compile(source, { strict: false, preventIndent: true });
    compiled.set(name, template);
    handlebars.registerPartial(name, template);
  }
  return {
    render(name, view) {
      const template = compiled.get(name);
      if (!template) throw new MonitorError(`The template templates/${FOLDER}${name}.hbs is missing; restore it from monitor's templates/ folder.`);
      try {
        return template(view);
      } catch (error) {
        throw templateError(`${FOLDER}${name}.hbs`, error);
      }
    },
  };
}

/** JSON that cannot end the script element it stands in. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
