import { builtInTemplates, compareTemplates, copyTemplates } from '../../render/template-copies.js';
import type { CommandIO } from '../io.js';

/** `monitor templates list | copy <name>... | diff [name]...` */
export async function run([action, names]: unknown[], _options: object, io: CommandIO): Promise<number> {
  const named = (names as string[] | undefined) ?? [];
  if (action === 'list') {
    io.out(`${builtInTemplates().join('\n')}\n`);
    io.err('Copy one to change it: monitor templates copy <name>. Your copies live in templates/ and replace the built-in ones.\n');
    return 0;
  }
  if (action === 'copy') {
    if (named.length === 0) {
      io.err(`name the template to copy, such as "monitor templates copy web/issue.hbs"; "monitor templates list" lists them\n`);
      return 2;
    }
    for (const file of await copyTemplates(io.root, named)) io.out(`${file}\n`);
    return 0;
  }
  const comparisons = await compareTemplates(io.root, named);
  if (comparisons.length === 0) io.err('templates/ holds no copy: the publication uses the built-in templates as they are\n');
  for (const { name, status, patch } of comparisons) {
    if (patch) io.out(patch);
    else io.err(`templates/${name}: ${status === 'same' ? 'the same as the built-in template' : 'not a built-in template (your own)'}\n`);
  }
  return 0;
}
