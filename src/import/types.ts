/** A paragraph-sized piece of a published issue, with the line of the input file it starts on. */
export interface Block {
  /** One line of text: Markdown inline marks (`*italic*`, `[text](url)`) kept, wrapped lines joined. */
  text: string;
  /** Line in the input file, counted from 1. */
  line: number;
}

/** One source of a citation, as the published text gives it. */
export interface CitedSource {
  publication: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The article the publication's name linked to, when it did. */
  url: string | undefined;
  /** Italic in the citation (a periodical) or roman (a wire service). */
  style: 'periodical' | 'wire';
}

/** An item of a published issue: its headline as printed, its paragraphs, its parsed citation. */
export interface PublishedItem {
  /** The headline in normal case (published in capitals). */
  headline: string;
  /** Markdown paragraphs, the citation taken off the last one. */
  paragraphs: string[];
  sources: CitedSource[];
  /** The title of the section the item appeared under, if any. */
  section: string | undefined;
  line: number;
}

/** A published issue read back from its text. */
export interface PublishedIssue {
  /** The publication's title, as in "<title> No. <number>". */
  title: string;
  number: number;
  /** `YYYY-MM-DD`. */
  date: string;
  authors: string[];
  /** "Related Categories", in the order printed. */
  categories: string[];
  /** Paragraphs between the categories and the first headline: the editor's note. */
  note: string[];
  items: PublishedItem[];
  /** Blocks after an item's citation that belong to no item (a share button's text), left out. */
  leftOut: Block[];
}

/** Why an input could not be read as an issue, and where. */
export interface ImportFault {
  /** The input file, as the editor named it. */
  file: string;
  line: number;
  message: string;
}
