import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isSeq, parseDocument, type Document } from 'yaml';
import { CONFIG_FILE, SOURCES_FILE } from '../config/file-names.js';
import { MonitorError } from '../core/errors.js';
import type { UnknownName } from './plan-issue-files.js';

/**
 * Add the categories and publications an import found to monitor.config.yaml and feeds/sources.yaml,
 * at the end of their lists, keeping the files' comments and layout. Publications get the style they
 * were printed in. Each file is replaced whole (written beside it, then renamed).
 */
export async function addMissingNames(root: string, names: UnknownName[]): Promise<void> {
  const categories = unique(names.filter((name) => name.kind === 'category').map((name) => name.name));
  const publications = names.filter((name) => name.kind === 'publication');
  if (categories.length > 0) {
    await editYaml(root, CONFIG_FILE, (document) => {
      const list = document.get('categories');
      if (list === undefined) document.set('categories', document.createNode(categories));
      else if (isSeq(list)) for (const name of categories) list.add(document.createNode(name));
      else throw new MonitorError(`${CONFIG_FILE}: categories is not a list, so the new categories cannot be added to it`);
    });
  }
  if (publications.length > 0) {
    await editYaml(root, SOURCES_FILE, (document) => {
      const list = document.contents ?? document.createNode([]);
      if (!isSeq(list)) throw new MonitorError(`${SOURCES_FILE} is not a list of publications, so the new ones cannot be added to it`);
      const added = new Set<string>();
      for (const { name, style } of publications) {
        if (added.has(name.toLowerCase())) continue;
        added.add(name.toLowerCase());
        list.add(document.createNode({ name, style: style ?? 'periodical' }));
      }
      document.contents = list;
    });
  }
}

async function editYaml(root: string, file: string, edit: (document: Document) => void): Promise<void> {
  const full = path.join(root, file);
  const document = parseDocument(await readFile(full, 'utf8').catch(() => ''));
  edit(document);
  const temporary = path.join(path.dirname(full), `.${path.basename(full)}.${process.pid}.tmp`);
  await mkdir(path.dirname(full), { recursive: true });
  try {
    await writeFile(temporary, document.toString({ lineWidth: 0 }));
    await rename(temporary, full);
  } finally {
    await rm(temporary, { force: true });
  }
}

function unique(names: string[]): string[] {
  return [...new Map(names.map((name) => [name.toLowerCase(), name])).values()];
}
