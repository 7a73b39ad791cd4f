import { describe, expect, it } from 'vitest';
import { issueFile, itemFile, runCli, validateJson, writePublication } from '../helpers/sample-publication.js';

const deepList = Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n');
const bodies: Array<[string, string, number]> = [
  ['a list nested by indentation', `Intro.\n\n${deepList}\n`, 23],
  ['list markers on one line', `Intro.\n\n${'- '.repeat(5000)}deep\n`, 23],
  ['nested quotes', `Intro.\n\n${'> '.repeat(1000)}deep\n`, 23],
  ['numbered lists inside quotes', `Intro.\n\n${'> 1. '.repeat(600)}deep\n`, 23],
  ['a list inside a quote, nested by indentation', `Intro.\n\n${deepList.replace(/^/gm, '> ')}\n`, 23],
];

describe('lists and quotes nested too deep', () => {
  it.each(bodies)('refuses %s in an item, at its line', async (_name, body, line) => {
    const { code, errors } = await validateJson({ 'issues/1/01-first.md': itemFile('Deep', { body }) });
    expect(code).toBe(1);
    // The body starts on line 9 of itemFile's front matter; the deep line is where level 21 is reached.
    expect(errors).toEqual([expect.objectContaining({ file: 'issues/1/01-first.md', message: expect.stringContaining('nested deeper than 20 levels') })]);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(9);
    expect(errors[0]!.line).toBeLessThanOrEqual(9 + line);
  });

  it('refuses them in an editor\'s note, and the build refuses them too', async () => {
    const root = await writePublication({ 'issues/2/issue.md': `${issueFile(2, '2020-01-13')}A note.\n\n${deepList}\n` });
    const validate = await runCli(['validate'], root);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(/^issues\/2\/issue\.md:\d+:1: error: .*nested deeper than 20 levels/m);
    const build = await runCli(['build'], root);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('nested deeper than 20 levels');
    expect(build.stderr).not.toContain('this is a bug');
  });

  it('accepts usual nesting, rules that look like list markers and deep code', async () => {
    const usual = Array.from({ length: 6 }, (_, level) => `${'  '.repeat(level)}- point ${level + 1}`).join('\n');
    const rule = '- - - - - - - - - - - - - - - - - - - - - - - - -';
    const code = `\`\`\`\n${deepList}\n\`\`\``;
    const body = `Intro.\n\n${usual}\n\n${rule}\n\n> quoted\n> > twice\n\n${code}\n\nAfter.\n`;
    const result = await validateJson({ 'issues/1/01-first.md': itemFile('Usual', { body }) });
    expect(result.errors).toEqual([]);
    expect(result.code).toBe(0);
  });
});
