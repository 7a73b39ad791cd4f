import type Handlebars from 'handlebars';

/**
 * Helpers of the archive's templates (structured data, the search script):
 * - `json value`: the value as JSON that is safe inside `<script>`: `<`, `>` and `&` are written as
 *   `\u003c`..., so a headline holding `</script>` cannot end the script element; use it with `{{{ }}}`.
 * - `add a b`: a sum, for 1-based positions (`{{add @index 1}}`).
 * - `absolute path`: a path relative to the site root as an absolute URL on `site.baseUrl`.
 */
export function registerArchiveHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('json', (value: unknown) => scriptSafeJson(value));
  handlebars.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  handlebars.registerHelper('absolute', (path: unknown, options: Handlebars.HelperOptions) => {
    const base = (options.data?.root as { site?: { baseUrl?: string } })?.site?.baseUrl;
    return base ? new URL(String(path ?? ''), base).href : String(path ?? '');
  });
}

const UNSAFE_IN_SCRIPT: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/[<>&\u2028\u2029]/g, (character) => UNSAFE_IN_SCRIPT[character]!);
}
