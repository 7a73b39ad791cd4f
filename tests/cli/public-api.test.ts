import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writePublication } from '../helpers/sample-publication.js';

describe('the package interface', () => {
  it('lets a script validate and compose a publication by the package name', async () => {
    const root = await writePublication();
    const script = `
      const monitor = await import('monitor');
      const { publication } = await monitor.loadPublication(${JSON.stringify(root)});
      const site = monitor.composeSite(publication);
      console.log(JSON.stringify({ titles: site.issues.map((issue) => issue.title), citation: site.issues[0].items[1].citation.markdown }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual({
      titles: ['Test Reform Monitor No. 2', 'Test Reform Monitor No. 1'],
      citation: '*The Moscow Times*, December 17, 2019; Reuters, December 29, 2019',
    });
  });
});
