import { stringify } from 'yaml';
import type { Config, Source } from '../config/schema.js';
import { closestName } from '../core/suggest.js';
import { storySlug } from '../core/story-slug.js';
import type { CitedSource, PublishedIssue } from './types.js';

/** A file an import writes, relative to the issue's folder. */
export interface PlannedFile {
  name: string;
  text: string;
}

/** A name the issue uses that the publication's settings do not know. */
export interface UnknownName {
  kind: 'category' | 'publication';
  name: string;
  /** The closest known name, if one is close. */
  closest: string | undefined;
  /** For a publication: its style as printed. */
  style?: CitedSource['style'];
}

/** An issue's files, with the names they use in the spelling the settings give. */
export interface IssuePlan {
  files: PlannedFile[];
  unknown: UnknownName[];
  /** What was read but not kept as printed: styles that differ from feeds/sources.yaml, unknown sections. */
  styleNotes: string[];
}

/** The settings names are matched against. */
export interface KnownNames {
  config: Pick<Config, 'categories' | 'sections'>;
  sources: Source[];
}

/** Plan `issue.md` and one `<NN>-<slug>.md` per item, in the formats `monitor validate` reads. */
export function planIssueFiles(issue: PublishedIssue, known: KnownNames, status: 'draft' | 'published'): IssuePlan {
  const unknown: UnknownName[] = [];
  const styleNotes: string[] = [];
  const category = (name: string) => {
    const match = known.config.categories.find((known) => known.toLowerCase() === name.toLowerCase());
    if (!match) unknown.push({ kind: 'category', name, closest: closestName(name, known.config.categories) });
    return match ?? name;
  };
  const publication = (cited: CitedSource) => {
    const match = known.sources.find((source) => source.name.toLowerCase() === cited.publication.toLowerCase());
    if (!match) {
      const names = known.sources.map((source) => source.name);
      if (!unknown.some((name) => name.name === cited.publication)) {
        unknown.push({ kind: 'publication', name: cited.publication, closest: closestName(cited.publication, names), style: cited.style });
      }
    } else if (match.style !== cited.style) {
      styleNotes.push(`${match.name} is printed in ${cited.style === 'periodical' ? 'italics' : 'roman'}, but feeds/sources.yaml gives it style: ${match.style}`);
    }
    return match?.name ?? cited.publication;
  };
  const section = (title: string | undefined) => {
    if (title === undefined) return {};
    const match = known.config.sections.find((known) => known.title.toLowerCase() === title.toLowerCase());
    if (!match) styleNotes.push(`the section "${title}" is not in monitor.config.yaml, so its items were imported without a section`);
    return match ? { section: match.id } : {};
  };
  const categories = issue.categories.map(category);
  const header = frontMatter({
    number: issue.number,
    date: issue.date,
    author: issue.authors.length === 1 ? issue.authors[0] : issue.authors,
    status,
    ...(categories.length > 0 ? { categories } : {}),
  });
  const files: PlannedFile[] = [{ name: 'issue.md', text: `${header}${issue.note.length > 0 ? `${issue.note.join('\n\n')}\n` : ''}` }];
  const width = Math.max(2, String(issue.items.length).length);
  for (const [index, item] of issue.items.entries()) {
    const sources = item.sources.map((source) => ({
      publication: publication(source), date: source.date, ...(source.url ? { url: source.url } : {}),
    }));
    files.push({
      name: `${String(index + 1).padStart(width, '0')}-${storySlug(item.headline)}.md`,
      text: `${frontMatter({ headline: item.headline, ...section(item.section), sources })}${item.paragraphs.join('\n\n')}\n`,
    });
  }
  return { files, unknown, styleNotes: [...new Set(styleNotes)] };
}

function frontMatter(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n`;
}
