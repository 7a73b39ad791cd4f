import { wordsOf } from './sentences.js';

/**
 * Categories of the config's vocabulary whose terms occur in a story, in config order. Each category is
 * matched by its own name and its configured terms: whole words, any case, any script; a term ending in `*`
 * matches any word starting with it (`санкци*`), and an English term also matches its plural. In a long text
 * a category needs two mentions, or one in the title, so a passing mention does not suggest it.
 */
export function suggestCategories(story: { title: string; text: string }, categories: string[], terms: Record<string, string[]>): string[] {
  const long = wordsOf(story.text).length > 150;
  return categories.filter((category) => {
    const patterns = [category, ...(terms[category] ?? [])].map(termPattern);
    const inTitle = patterns.some((pattern) => pattern.test(story.title));
    const inText = patterns.reduce((count, pattern) => count + (story.text.match(new RegExp(pattern.source, 'giu'))?.length ?? 0), 0);
    return inTitle || inText >= (long ? 2 : 1);
  });
}

function termPattern(term: string): RegExp {
  const prefix = term.endsWith('*');
  const core = (prefix ? term.slice(0, -1) : term).trim();
  const escaped = core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const ending = prefix ? '[\\p{L}\\p{N}]*' : /[a-z]$/i.test(core) ? "(?:s|es|'s|’s)?" : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${ending}(?![\\p{L}\\p{N}])`, 'iu');
}
