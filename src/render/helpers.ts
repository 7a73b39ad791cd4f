import type Handlebars from 'handlebars';
import { registerArchiveHelpers } from './archive-helpers.js';

/**
 * The few helpers templates need. They compute small values; markup stays in the templates.
 * - `eq a b`: equality, for `{{#if (eq style "periodical")}}`.
 * - `or a b ...`: the first truthy argument, for `{{#if (or issue.previous issue.next)}}`.
 * - `contains text part`: whether `text` includes `part` (the copyright line already names the publisher).
 * - `rule text "="`: a line of the character as long as `text`, to underline a heading in plain text.
 * - `upper text`: capitals in the publication's language (section titles in plain text).
 */
export function registerHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find(Boolean) ?? false);
  handlebars.registerHelper('contains', (text: unknown, part: unknown) =>
    typeof text === 'string' && typeof part === 'string' && part !== '' && text.includes(part),
  );
  handlebars.registerHelper('rule', (text: unknown, character: unknown) =>
    (typeof character === 'string' ? character : '-').repeat([...String(text ?? '')].length),
  );
  handlebars.registerHelper('upper', function (this: unknown, text: unknown, options: Handlebars.HelperOptions) {
    const language = (options.data?.root as { site?: { language?: string } })?.site?.language;
    return String(text ?? '').toLocaleUpperCase(language);
  });
  registerArchiveHelpers(handlebars);
}
