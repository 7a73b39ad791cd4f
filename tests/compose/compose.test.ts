import { describe, expect, it } from 'vitest';
import { composeIssue, composeSite, formatCitation } from '../../src/compose/index.js';
import { loadPublication } from '../../src/content/index.js';
import { issueFile, itemFile, writePublication } from '../helpers/sample-publication.js';

const sources = [
  { name: 'The Moscow Times', style: 'periodical' as const },
  { name: 'Reuters', style: 'wire' as const },
];

describe('formatCitation', () => {
  it('writes house style: periodicals in italics, wire services roman, joined by "; "', () => {
    const citation = formatCitation(
      [
        { publication: 'The Moscow Times', date: '2019-12-17', url: 'https://www.themoscowtimes.com/a' },
        { publication: 'Reuters', date: '2019-12-29' },
      ],
      sources,
    );
    expect(citation.markdown).toBe('*The Moscow Times*, December 17, 2019; Reuters, December 29, 2019');
    expect(citation.text).toBe('The Moscow Times, December 17, 2019; Reuters, December 29, 2019');
    expect(citation.parts.map((part) => part.style)).toEqual(['periodical', 'wire']);
    expect(citation.parts[0]!.url).toBe('https://www.themoscowtimes.com/a');
  });

  it('matches publication names case-insensitively and treats unknown ones as periodicals', () => {
    const citation = formatCitation(
      [
        { publication: 'REUTERS', date: '2020-03-01' },
        { publication: 'Novaya Gazeta', date: '2020-03-02' },
      ],
      sources,
    );
    expect(citation.markdown).toBe('REUTERS, March 1, 2020; *Novaya Gazeta*, March 2, 2020');
  });
});

async function composedIssue(changes: Parameters<typeof writePublication>[0], number: number) {
  const root = await writePublication(changes);
  const { publication } = await loadPublication(root);
  return composeIssue(publication, publication.issues.find((issue) => issue.number === number)!);
}

describe('composeIssue', () => {
  it('orders items by prefix, numerically, not by file name', async () => {
    const issue = await composedIssue(
      {
        'issues/3/issue.md': issueFile(3, '2020-01-20'),
        'issues/3/10-last.md': itemFile('Tenth'),
        'issues/3/2-second.md': itemFile('Second'),
        'issues/3/01-first.md': itemFile('First'),
      },
      3,
    );
    expect(issue.items.map((item) => item.headline)).toEqual(['First', 'Second', 'Tenth']);
    expect(issue.items.map((item) => item.anchor)).toEqual(['first', 'second', 'last']);
  });

  it('groups items into sections in config order, unsectioned items last', async () => {
    const issue = await composedIssue(
      {
        'issues/3/issue.md': issueFile(3, '2020-01-20'),
        'issues/3/01-a.md': itemFile('Unsectioned first'),
        'issues/3/02-b.md': itemFile('Security item', { section: 'security' }),
        'issues/3/03-c.md': itemFile('Politics item', { section: 'politics' }),
        'issues/3/04-d.md': itemFile('Another security item', { section: 'security' }),
      },
      3,
    );
    expect(issue.hasSections).toBe(true);
    expect(issue.sections.map((section) => [section.title, section.items.map((item) => item.headline)])).toEqual([
      ['Politics and Governance', ['Politics item']],
      ['Security and Foreign Policy', ['Security item', 'Another security item']],
      [undefined, ['Unsectioned first']],
    ]);
    expect(issue.items.map((item) => item.headline)).toEqual(['Politics item', 'Security item', 'Another security item', 'Unsectioned first']);
  });

  it('puts everything in one untitled section when no item names a section', async () => {
    const issue = await composedIssue({}, 1);
    expect(issue.hasSections).toBe(false);
    expect(issue.sections).toHaveLength(1);
    expect(issue.sections[0]!.title).toBeUndefined();
  });

  it('derives Related Categories from the items in config order', async () => {
    const issue = await composedIssue(
      {
        'issues/1/01-first.md': itemFile('A', { categories: '[Russia, China]' }),
        'issues/1/02-second.md': itemFile('B', { categories: '[North Korea, Democracy and Governance, China]' }),
      },
      1,
    );
    expect(issue.categoriesText).toBe('Democracy and Governance; China; North Korea; Russia');
    expect(issue.categories[0]).toEqual({ name: 'Democracy and Governance', slug: 'democracy-and-governance' });
  });

  it('keeps the categories an issue lists, in config order', async () => {
    const issue = await composedIssue({ 'issues/1/issue.md': issueFile(1, '2020-01-06', 'categories: [Russia, Economic Sanctions]\n') }, 1);
    expect(issue.categoriesText).toBe('Economic Sanctions; Russia');
  });

  it('writes the title line, date, authors, capitals, preheader, subject and copyright', async () => {
    const issue = await composedIssue({ 'issues/2/issue.md': issueFile(2, '2020-01-13').replace('author: Ada Example', 'author: [Ada Example, Boris Sample, Chen Test]') }, 2);
    expect(issue.title).toBe('Test Reform Monitor No. 2');
    expect(issue.dateText).toBe('January 13, 2020');
    expect(issue.authorsText).toBe('Ada Example, Boris Sample and Chen Test');
    expect(issue.items[0]!.headlineCaps).toBe('GOVERNORS RESHUFFLED');
    expect(issue.preheader).toBe('Governors reshuffled; Moscow backs breathing room for Pyongyang');
    expect(issue.subject).toBe('Test Reform Monitor No. 2: Governors reshuffled');
    expect(issue.copyright).toBe('© 2020 Test Policy Council');
    expect(issue.url).toBe('https://monitor.test/issues/2/');
    expect(issue.items[1]!.citation.markdown).toBe('*The Moscow Times*, December 17, 2019; Reuters, December 29, 2019');
  });
});

describe('composeSite', () => {
  it('lists published issues newest first with previous/next links, and leaves drafts out unless asked', async () => {
    const root = await writePublication({ 'issues/3/issue.md': issueFile(3, '2020-01-20').replace('published', 'draft') });
    const { publication } = await loadPublication(root);
    const site = composeSite(publication);
    expect(site.issues.map((issue) => issue.number)).toEqual([2, 1]);
    expect(site.issues[0]!.previous?.number).toBe(1);
    expect(site.issues[0]!.next).toBeUndefined();
    expect(composeSite(publication, { drafts: true }).issues.map((issue) => issue.number)).toEqual([3, 2, 1]);
  });

  it('builds category pages in config order with the newest items first', async () => {
    const root = await writePublication();
    const { publication } = await loadPublication(root);
    const site = composeSite(publication);
    expect(site.categories.map((page) => page.category.name)).toEqual([
      'Democracy and Governance', 'Economic Sanctions', 'China', 'North Korea', 'Russia',
    ]);
    const russia = site.categories.find((page) => page.category.name === 'Russia')!;
    expect(russia.entries.map((entry) => entry.item.headline)).toEqual(['Budget talks stall in the Duma', 'Moscow courts Beijing']);
  });
});
