import { describe, expect, it } from 'vitest';
import { composeSite } from '../../src/compose/index.js';
import { loadPublication } from '../../src/content/index.js';
import * as fromSource from '../../src/render/index.js';
import { PRECOMPILED } from '../../src/render/precompiled.js';
import type { Renderer } from '../../src/render/types.js';
import { draftIssue, writePublication } from '../helpers/sample-publication.js';

// The compiled package (npm test compiles it first): its templates come from lib/precompiled-templates.js.
const compiled = (await import(new URL('../../lib/render/index.js', import.meta.url).href)) as typeof fromSource;
const compiledPrecompiled = (await import(new URL('../../lib/render/precompiled.js', import.meta.url).href)) as { PRECOMPILED: typeof PRECOMPILED };

describe("monitor's own templates, compiled with the package", () => {
  it('are shipped for every bundled template, and not used when the tests run from the source', () => {
    expect([...compiledPrecompiled.PRECOMPILED.keys()]).toEqual(expect.arrayContaining(['web/issue.hbs', 'email.mjml.hbs', 'text.hbs', 'partials/item.hbs']));
    expect(PRECOMPILED.size).toBe(0);
  });

  it('render every format byte for byte as templates compiled at run time do', async () => {
    const root = await writePublication(draftIssue('published'));
    const { publication } = await loadPublication(root);
    const site = composeSite(publication);
    const render = async (rendering: typeof fromSource) => {
      const renderer: Renderer = rendering.createRenderer(await rendering.readTemplates(root), { publication: site.publication });
      const issues = await Promise.all(site.issues.map(async (issue) => [renderer.issuePage(issue, site), await renderer.email(issue), renderer.text(issue), renderer.issueContent(issue)]));
      const pages = [renderer.stylesheet(), ...renderer.archivePages(site), ...site.categories.map((page) => renderer.categoryPage(page, site))];
      return [...issues.flat(), ...pages.map((page) => `${page.path} ${page.key}\n${page.render()}`)];
    };
    const expected = await render(fromSource);
    expect(expected.join('\n')).toContain('Duma &amp; regions argue over the budget');
    expect(await render(compiled)).toEqual(expected);
  });
});
