import { afterEach, describe, expect, it } from 'vitest';
import { readTemplates } from '../../src/render/index.js';
import Handlebars from 'handlebars';
import { memoisablePartials, rememberByContext } from '../../src/render/pure-partials.js';
import { compileTemplates } from '../../src/render/template-set.js';
import { EXAMPLE_ROOT, removeFixture, renderPublication, writeFixture } from './fixture.js';

const HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing', 'eq', 'or', 'contains', 'rule', 'upper']);

/** Templates as memoisablePartials takes them: parsed, by name. */
function parsed(sources: ReadonlyMap<string, string>): Map<string, hbs.AST.Program> {
  return new Map([...sources].filter(([name]) => name.endsWith('.hbs')).map(([name, source]) => [name, Handlebars.parseWithoutProcessing(source)]));
}

/** memoisablePartials over a few templates: `page-a` and `page-b` both call every partial given. */
function chosen(partials: Record<string, string>): string[] {
  const calls = Object.keys(partials).map((name) => `{{> ${name}}}`).join('');
  const sources = new Map<string, string>([['web/page-a.hbs', calls], ['web/page-b.hbs', calls]]);
  for (const [name, source] of Object.entries(partials)) sources.set(`partials/${name}.hbs`, source);
  return [...memoisablePartials(parsed(sources), HELPERS)].sort();
}

describe('which partials render once per context', () => {
  it('chooses item-body and section-title of the bundled templates, not the headers that read @root', async () => {
    const partials = memoisablePartials(parsed(await readTemplates(EXAMPLE_ROOT)), HELPERS);
    expect(partials.has('item-body')).toBe(true);
    expect(partials.has('section-title')).toBe(true);
    expect(partials.has('issue-header')).toBe(false);
    expect(partials.has('item')).toBe(false);
  });

  it('keeps out partials that read the page, the caller or the language', () => {
    expect(chosen({
      plain: '<p>{{title}} {{#each parts}}{{#if @index}}; {{/if}}{{name}}{{/each}} {{#if (eq kind "x")}}x{{/if}}</p>',
      nested: '{{#with citation}}{{> plain}}{{/with}}',
      root: '<a href="{{@root.linkBase}}{{path}}">{{name}}</a>',
      parent: '{{#each items}}{{../title}}{{/each}}',
      index: '{{#if @index}}, {{/if}}{{name}}',
      upper: '{{upper title}}',
      block: '{{> @partial-block}}',
      calls: '{{> root}}',
      log: '{{log title}}',
    })).toEqual(['nested', 'plain']);
  });

  it('leaves a partial called from one template alone', () => {
    const sources = new Map([['web/page.hbs', '{{> once}}'], ['partials/once.hbs', '{{title}}']]);
    expect(memoisablePartials(parsed(sources), HELPERS).size).toBe(0);
  });

  it('renders a remembered partial once per context object, and every time for a call with hash arguments', () => {
    const contexts: unknown[] = [];
    const template = ((context: { name: string }) => {
      contexts.push(context);
      return `<${context.name}>`;
    }) as HandlebarsTemplateDelegate;
    const partial = rememberByContext(template);
    const first = { name: 'one' };
    const second = { name: 'two' };
    expect([partial(first), partial(second), partial(first), partial(second)]).toEqual(['<one>', '<two>', '<one>', '<two>']);
    expect(contexts).toEqual([first, second]);
    expect(partial(first, { hash: { site: 'x' } } as Handlebars.RuntimeOptions)).toBe('<one>');
    expect(contexts).toHaveLength(3);
  });

  it('gives the same output through the set as without remembering', () => {
    const sources = new Map([
      ['web/a.hbs', '{{#each items}}{{> entry}}|{{/each}}'],
      ['web/b.hbs', '{{> entry first}}'],
      ['partials/entry.hbs', '{{name}}{{#each parts}}{{#if @index}}, {{/if}}{{this}}{{/each}}'],
    ]);
    const set = compileTemplates(sources);
    const first = { name: 'one', parts: ['a', 'b'] };
    expect(set.render('web/a.hbs', { items: [first, { name: 'two', parts: [] }, first] })).toBe('onea, b|two|onea, b|');
    expect(set.render('web/b.hbs', { first })).toBe('onea, b');
  });
});

describe('an item-body that reads @root', () => {
  let root = '';
  afterEach(() => removeFixture(root));

  it('still follows each page: the issue page and the email each get their own link base', async () => {
    root = await writeFixture({
      'templates/partials/item-body.hbs': '{{{leadHtml}}}<p data-base="{{@root.linkBase}}">{{{closingHtml}}}</p>',
    });
    const { renderer, site, issue } = await renderPublication(root);
    const page = renderer.issuePage(issue(2), site);
    const email = await renderer.email(issue(2));
    expect(page).toContain('data-base="../../"');
    expect(email).toContain('data-base="https://monitor.test/monitor/"');
    expect(email).not.toContain('data-base="../../"');
  });
});
