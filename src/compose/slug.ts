const slugs = new Map<string, string>();

/** A URL-safe slug: `Human Rights and Humanitarian Issues` -> `human-rights-and-humanitarian-issues`. */
export function slugify(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = makeSlug(name);
    // Category names are a small vocabulary: remembering them all is cheap.
    if (slugs.size < 10_000) slugs.set(name, slug);
  }
  return slug;
}

function makeSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'category';
}

/** Join names as a person would: `A`, `A and B`, `A, B and C`. */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
