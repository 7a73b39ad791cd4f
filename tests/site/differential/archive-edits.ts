import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Random } from '../../../bench/random.js';

/**
 * Random edits an editor could make to a generated archive (bench/generate-archive.js), for the
 * differential test: items, headlines, categories, sources, items added, removed and renamed, issues
 * added, deleted, redated and drafted, settings, template overrides, invalid files and their repair,
 * and same-size edits with the mtime restored. Each edit returns what it did, for the failure message.
 */
export class ArchiveEditor {
  /** Files made invalid, with the text to restore (null: the file did not exist). */
  private readonly broken = new Map<string, string | null>();

  constructor(private readonly root: string, private readonly random: Random) {}

  /** One random edit; repairs are likely while something is broken, so most builds succeed. */
  edit(): string {
    if (this.broken.size > 0 && this.random.chance(0.6)) return this.repair();
    const edits: Array<[number, () => string | undefined]> = [
      [4, () => this.editBody()], [3, () => this.sameSizeEdit()], [3, () => this.editHeadline()], [2, () => this.editCategories()],
      [2, () => this.addSource()], [2, () => this.addItem()], [2, () => this.removeItem()], [2, () => this.renameItem()],
      [1, () => this.addIssue()], [1, () => this.deleteIssue()], [2, () => this.redate()], [2, () => this.toggleDraft()],
      [1, () => this.editSettings()], [1, () => this.editSources()], [1, () => this.overrideTemplate()], [1, () => this.breakFile()],
      [1, () => 'nothing'],
    ];
    for (;;) {
      const done = weighted(this.random, edits)();
      if (done) return done;
    }
  }

  private file(relative: string): string {
    return path.join(this.root, relative);
  }

  private read(relative: string): string {
    return readFileSync(this.file(relative), 'utf8');
  }

  private write(relative: string, text: string): void {
    mkdirSync(path.dirname(this.file(relative)), { recursive: true });
    writeFileSync(this.file(relative), text);
  }

  private issueFolders(): string[] {
    return readdirSync(this.file('issues')).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(a) - Number(b));
  }

  private items(folder = this.random.pick(this.issueFolders())): string[] {
    return readdirSync(this.file(`issues/${folder}`)).filter((name) => name !== 'issue.md' && name.endsWith('.md')).map((name) => `issues/${folder}/${name}`);
  }

  /** A random valid item file (not a broken one), or undefined. */
  private anyItem(): string | undefined {
    const items = this.items().filter((file) => !this.broken.has(file));
    return items.length > 0 ? this.random.pick(items) : undefined;
  }

  private change(relative: string | undefined, what: string, change: (text: string) => string): string | undefined {
    if (!relative || this.broken.has(relative)) return undefined;
    this.write(relative, change(this.read(relative)));
    return `${what} ${relative}`;
  }

  private editBody(): string | undefined {
    const word = this.random.pick(['Officials', 'Regional', 'Critics', 'Lawmakers']);
    return this.change(this.anyItem(), 'body of', (text) => `${text.trimEnd()}\n\n${word} said more on ${this.random.int(1, 28)} March.\n`);
  }

  /** One letter of the body changed for another, the file's size and mtime kept: only its ctime tells. */
  private sameSizeEdit(): string | undefined {
    const relative = this.anyItem();
    if (!relative) return undefined;
    const { atime, mtime } = statSync(this.file(relative));
    const text = this.read(relative);
    const at = text.lastIndexOf('e');
    if (at < 0) return undefined;
    this.write(relative, `${text.slice(0, at)}${this.random.pick(['a', 'o', 'u'])}${text.slice(at + 1)}`);
    utimesSync(this.file(relative), atime, mtime);
    return `same-size edit of ${relative}`;
  }

  private editHeadline(): string | undefined {
    const headline = `${this.random.pick(['Duma', 'Cabinet', 'Kremlin', 'Court'])} ${this.random.pick(['weighs', 'drops', 'revives'])} plan ${this.random.int(1, 999)}`;
    return this.change(this.anyItem(), 'headline of', (text) => text.replace(/^headline: .*$/m, `headline: ${headline}`));
  }

  private editCategories(): string | undefined {
    const chosen = this.random.sample(CATEGORIES, this.random.int(0, 3));
    const line = chosen.length === 0 ? '' : `categories: [${chosen.join(', ')}]\n`;
    return this.change(this.anyItem(), `categories [${chosen.join(', ')}] of`, (text) => text.replace(/^categories: .*\n/m, '').replace(/^sources:/m, `${line}sources:`));
  }

  private addSource(): string | undefined {
    const name = this.random.pick([...SOURCES, 'An Unlisted Weekly']);
    const source = `  - publication: ${name}\n    date: 1978-0${this.random.int(1, 9)}-1${this.random.int(0, 9)}\n`;
    return this.change(this.anyItem(), `source ${name} added to`, (text) => text.replace(/\n---\n/, `\n${source.trimEnd()}\n---\n`));
  }

  private addItem(): string | undefined {
    const folder = this.random.pick(this.issueFolders());
    const order = String(this.random.int(1, 9)).padStart(2, '0');
    const relative = `issues/${folder}/${order}-added-story-${this.random.int(1, 99)}.md`;
    if (existsSync(this.file(relative))) return undefined;
    this.write(relative, itemText(this.random));
    return `added ${relative}`;
  }

  private removeItem(): string | undefined {
    const relative = this.anyItem();
    if (!relative) return undefined;
    rmSync(this.file(relative));
    return `removed ${relative}`;
  }

  private renameItem(): string | undefined {
    const relative = this.anyItem();
    if (!relative) return undefined;
    const name = path.basename(relative).replace(/^\d+/, String(this.random.int(1, 9)).padStart(2, '0')).replace('.md', `${this.random.chance(0.5) ? '-b' : ''}.md`);
    const target = path.join(path.dirname(relative), name);
    if (existsSync(this.file(target))) return undefined;
    renameSync(this.file(relative), this.file(target));
    return `renamed ${relative} to ${target}`;
  }

  private addIssue(): string | undefined {
    const folders = this.issueFolders();
    const last = folders[folders.length - 1]!;
    const number = Number(last) + this.random.int(1, 2);
    const date = /^date: (.*)$/m.exec(this.read(`issues/${last}/issue.md`))?.[1] ?? '1990-01-01';
    const next = new Date(Date.parse(date) + 7 * 86_400_000).toISOString().slice(0, 10);
    this.write(`issues/${number}/issue.md`, `---\nnumber: ${number}\ndate: ${next}\nauthor: Ada Example\nstatus: ${this.random.pick(['published', 'draft'])}\n---\n`);
    for (let i = 1; i <= this.random.int(1, 3); i += 1) this.write(`issues/${number}/0${i}-new-${i}.md`, itemText(this.random));
    return `added issue ${number}`;
  }

  private deleteIssue(): string | undefined {
    const folders = this.issueFolders().filter((folder) => ![...this.broken.keys()].some((file) => file.startsWith(`issues/${folder}/`)));
    if (folders.length < 3) return undefined;
    const folder = this.random.pick(folders);
    rmSync(this.file(`issues/${folder}`), { recursive: true });
    return `deleted issue ${folder}`;
  }

  private redate(): string | undefined {
    const folder = this.random.pick(this.issueFolders());
    const shift = this.random.int(-2, 2);
    return this.change(`issues/${folder}/issue.md`, `date moved by ${shift} days in`, (text) => text.replace(/^date: (.*)$/m, (_line, date: string) => {
      return `date: ${new Date(Date.parse(date) + shift * 86_400_000).toISOString().slice(0, 10)}`;
    }));
  }

  private toggleDraft(): string | undefined {
    const folder = this.random.pick(this.issueFolders());
    return this.change(`issues/${folder}/issue.md`, 'status toggled in', (text) => (text.includes('status: draft') ? text.replace('status: draft', 'status: published') : text.replace('status: published', 'status: draft')));
  }

  private editSettings(): string | undefined {
    const title = `Synthetic Reform Monitor ${this.random.pick(['', 'Weekly', 'Review'])}`.trim();
    return this.change('monitor.config.yaml', `title "${title}" in`, (text) => text.replace(/^title: .*$/m, `title: ${title}`));
  }

  private editSources(): string | undefined {
    const name = this.random.pick(SOURCES);
    return this.change('feeds/sources.yaml', `style of ${name} toggled in`, (text) => text.replace(new RegExp(`(- name: ${name}\\n  style: )(\\w+)`), (_all, head: string, style: string) => `${head}${style === 'wire' ? 'periodical' : 'wire'}`));
  }

  /** Override a built-in template with a marked copy, or remove an override. */
  private overrideTemplate(): string | undefined {
    const name = this.random.pick(OVERRIDABLE);
    const relative = `templates/${name}`;
    if (existsSync(this.file(relative)) && this.random.chance(0.5)) {
      rmSync(this.file(relative));
      return `removed override ${relative}`;
    }
    const builtIn = readFileSync(new URL(`../../../templates/${name}`, import.meta.url), 'utf8');
    this.write(relative, builtIn.replace(/(<\/[a-z]+>\s*)$/, ` Overridden ${this.random.int(1, 99)}.$1`));
    return `override ${relative}`;
  }

  /** Make a file invalid (remembered for repair): broken front matter, a wrong number, a new item with no source. */
  private breakFile(): string | undefined {
    const kind = this.random.int(0, 2);
    if (kind === 0) {
      const relative = this.anyItem();
      if (!relative) return undefined;
      this.broken.set(relative, this.read(relative));
      this.write(relative, this.read(relative).replace(/^headline: .*$/m, 'headline: [unclosed'));
      return `broke the front matter of ${relative}`;
    }
    if (kind === 1) {
      const relative = `issues/${this.random.pick(this.issueFolders())}/issue.md`;
      if (this.broken.has(relative)) return undefined;
      this.broken.set(relative, this.read(relative));
      this.write(relative, this.read(relative).replace(/^number: .*$/m, 'number: 99999'));
      return `wrong number in ${relative}`;
    }
    const relative = `issues/${this.random.pick(this.issueFolders())}/09-no-source.md`;
    if (this.broken.has(relative) || existsSync(this.file(relative))) return undefined;
    this.broken.set(relative, null);
    this.write(relative, '---\nheadline: A story without a source\n---\nText.\n');
    return `added ${relative} without a source`;
  }

  private repair(): string {
    const [relative, text] = this.broken.entries().next().value!;
    this.broken.delete(relative);
    if (!existsSync(path.dirname(this.file(relative)))) return `nothing to repair in ${relative} (its issue was deleted)`;
    if (text === null) rmSync(this.file(relative), { force: true });
    else this.write(relative, text);
    return `repaired ${relative}`;
  }
}

const CATEGORIES = ['Democracy and Governance', 'Energy', 'Public Finance', 'Central Asia', 'China', 'Russia', 'North Korea'];
const SOURCES = ['The Harbour Gazette', 'Northern Ledger', 'Continental Wire'];
/** Templates whose end can take a word without breaking the format (not the MJML skeleton). */
const OVERRIDABLE = ['partials/footer.hbs', 'partials/item.hbs', 'web/archive.hbs', 'web/category.hbs', 'text.hbs', 'partials/citation.hbs'];

function itemText(random: Random): string {
  const categories = random.sample(CATEGORIES, random.int(1, 2)).join(', ');
  const headline = `${random.pick(['Ministry', 'Governor', 'Senate'])} ${random.pick(['extends', 'halts', 'reviews'])} scheme ${random.int(1, 999)}`;
  return `---\nheadline: ${headline}\ncategories: [${categories}]\nsources:\n  - publication: ${random.pick(SOURCES)}\n    date: 1978-02-0${random.int(1, 9)}\n---\nA short paragraph written for the differential test, number ${random.int(1, 9999)}.\n`;
}

function weighted<T>(random: Random, choices: Array<[number, T]>): T {
  let left = random.next() * choices.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, choice] of choices) if ((left -= weight) < 0) return choice;
  return choices[choices.length - 1]![1];
}
