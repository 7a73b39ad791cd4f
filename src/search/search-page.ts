/**
 * The archive's search page, in the reader's browser (dist/search/search-page.js, loaded by
 * web/search.hbs with MiniSearch beside it): reads the query from the page's form or its address, fetches
 * the index's list of documents and the term files of the query's words only, and lists each matching
 * item with its issue, date, headline and a snippet with the words found highlighted. Text from the
 * index is always set as text, never parsed as HTML.
 */
import { ArchiveIndex, type FoundIssue } from './archive-index.js';
import { INDEX_FOLDER, searchTerm } from './search-terms.js';

const ISSUES_AT_ONCE = 10;
const SNIPPET_WORDS = 30;
const root = new URL('../', import.meta.url);
const language = document.documentElement.lang || 'en';

const issuePages = new Map<string, Promise<Document>>();

/** An issue's page as the reader sees it, where the results find its items by their anchors. */
function issuePage(number: string): Promise<Document> {
  let page = issuePages.get(number);
  if (!page) {
    page = fetch(new URL(`issues/${number}/`, root)).then(async (response) => {
      if (!response.ok) throw new Error(`issues/${number}/: ${response.status}`);
      return new DOMParser().parseFromString(await response.text(), 'text/html');
    });
    issuePages.set(number, page);
  }
  return page;
}

/** Made once, with the page: a date format is slow to make (tens of milliseconds), and quick to use. */
const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });

function dateText(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Words at even places, what separates them at odd ones. */
function wordsOf(text: string): string[] {
  return text.split(/([\n\r\p{Z}\p{P}]+)/u);
}

/** Whether `parts[place]` (of wordsOf) is a word the index matched. */
function isFound(part: string, place: number, found: ReadonlySet<string>): boolean {
  return place % 2 === 0 && found.has(searchTerm(part) ?? '');
}

function holds(text: string, found: ReadonlySet<string>): boolean {
  return wordsOf(text).some((part, place) => isFound(part, place, found));
}

/** `text` as nodes, its words that the index matched in <mark>; cut to about SNIPPET_WORDS words around the first one. */
function highlighted(text: string, found: ReadonlySet<string>, cut: boolean): Node[] {
  const parts = wordsOf(text);
  let start = 0;
  let end = parts.length;
  if (cut) {
    const first = Math.max(0, parts.findIndex((part, place) => isFound(part, place, found)));
    start = Math.max(0, first - Math.floor(SNIPPET_WORDS / 3) * 2);
    end = Math.min(parts.length, start + SNIPPET_WORDS * 2);
  }
  const nodes: Node[] = start > 0 ? [document.createTextNode('… ')] : [];
  for (let place = start; place < end; place += 1) {
    const part = parts[place]!;
    if (isFound(part, place, found)) {
      const mark = document.createElement('mark');
      mark.textContent = part;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(part));
  }
  if (end < parts.length) nodes.push(document.createTextNode(' …'));
  return nodes;
}

/** One item of an issue's page: its headline, and the rest of the element around it (an <article> in monitor's templates). */
interface PageItem {
  anchor: string;
  headline: string;
  text: string;
}

function pageItem(page: Document, anchor: string): PageItem | undefined {
  const heading = page.getElementById(anchor);
  if (!heading) return undefined;
  const around = heading.closest('article') ?? heading.parentElement ?? heading;
  const headline = (heading.textContent ?? '').trim();
  const whole = (around.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { anchor, headline, text: whole.startsWith(headline) ? whole.slice(headline.length).trim() : whole };
}

/** The entries of one issue found: its items (in the category chosen) that hold a word found, or its first such item. */
async function issueEntries(result: FoundIssue, category: string): Promise<HTMLLIElement[]> {
  const number = String(result.id);
  const page = await issuePage(number);
  const found = new Set(result.terms);
  const entries = result.items.filter(([, ...categories]) => !category || categories.includes(category));
  const items = entries.map(([anchor]) => pageItem(page, anchor)).filter((item): item is PageItem => item !== undefined);
  const holding = items.filter((item) => holds(`${item.headline} ${item.text}`, found));
  return (holding.length > 0 ? holding : items.slice(0, 1)).map((item) => resultEntry(number, result.date, item, found));
}

function resultEntry(number: string, date: string, item: PageItem, found: ReadonlySet<string>): HTMLLIElement {
  const entry = document.createElement('li');
  entry.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = new URL(`issues/${number}/#${encodeURIComponent(item.anchor)}`, root).href;
  link.append(...highlighted(item.headline, found, false));
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'entry-meta';
  meta.textContent = `No. ${number} · ${dateText(date)}`;
  const snippet = document.createElement('p');
  snippet.append(...highlighted(item.text, found, true));
  entry.append(heading, meta, snippet);
  return entry;
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('main .search-box')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filter = document.querySelector<HTMLElement>('.search-filter')!;
  const category = document.querySelector<HTMLSelectElement>('#search-category')!;
  const status = document.querySelector<HTMLElement>('.search-status')!;
  const list = document.querySelector<HTMLOListElement>('.search-results')!;
  const more = document.querySelector<HTMLButtonElement>('.search-more')!;
  let index: ArchiveIndex;
  let results: FoundIssue[] = [];
  let latest = 0;

  let shown = 0;
  /** Show the next issues found from `from`, each as soon as its page and those before it are in. */
  const show = async (asked: number, from: number) => {
    const entries = results.slice(from, from + ISSUES_AT_ONCE).map((result) => issueEntries(result, category.value));
    if (from === 0) list.replaceChildren();
    shown = Math.min(results.length, from + ISSUES_AT_ONCE);
    more.hidden = true;
    for (const issue of entries) {
      const items = await issue;
      if (asked !== latest) return;
      list.append(...items);
    }
    more.hidden = shown >= results.length;
  };

  const run = async () => {
    const query = input.value.trim();
    const asked = ++latest;
    const url = new URL(location.href);
    url.searchParams.set('q', query);
    if (category.value) url.searchParams.set('category', category.value);
    else url.searchParams.delete('category');
    history.replaceState(null, '', url);
    results = query === '' ? [] : await index.search(query, category.value);
    if (asked !== latest) return;
    const count = `${results.length} ${results.length === 1 ? 'issue' : 'issues'}`;
    status.textContent = query === '' ? '' : results.length === 0 ? `Nothing found for “${query}”.` : `${count} found for “${query}”.`;
    await show(asked, 0);
  };

  const failed = () => {
    status.textContent = 'The search index could not be loaded. Opened from the disk, the archive cannot search: browse it with `monitor preview`, or on the published site.';
  };

  ArchiveIndex.load(new URL(`${INDEX_FOLDER}/`, root)).then((loaded) => {
    index = loaded;
    if (index.size === 0) {
      status.textContent = 'No issue has been published yet, so there is nothing to search.';
      return;
    }
    const params = new URL(location.href).searchParams;
    input.value = params.get('q') ?? '';
    category.value = params.get('category') ?? '';
    filter.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run().catch(failed);
    });
    input.addEventListener('input', () => run().catch(failed));
    category.addEventListener('change', () => run().catch(failed));
    more.addEventListener('click', () => show(latest, shown).catch(failed));
    return run();
  }).catch(failed);
}

start();
