import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/problems.js';
import { issuePreviewPage, notFoundPage, previewIndexPage, problemBanner, reloadScript, type PreviewStatus } from '../../src/site/preview/preview-page.js';
import { bundledPreviewTemplates, compilePreviewTemplates } from '../../src/site/preview/preview-templates.js';

const templates = await bundledPreviewTemplates();

const hostile: Problem = {
  severity: 'error', file: 'issues/<b>7</b>/01-x.md', line: 3, column: 2, path: 'sources.0.url',
  message: 'The headline "<script>alert(1)</script>" & its note are not allowed',
};
const failed: PreviewStatus = { version: 4, problems: [hostile], built: true, issues: [8, 7] };
const fine: PreviewStatus = { version: 2, problems: undefined, built: true, issues: [7] };

describe('preview pages from templates/preview/', () => {
  it('escapes a problem message and file path that hold markup', () => {
    for (const html of [issuePreviewPage(templates, 7, 'text', failed), previewIndexPage(templates, failed), problemBanner(templates, [hostile])]) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<b>7</b>');
      expect(html).toContain('<code>issues/&lt;b&gt;7&lt;/b&gt;/01-x.md:3:2</code> <code>sources.0.url</code>: ');
      expect(html).toContain('The headline &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; its note are not allowed');
      expect(html).toContain('role="alert"');
    }
  });

  it('escapes the plain text pane and the path of a missing page', () => {
    const page = issuePreviewPage(templates, 7, 'A </pre><script>x()</script> B', fine);
    expect(page).toContain('<pre class="text">A &lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt; B</pre>');
    expect(notFoundPage(templates, '/<img src=x>')).toContain('Nothing at /&lt;img src&#x3D;x&gt; in the last good build');
  });

  it('shows the panes, the issue links and the reload script of the current version', () => {
    const page = issuePreviewPage(templates, 7, 'text', fine);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<title>Preview of issue 7</title>');
    expect(page).toContain('other issues: <a href="/__preview/7">7</a> ·');
    expect(page).toContain('<iframe title="Email at 375 pixels" src="/issues/7/email.html" class="email" style="width:375px">');
    expect(page).toContain('const loaded = 2;');
    expect(page).not.toContain('role="alert"');
    expect(problemBanner(templates, undefined)).toBe('');
    expect(reloadScript(templates, 9)).toContain('const loaded = 9;\n  const events = new EventSource("/__preview/events");');
  });

  it('says when the issue is not in the last good build, and when nothing is built', () => {
    expect(issuePreviewPage(templates, 9, undefined, failed)).toContain('Issue 9 is not in the last good build. Issues built: <a href="/__preview/8">8</a> <a href="/__preview/7">7</a>.');
    expect(issuePreviewPage(templates, 9, undefined, { ...fine, issues: [] })).toContain('Issues built: none.');
    expect(previewIndexPage(templates, { ...fine, issues: [] })).toContain('Issues: none built yet');
  });

  it('writes values into a script as JSON that cannot close the script element', () => {
    const script = compilePreviewTemplates(new Map([['reload-script', '<script>const v = {{{json value}}};</script>']]));
    expect(script.render('reload-script', { value: '</script><b>' })).toBe('<script>const v = "\\u003c/script>\\u003cb>";</script>');
  });

  it('names the template file and line of a syntax error', () => {
    expect(() => compilePreviewTemplates(new Map([['index', '<p>\n{{#if}}</p>']]))).toThrow('templates/preview/index.hbs:2');
  });
});
