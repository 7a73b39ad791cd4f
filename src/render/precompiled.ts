/**
 * monitor's own templates (templates/), compiled to code by `npm run compile` into
 * lib/precompiled-templates.js (scripts/precompile-templates.js): code of the package, shipped and trusted
 * like the rest of lib/, never read from a cache. A template is taken from here only when its source is
 * the very source it was compiled from, so a publication's own copy is compiled as it stands. Run from
 * src/ (the tests), or when the file is missing or was made by another Handlebars, nothing is here and
 * every template is compiled at run time, with the same result.
 */
export interface PrecompiledTemplate {
  source: string;
  /** Handlebars' compiled form (its global TemplateSpecification type). */
  spec: TemplateSpecification;
}

const FILE = new URL('../precompiled-templates.js', import.meta.url);

export const PRECOMPILED: ReadonlyMap<string, PrecompiledTemplate> = await import(FILE.href).then(
  (module: { default: ReadonlyMap<string, PrecompiledTemplate> }) => module.default,
  () => new Map(),
);
