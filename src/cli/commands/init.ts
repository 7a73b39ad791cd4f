import path from 'node:path';
import { scaffoldPublication } from '../../content/scaffold-publication.js';
import type { CommandIO } from '../io.js';

interface InitOptions {
  force?: boolean;
}

export async function run([dir]: unknown[], options: InitOptions, io: CommandIO): Promise<number> {
  const target = path.resolve(io.root, typeof dir === 'string' ? dir : '.');
  const files = await scaffoldPublication(target, options);
  const shown = path.relative(process.cwd(), target) || '.';
  io.out(`Created a publication in ${shown} (${files.length} files).\n`);
  io.out(`Next: edit ${path.join(shown, 'monitor.config.yaml')}, then run "monitor validate --root ${shown}" and "monitor build --root ${shown}".\n`);
  return 0;
}
