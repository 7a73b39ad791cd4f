import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parsePlainYaml } from '../../src/core/plain-yaml.js';

/** The reference: what the front matter means to js-yaml with YAML 1.2's core schema. */
const reference = (text: string): unknown => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });

const ITEM = `headline: Moscow backs breathing room for Pyongyang
section: security
categories: [Economic Sanctions, North Korea, China]
sources:
  - publication: The Moscow Times
    date: 2019-12-17
    url: https://www.themoscowtimes.com/2019/12/17/story#part-2
  - publication: Reuters
    date: 2019-12-29`;

describe('the plain reader of front matter', () => {
  it.each([
    ['an item', ITEM],
    ['an issue', 'number: 2359\ndate: 2020-01-13\nauthor: Margot van Loon\nstatus: published'],
    ['authors as a flow list', 'author: [Clara Ostrowski, Daniel Farrow]'],
    ['authors as a block list with the dashes at column 1', 'author:\n- Clara Ostrowski\n- Daniel Farrow\nstatus: draft'],
    ['quoted values', `headline: "Trade & transit: Tashkent courts freight"\nsubject: 'It''s a deal'\nempty: ""`],
    ['quotes and apostrophes inside plain text', `headline: Government bill would bar "foreign agents" from Kaliningrad's office`],
    ['comments, blank lines and trailing spaces', '# a comment\nheadline: Story   \n\n  # indented comment\nsources:\n  - publication: Reuters  \n\n    date: 2020-01-03\n'],
    ['an empty value and an empty list', 'section:\ncategories: []\nheadline: Story'],
    ['a list item with more spaces after its dash', 'sources:\n  -   publication: Reuters\n      date: 2020-01-03\n      url:\n  - publication: AP'],
    ['text beyond ASCII', 'headline: Öl und Gas «Pipeline» talks resume in Ürümqi'],
    ['whole numbers and dates', 'number: 0\nother: 123456789012345\ndate: 2020-02-30'],
  ])('reads %s as js-yaml does', (_name, text) => {
    const plain = parsePlainYaml(text);
    expect(plain).toBeDefined();
    expect(plain).toStrictEqual(reference(text));
    expect(JSON.stringify(plain)).toBe(JSON.stringify(reference(text)));
  });

  it.each([
    ['a tab', 'headline:\tStory'],
    ['an anchor and an alias', 'a: &x Story\nb: *x'],
    ['a tag', 'number: !!str 12'],
    ['a block scalar', 'headline: |\n  Story'],
    ['a continuation line', 'headline: A long\n  headline'],
    ['a nested mapping', 'email:\n  from: someone'],
    ['a flow mapping', 'section: { id: politics }'],
    ['a duplicate key', 'headline: One\nheadline: Two'],
    ['a key Object.prototype has', 'constructor: One'],
    ['a comment after a value', 'headline: Story # note'],
    ['a colon and space inside a value', 'headline: Moscow: a story'],
    ['an escape in double quotes', 'headline: "Line\\nbreak"'],
    ['null and boolean words', 'section: null\nflag: true'],
    ['a tilde', 'section: ~'],
    ['numbers that are not plain whole numbers', 'number: 007'],
    ['a signed number', 'number: -5'],
    ['a float', 'number: 1.5'],
    ['a trailing comma in a flow list', 'categories: [Russia,]'],
    ['a nested flow list', 'categories: [Russia, [China]]'],
    ['a list item nested deeper', 'sources:\n  - publication: Reuters\n      date: 2020-01-03'],
    ['a byte order mark', '\uFEFFheadline: Story'],
    ['a non-breaking space', 'headline: Story\u00a0'],
    ['an empty text', ''],
    ['a top-level list', '- Russia'],
  ])('leaves %s to js-yaml', (_name, text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });

  it('agrees with js-yaml on every text of a seeded mix of usual and unusual pieces that it accepts', () => {
    let accepted = 0;
    let lists = 0;
    for (const text of seededTexts(6000)) {
      const plain = parsePlainYaml(text);
      if (plain === undefined) continue;
      accepted++;
      if (/\n *- /.test(text)) lists++;
      let expected: unknown;
      expect(() => (expected = reference(text)), text).not.toThrow();
      expect(plain, text).toStrictEqual(expected);
      expect(JSON.stringify(plain), text).toBe(JSON.stringify(expected));
    }
    expect(accepted).toBeGreaterThan(1200);
    expect(lists).toBeGreaterThan(250);
  });
});

const KEYS = ['headline', 'date', 'url', 'b-c', 'x_y', 'null', 'true', 'A1', 'constructor'];
const USUAL = ['Reuters', 'The Moscow Times', "Kaliningrad's lanes", '2020-01-13', '12', '"dq"', "'s''q'", '[A, B]', 'https://x.org/a#b', 'Öl'];
const UNUSUAL = [
  'a "quoted" word', '2020-1-3', '007', '0', '-5', '+5', '1.5', '.inf', '~', 'null', 'NULL', 'True', 'false', 'yes', 'no',
  'a # c', 'a: b', 'a:b', 'a:', '"d\\"q"', "'s'q'", '""', "''", '[]', '[ ]', '[A,]', '[A, [B]]', '[a: b]', '["x, y"]',
  '["x", \'y\']', '{a: 1}', '&anchor x', '*alias', '!tag x', '|', '>', 'C#', '«Quote»', 'x\u00a0y', 'x\ty', 'trailing  ',
  'two  spaces', 'a [b] c', '@at', '`tick', '%pct', '? q', '- d', '-d', '1_000', '0x1F', '0o17', '123456789012345678',
  'NaN', '.5', 'Y', '=', '<<',
];
const BREAKS = ['\n', '\n# c', '\n  # c', '\n   more text', '\n  - nested', '\n    key: deeper'];

/** Front-matter-like texts from a fixed seed: keys with scalars, flow lists and block lists of both kinds. */
function* seededTexts(count: number): Generator<string> {
  let seed = 20200113;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const pick = <T>(list: T[]): T => list[next(list.length)]!;
  const scalar = () => (next(10) < 7 ? pick(USUAL) : pick(UNUSUAL));
  const list = () => {
    const dash = pick(['', ' ', '  ', '    ']);
    let out = '';
    for (let item = 0, items = 1 + next(3); item < items; item++) {
      if (next(2) === 0) {
        out += `\n${dash}- ${scalar()}`;
      } else {
        const gap = pick([' ', ' ', '  ']);
        const column = `${dash} ${gap}`;
        out += `\n${dash}-${gap}${pick(KEYS)}:${next(5) ? ` ${scalar()}` : ''}`;
        for (let key = 0, keys = next(3); key < keys; key++) {
          out += `\n${pick([column, column, `${column} `, dash])}${pick(KEYS)}:${next(6) ? ` ${scalar()}` : ''}`;
        }
      }
      if (next(6) === 0) out += pick(BREAKS);
    }
    return out;
  };
  for (let index = 0; index < count; index++) {
    let text = '';
    for (let entry = 0, entries = 1 + next(4); entry < entries; entry++) {
      const shape = next(10);
      text += `${entry ? '\n' : ''}${pick(KEYS)}:${shape < 6 ? ` ${scalar()}` : shape < 9 ? list() : ''}`;
      if (next(8) === 0) text += pick(['\n', '\n# comment', '\n   ', '  ', ' # c']);
    }
    yield text;
  }
}
