import { describe, expect, it } from 'vitest';
import { validatePublication } from '../../src/content/index.js';
import { issueFile, itemFile, runCli, validateJson, writePublication } from '../helpers/sample-publication.js';

/** The first item of issue 1 as read, with the problems of the run. */
async function readFirstItem(item: string, issue = issueFile(1, '2020-01-06')) {
  const root = await writePublication({ 'issues/1/01-first.md': item, 'issues/1/issue.md': issue });
  const { publication, problems } = await validatePublication(root);
  return { item: publication?.issues[0]?.items.find((entry) => entry.slug === 'first'), issue: publication?.issues[0], problems };
}

describe('front matter: a prose field is the whole rest of its line', () => {
  it.each([
    ["Russia's #1 problem is demographics"],
    ['Mishustin: the tax man becomes prime minister'],
    ['"Foreign agent" rules reach journalists'],
    ['1984 returns to the bookshops'],
    ['@kremlin answers its critics'],
    ['Inflation: 7% # and rising'],
  ])('reads the headline %s as written', async (headline) => {
    const { item, problems } = await readFirstItem(itemFile(headline));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(item?.headline).toBe(headline);
  });

  it('applies the rule to a source publication, the author and the preheader', async () => {
    const sources = '  - publication: Novaya Gazeta: Europe #2\n    date: 2020-01-03\n';
    const issue = issueFile(1, '2020-01-06', "preheader: Russia's #1 problem: people\n").replace('author: Ada Example', 'author: Ada #1 Example');
    const { item, issue: read } = await readFirstItem(itemFile('Story', { sources }), issue);
    expect(item?.sources[0]?.publication).toBe('Novaya Gazeta: Europe #2');
    expect(read?.preheader).toBe("Russia's #1 problem: people");
    expect(read?.authors).toEqual(['Ada #1 Example']);
  });

  it('leaves a quoted headline, a flow list of authors and a block headline to YAML', async () => {
    const issue = issueFile(1, '2020-01-06').replace('author: Ada Example', 'author: [Ada Example, Bo Example] # two');
    const { item, issue: read } = await readFirstItem(itemFile('"Quoted: as YAML reads it" # a comment'), issue);
    expect(item?.headline).toBe('Quoted: as YAML reads it');
    expect(read?.authors).toEqual(['Ada Example', 'Bo Example']);
  });

  it('warns when a headline read whole holds what elsewhere would be a comment', async () => {
    const { code, warnings } = await validateJson({ 'issues/1/01-first.md': itemFile('Budget talks stall # check the date') });
    expect(code).toBe(0);
    expect(warnings).toEqual([expect.objectContaining({ file: 'issues/1/01-first.md', line: 2, path: 'headline', message: expect.stringContaining('put it on a line of its own') })]);
  });
});

describe('front matter: YAML mistakes in plain words', () => {
  it('asks for quotes around a section holding ": ", naming file and line, without parser jargon', async () => {
    const item = '---\nheadline: Story\nsection: security: politics\nsources:\n  - publication: Reuters\n    date: 2020-01-03\n---\nText.\n';
    const { code, stderr } = await runCli(['validate'], await writePublication({ 'issues/1/01-first.md': item }));
    expect(code).toBe(1);
    expect(stderr).toContain('issues/1/01-first.md:3:');
    expect(stderr).toContain('put the whole value in quotes: section: "security: politics"');
    expect(stderr).not.toMatch(/compact mappings|node end|implicit/i);
  });

  it('asks for quotes around a category that YAML read as a field', async () => {
    const { errors } = await validateJson({ 'issues/1/01-first.md': itemFile('Story', { categories: '\n  - Russia: the economy' }) });
    expect(errors).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('put it in quotes: "Russia: the economy"') })]);
  });

  it('gives one message for lines indented with tabs', async () => {
    const item = '---\nheadline: Story\nsources:\n\t- publication: Reuters\n\t  date: 2020-01-03\n---\nText.\n';
    const { code, errors } = await validateJson({ 'issues/1/01-first.md': item });
    expect(code).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ file: 'issues/1/01-first.md', line: 4, message: expect.stringContaining('replace the tabs') })]);
  });

  it('names a field written twice', async () => {
    const item = '---\nheadline: Story\nheadline: Story again\nsources:\n  - publication: Reuters\n    date: 2020-01-03\n---\nText.\n';
    const { errors } = await validateJson({ 'issues/1/01-first.md': item });
    expect(errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('"headline" is written twice') })]);
  });

  it('refuses brackets nested too deep, which would take YAML seconds to read, at their line', async () => {
    const item = `---\nheadline: Story\ncategories: ${'['.repeat(16000)}\nsources:\n  - publication: Reuters\n    date: 2020-01-03\n---\nText.\n`;
    const { code, errors } = await validateJson({ 'issues/1/01-first.md': item, 'monitor.config.yaml': `title: ${'{'.repeat(30)}\n` });
    expect(code).toBe(1);
    expect(errors).toEqual([
      expect.objectContaining({ file: 'issues/1/01-first.md', line: 3, message: expect.stringContaining('nest deeper than 20 levels') }),
      expect.objectContaining({ file: 'monitor.config.yaml', line: 1, message: expect.stringContaining('nest deeper than 20 levels') }),
    ]);
  });

  it('tells one problem of a file whose every later line follows from it', async () => {
    const item = `---\nheadline: Story\nsection: "unclosed\ncategories: [Russia]\nsources:\n  - publication: Reuters\n    date: 2020-01-03\n---\nText.\n`;
    const { errors } = await validateJson({ 'issues/1/01-first.md': item });
    expect(errors).toHaveLength(1);
  });

  it.each([
    ['front matter', 'issues/1/01-first.md', (bomb: string) => `---\n${bomb}headline: Story\nsources:\n  - publication: Reuters\n    date: 2020-01-03\n---\nText.\n`],
    ['the config', 'monitor.config.yaml', (bomb: string) => `${bomb}title: T\n`],
    ['the sources file', 'feeds/sources.yaml', (bomb: string) => bomb.replace(/^[a-z]: /gm, '- ')],
  ])('refuses an alias bomb in %s with its file and line', async (_name, file, write) => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const bomb = `${levels.join('\n')}\n`;
    const { code, stderr } = await runCli(['validate'], await writePublication({ [file]: write(bomb) }));
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+: error: .*aliases`, 'm'));
    expect(stderr).not.toContain('this is a bug');
  });
});
