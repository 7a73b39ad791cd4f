import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { MonitorError } from '../core/errors.js';
import { BUNDLED_TEMPLATES, listTemplateFiles } from './read-templates.js';

/** How a publication's copy of a template compares with monitor's built-in one. */
export interface TemplateComparison {
  /** Relative name, such as `web/issue.hbs`. */
  name: string;
  status: 'same' | 'changed' | 'not built in';
  /** A unified diff from the built-in template to the copy, when they differ. */
  patch: string | undefined;
}

/** The templates an editor may copy: every built-in one but the preview's own pages (tool chrome). */
export function builtInTemplates(): string[] {
  return listTemplateFiles(BUNDLED_TEMPLATES).filter((name) => !name.startsWith('preview/'));
}

/**
 * Copy built-in templates into `<root>/templates/` to customise them. A name is a template's path
 * (`web/issue.hbs`), that path without its ending (`web/issue`), or a file name found once (`item.hbs`).
 * Never overwrites a copy. Returns the files written, relative to the root.
 */
export async function copyTemplates(root: string, names: string[]): Promise<string[]> {
  const chosen = names.map(findTemplate);
  const existing = chosen.filter((name) => existsSync(path.join(root, 'templates', name)));
  if (existing.length > 0) {
    const list = existing.map((name) => `templates/${name}`).join(', ');
    throw new MonitorError(`${list} exists already: your copy, left as it is, and nothing was copied. "monitor templates diff ${existing[0]}" shows how it differs from the built-in one`);
  }
  for (const name of chosen) {
    const target = path.join(root, 'templates', name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await readFile(path.join(BUNDLED_TEMPLATES, name), 'utf8'), { flag: 'wx' });
  }
  return chosen.map((name) => `templates/${name}`);
}

/** Compare the publication's template copies (all, or those named) with the built-in templates. */
export async function compareTemplates(root: string, names: string[] = []): Promise<TemplateComparison[]> {
  const own = path.join(root, 'templates');
  const builtIn = new Set(builtInTemplates());
  const yours = listTemplateFiles(own).filter((name) => !name.startsWith('preview/'));
  const copies = names.length > 0 ? names.map((name) => (yours.includes(name) ? name : findTemplate(name))) : yours;
  const comparisons: TemplateComparison[] = [];
  for (const name of copies) {
    const copy = await readFile(path.join(own, name), 'utf8').catch(() => undefined);
    if (copy === undefined) throw new MonitorError(`templates/${name} does not exist: the built-in template is used. Copy it with "monitor templates copy ${name}"`);
    if (!builtIn.has(name)) {
      comparisons.push({ name, status: 'not built in', patch: undefined });
      continue;
    }
    const original = await readFile(path.join(BUNDLED_TEMPLATES, name), 'utf8');
    const patch = original === copy ? undefined : createTwoFilesPatch(`built-in/${name}`, `templates/${name}`, original, copy);
    comparisons.push({ name, status: patch ? 'changed' : 'same', patch });
  }
  return comparisons;
}

function findTemplate(name: string): string {
  const wanted = name.replace(/\\/g, '/').replace(/^templates\//, '');
  const known = builtInTemplates();
  const matches = known.filter((known) => known === wanted || known.replace(/\.[^/]+$/, '') === wanted || known.endsWith(`/${wanted}`));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new MonitorError(`"${name}" names more than one template (${matches.join(', ')}); give its folder too`);
  throw new MonitorError(`there is no built-in template "${name}". Templates: ${known.join(', ')}`);
}
