import { describe, expect, it } from 'vitest';
import { markerToken, slotToken, splitTemplate } from '../../src/render/email/split-template.js';

/** A template whose body is one column holding `inside`. */
const column = (inside: string) => `<mjml><mj-body><mj-section><mj-column>${inside}</mj-column></mj-section></mj-body></mjml>`;

describe('splitTemplate: the email template read as MJML\'s parser reads it', () => {
  it('takes a slot\'s content from after the whole start tag when an attribute value holds a ">"', () => {
    const split = splitTemplate(column('<mj-text css-class="a > b" padding="0px">{{issue.title}}</mj-text>'));
    expect(split?.slots).toEqual([{ kind: 'html', source: '{{issue.title}}' }]);
    expect(split?.skeleton).toContain(`<mj-text css-class="a > b" padding="0px">${slotToken(0)}</mj-text>`);
  });

  it('keeps Handlebars in attribute values and in slots as written, ">" of partials included', () => {
    const split = splitTemplate(column('<mj-text css-class="{{site.textClass}}">{{> item-body}} {{{issue.noteHtml}}}</mj-text>'));
    expect(split?.slots).toEqual([{ kind: 'html', source: '{{> item-body}} {{{issue.noteHtml}}}' }]);
    expect(split?.skeleton).toContain('<mj-text css-class="{{site.textClass}}">');
  });

  it('does not read tags inside a Handlebars comment, even one holding "}}" and ">"', () => {
    const split = splitTemplate(`{{!-- <mj-text>{{issue.x}}</mj-text> }} > --}}\n${column('<mj-text>{{issue.title}}</mj-text>')}`);
    expect(split?.slots).toEqual([{ kind: 'html', source: '{{issue.title}}' }]);
    const trimmed = splitTemplate(column('<mj-text>{{~!-- a }} <mj-text> --~}}{{issue.title}}</mj-text>'));
    expect(trimmed?.slots).toEqual([{ kind: 'html', source: '{{~!-- a }} <mj-text> --~}}{{issue.title}}' }]);
  });

  it('does not read tags inside an HTML comment between components', () => {
    const split = splitTemplate(column('<!-- <mj-text>old</mj-text> --><mj-text>{{issue.title}}</mj-text>'));
    expect(split?.slots).toEqual([{ kind: 'html', source: '{{issue.title}}' }]);
    expect(split?.skeleton).toContain('<!-- <mj-text>old</mj-text> -->');
  });

  it('refuses a slot holding a comment, which MJML would not pass through as written', () => {
    expect(splitTemplate(column('<mj-text><!-- note -->{{issue.title}}</mj-text>'))).toBeUndefined();
  });

  it('reads a start tag and an end tag split over lines', () => {
    const split = splitTemplate(column('<mj-text\n  css-class="item"\n  padding="0px"\n>{{headline}}</mj-text\n>'));
    expect(split?.slots).toEqual([{ kind: 'html', source: '{{headline}}' }]);
    expect(split?.skeleton).toContain(`padding="0px"\n>${slotToken(0)}</mj-text\n>`);
  });

  it('accepts a marker with whitespace around it in its <mj-raw>, and replaces the whole content', () => {
    const split = splitTemplate(column('<mj-raw>\n  {{#each issue.items}}  \n</mj-raw><mj-text>{{headline}}</mj-text><mj-raw> {{/each}}\n</mj-raw>'));
    expect(split?.markers).toEqual(['{{#each issue.items}}', '{{/each}}']);
    expect(split?.skeleton).toContain(`<mj-raw>${markerToken(0)}</mj-raw><mj-text>${slotToken(0)}</mj-text><mj-raw>${markerToken(1)}</mj-raw>`);
  });

  it('accepts {{else}} as a marker inside a conditional, and refuses it alone', () => {
    const split = splitTemplate(column('<mj-raw>{{#if issue.note}}</mj-raw><mj-text>a</mj-text><mj-raw>{{else}}</mj-raw><mj-text>b</mj-text><mj-raw>{{/if}}</mj-raw>'));
    expect(split?.markers).toEqual(['{{#if issue.note}}', '{{else}}', '{{/if}}']);
    expect(splitTemplate(column('<mj-raw>{{else}}</mj-raw>'))).toBeUndefined();
  });

  it('refuses two markers in one <mj-raw>, and a marker outside an <mj-column>', () => {
    expect(splitTemplate(column('<mj-raw>{{#each items}}{{#if x}}</mj-raw><mj-text>a</mj-text><mj-raw>{{/if}}{{/each}}</mj-raw>'))).toBeUndefined();
    expect(splitTemplate('<mjml><mj-body><mj-raw>{{#each items}}</mj-raw><mj-section></mj-section><mj-raw>{{/each}}</mj-raw></mj-body></mjml>')).toBeUndefined();
  });

  it('refuses a slot whose end tag is missing, and a component left open', () => {
    expect(splitTemplate(column('<mj-text>{{headline}}'))).toBeUndefined();
    expect(splitTemplate('<mjml><mj-body><mj-section><mj-column><mj-text>a</mj-text></mj-section></mj-body></mjml>')).toBeUndefined();
  });

  it('leaves the text of a <style> in an <mj-raw> alone', () => {
    const split = splitTemplate(column('<mj-raw><style>p > a { color: red; }</style></mj-raw><mj-text>{{headline}}</mj-text>'));
    expect(split?.slots).toEqual([{ kind: 'html', source: '{{headline}}' }]);
  });

  it('refuses what Handlebars cannot parse, escaped mustaches and raw blocks', () => {
    expect(splitTemplate(column('<mj-text>{{headline</mj-text>'))).toBeUndefined();
    expect(splitTemplate(column('<mj-text>\\{{headline}}</mj-text>'))).toBeUndefined();
    expect(splitTemplate(column('<mj-text>{{{{raw}}}}{{x}}{{{{/raw}}}}</mj-text>'))).toBeUndefined();
  });

  it('reads templates with Windows line ends', () => {
    const split = splitTemplate(column('\r\n<mj-text>\r\n{{headline}}\r\n</mj-text>\r\n<mj-raw>{{#each items}}</mj-raw><mj-text>{{x}}</mj-text><mj-raw>{{/each}}</mj-raw>'));
    expect(split?.slots.map((slot) => slot.source)).toEqual(['\r\n{{headline}}\r\n', '{{x}}']);
    expect(split?.markers).toEqual(['{{#each items}}', '{{/each}}']);
  });
});
