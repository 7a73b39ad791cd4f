import { describe, expect, it } from 'vitest';
import { itemFile, runCli, validateJson, writePublication } from '../helpers/sample-publication.js';

const TYPED = 'The Kremlin named a new prime minister (*The Moscow Times*, December 27, 2019; TASS, December 28, 2019)';

describe('a citation typed by hand at the end of an item', () => {
  it('is a warning naming the file and line: the generated citation would follow it', async () => {
    const body = `A first paragraph, with (a remark in parentheses).\n\n${TYPED}`;
    const root = await writePublication({ 'issues/2/02-governors.md': itemFile('Governors reshuffled', { body }) });
    const { code, stderr } = await runCli(['validate'], root);
    expect(code).toBe(0);
    expect(stderr).toContain('issues/2/02-governors.md:9: warning: body: the text ends in a citation typed by hand, "(*The Moscow Times*, December 27, 2019; TASS, December 28, 2019)"; monitor adds the citation from sources after the last paragraph, so it would appear twice: delete the typed one');
  });

  it('is recognised by a source of the item, before a full stop', async () => {
    const { warnings } = await validateJson({ 'issues/2/02-governors.md': itemFile('Governors reshuffled', { body: 'Governors were replaced (The Moscow Times, Dec. 3).' }) });
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('the text ends in a citation typed by hand, "(The Moscow Times, Dec. 3)"')]);
  });

  it('a closing remark in parentheses, or a citation in an earlier paragraph, is not one', async () => {
    for (const body of ['Governors were replaced (again).', `${TYPED}\n\nA last paragraph without one.`, 'Governors (all of them) were replaced']) {
      const { warnings, code } = await validateJson({ 'issues/2/02-governors.md': itemFile('Governors reshuffled', { body }) });
      expect(warnings, body).toEqual([]);
      expect(code).toBe(0);
    }
  });
});
