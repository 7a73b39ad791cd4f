import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { markdownText } from '../core/markdown-text.js';
import { printable } from '../core/printable.js';
import type { Block } from './types.js';

/** Elements that are never the issue's text: the site's navigation and chrome, scripts, media. */
const SKIPPED = new Set(['nav', 'script', 'style', 'noscript', 'template', 'form', 'button', 'aside', 'footer', 'svg', 'iframe', 'object', 'video', 'audio', 'img', 'select', 'head']);
/** Elements that start and end a block of text. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'td', 'th', 'dd', 'dt', 'pre', 'address', 'section', 'article', 'header', 'main', 'table', 'tr', 'ul', 'ol', 'dl', 'figure', 'hr']);
/** Deeper than this, an element's text is taken as it is (a page nested this deep is not a newsletter). */
const MAX_DEPTH = 200;

/**
 * The blocks of a saved web page of an issue: the issue's `<article>` (the one holding "No. <number>"),
 * else `<main>`, else the body, with navigation, scripts and the site's footer left out. Emphasis becomes
 * `*italic*` and `**bold**`, links `[text](url)` (http, https and mailto only), so an item's Markdown and
 * its citation's links survive.
 */
export function htmlBlocks(html: string): Block[] {
  const document = parseDocument(html, { withStartIndices: true, decodeEntities: true });
  const root = issueElement(document.children) ?? document;
  const lineOf = lineCounter(html);
  const blocks: Block[] = [];
  let text = '';
  let start = 0;
  const flush = () => {
    const tidy = printable(text).replace(/\s+/g, ' ').trim();
    if (tidy !== '') blocks.push({ text: tidy, line: lineOf(start) });
    text = '';
  };
  const append = (value: string, node: AnyNode) => {
    if (text.trim() === '' && value.trim() !== '') start = node.startIndex ?? start;
    text += value;
  };
  const walk = (nodes: AnyNode[], depth: number): void => {
    for (const node of nodes) {
      if (node.type === 'text') append(markdownText(node.data), node);
      else if (isElement(node) && !SKIPPED.has(node.name)) {
        if (depth > MAX_DEPTH) {
          append(textOf(node), node);
        } else if (BLOCKS.has(node.name)) {
          flush();
          walk(node.children, depth + 1);
          flush();
        } else if (node.name === 'br') {
          append(' ', node);
        } else {
          append(inline(node, depth + 1), node);
        }
      }
    }
  };
  walk('children' in root ? root.children : [], 0);
  flush();
  return blocks;
}

/** An inline element as Markdown. */
function inline(element: Element, depth: number): string {
  if (SKIPPED.has(element.name)) return '';
  const inner = depth > MAX_DEPTH ? textOf(element) : element.children.map((child) => inlineNode(child, depth + 1)).join('');
  const trimmed = inner.trim();
  if (trimmed === '') return inner;
  switch (element.name) {
    case 'em':
    case 'i':
    case 'cite':
      return wrap(inner, '*');
    case 'strong':
    case 'b':
      return wrap(inner, '**');
    case 'code':
      return wrap(inner, '`');
    case 'a': {
      const href = element.attribs.href ?? '';
      return /^(https?:|mailto:)/i.test(href) ? `[${trimmed}](${href.replace(/[()\s]/g, encodeURIComponent)})` : inner;
    }
    default:
      return inner;
  }
}

function inlineNode(node: AnyNode, depth: number): string {
  if (node.type === 'text') return markdownText(node.data);
  if (isElement(node)) return node.name === 'br' ? ' ' : inline(node, depth);
  return '';
}

/** Marks around the text, with the spaces around it left outside (`* x*` is not emphasis). */
function wrap(text: string, mark: string): string {
  const [, before, middle, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return `${before}${mark}${middle}${mark}${after}`;
}

/** The text below a node, without recursion. */
function textOf(node: AnyNode): string {
  let text = '';
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'text') text += next.data;
    else if ('children' in next) for (let index = next.children.length - 1; index >= 0; index -= 1) stack.push(next.children[index]!);
  }
  return text;
}

/** The `<article>` holding the issue's title, else `<main>`, else `<body>`. */
function issueElement(nodes: AnyNode[]): Element | undefined {
  const elements = allElements(nodes);
  const articles = elements.filter((element) => element.name === 'article');
  return articles.find((article) => /\bNo\.\s*\d+/.test(textOf(article)))
    ?? elements.find((element) => element.name === 'main')
    ?? elements.find((element) => element.name === 'body');
}

/** Every element, in document order, without recursion (a page may be nested deeply). */
function allElements(nodes: AnyNode[]): Element[] {
  const found: Element[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    found.push(node);
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
  }
  return found;
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Line numbers (from 1) of character offsets in `text`. */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
