import { describe, expect, it } from 'vitest';
import { runCli, writePublication } from '../helpers/sample-publication.js';

const BROKEN = '<main>\n{{#if issue}}\n  <h1>{{issue.title}}</h1>\n{{/each}}\n</main>\n';

describe('monitor validate: the publication\'s own templates', () => {
  it('a Handlebars syntax error is reported with file and line, so validate && build cannot pass then fail', async () => {
    const root = await writePublication({ 'templates/web/issue.hbs': BROKEN });
    const validate = await runCli(['validate'], root);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(/^templates\/web\/issue\.hbs:2: error: the template does not compile; fix it, or delete your copy to use the built-in template:\n {2}.*if doesn't match each/m);
    expect(validate.stdout).toContain('2 issues checked: not valid (1 error, 0 warnings)');
    expect((await runCli(['build'], root)).code).toBe(1);
  });

  it('an unclosed expression is reported at its line, in a template monitor has no built-in of', async () => {
    const root = await writePublication({ 'templates/partials/extra.hbs': '<p>\n{{site.title</p>\n' });
    const validate = await runCli(['validate'], root);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(/^templates\/partials\/extra\.hbs:2: error: the template does not compile; fix it:\n {2}Parse error on line 2:/m);
  });

  it('templates that compile pass', async () => {
    const root = await writePublication({ 'templates/partials/extra.hbs': '<p>{{site.title}}</p>\n' });
    const validate = await runCli(['validate'], root);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
  });
});
