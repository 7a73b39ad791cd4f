import { describe, expect, it } from 'vitest';
import { CONFIG, runCli, validateJson, writePublication } from '../helpers/sample-publication.js';

describe('monitor.config.yaml: categories that would share a page', () => {
  it('is an error naming both, the line and the page', async () => {
    const config = CONFIG.replace('  - Russia\n', '  - Russia\n  - Energy\n  - Energy!\n');
    const { code, errors } = await validateJson({ 'monitor.config.yaml': config });
    expect(code).toBe(1);
    expect(errors).toEqual([expect.objectContaining({
      file: 'monitor.config.yaml', line: 21, path: 'categories.6',
      message: 'categories "Energy" and "Energy!" would share one page, dist/categories/energy/, as only letters and digits make its name; merge them or rename one',
    })]);
  });
});

describe('monitor.config.yaml: email addresses', () => {
  it.each([
    ['a name without an address', 'from: Russia Reform Monitor', /email\.from "Russia Reform Monitor" is not an email address; write a name and an address, such as from: "Russia Reform Monitor <monitor@example\.org>"/],
    ['an address without a domain', 'from: "Monitor <monitor@>"', /email\.from "Monitor <monitor@>" is not an email address/],
    ['a line break', 'from: "Monitor <monitor@monitor.test>\\r\\nBcc: everyone@example.org"', /email\.from holds a line break; write it on one line/],
    ['two addresses', 'from: "a@monitor.test, b@monitor.test"', /email\.from names 2 addresses; give one/],
  ])('email.from with %s fails validate with file, line and an example', async (_name, line, message) => {
    const root = await writePublication({ 'monitor.config.yaml': CONFIG.replace(/  from: .*\n/, `  ${line}\n`) });
    const { code, stderr } = await runCli(['validate'], root);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^monitor\.config\.yaml:8:\d+: error: /m);
    expect(stderr).toMatch(message);
  });

  it('email.replyTo is checked too; a plain address or a name and address pass', async () => {
    const bad = await validateJson({ 'monitor.config.yaml': CONFIG.replace(/  replyTo: .*\n/, '  replyTo: the editors\n') });
    expect(bad.errors).toEqual([expect.objectContaining({ line: 9, message: expect.stringContaining('email.replyTo "the editors" is not an email address; write a name and an address, such as replyTo: editors@example.org') })]);
    const good = await validateJson({ 'monitor.config.yaml': CONFIG.replace(/  replyTo: .*\n/, '  replyTo: "Editors, Test Council <editors@monitor.test>"\n') });
    expect(good.errors).toEqual([]);
    expect(good.code).toBe(0);
  });
});
