/**
 * A headline from a feed title: no site suffix (` - The Moscow Times`, ` | Site`), no trailing full stop,
 * spaces collapsed. A ` - ` suffix is removed only when it names the publication or the feed, since
 * headlines may contain a dash; a ` | ` suffix nearly always names the site.
 */
export function tidyHeadline(title: string, siteNames: (string | undefined)[]): string {
  let headline = title.replace(/\s+/g, ' ').trim();
  const names = siteNames.filter((name): name is string => Boolean(name?.trim())).map((name) => name.trim().toLowerCase());
  const suffix = /\s+([-–—|:])\s+([^-–—|]+)$/.exec(headline);
  if (suffix && (suffix[1] === '|' || names.includes(suffix[2]!.trim().toLowerCase()))) {
    headline = headline.slice(0, suffix.index).trim();
  }
  return headline.replace(/(?<!\.)\.$/, '').trim();
}
