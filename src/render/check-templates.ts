import path from 'node:path';
import { error, type Problem } from '../core/problems.js';
import { readTextFile } from '../core/read-text.js';
import { BUNDLED_TEMPLATES, listTemplateFiles } from './read-templates.js';

/**
 * Compile the publication's own templates (templates/**.hbs) as a build would, so that `validate` passing
 * means no build fails on one: each that does not compile is a problem naming its file and line. (The
 * built-in templates are tested with monitor itself.)
 */
export async function checkTemplates(root: string): Promise<Problem[]> {
  const own = listTemplateFiles(path.join(root, 'templates')).filter((name) => name.endsWith('.hbs'));
  if (own.length === 0) return [];
  const { default: Handlebars } = await import('handlebars'); // only for a publication with templates of its own
  const builtIn = new Set(listTemplateFiles(BUNDLED_TEMPLATES));
  const problems: Problem[] = [];
  for (const name of own) {
    const file = `templates/${name}`;
    const read = readTextFile(root, file);
    if (read.problem) {
      problems.push(read.problem);
      continue;
    }
    try {
      Handlebars.precompile(read.text);
    } catch (cause) {
      problems.push(compileProblem(file, cause, builtIn.has(name)));
    }
  }
  return problems;
}

/** Handlebars' message (`Parse error on line 3: ...`) with its line, and what to do. */
function compileProblem(file: string, cause: unknown, hasBuiltIn: boolean): Problem {
  const message = cause instanceof Error ? cause.message : String(cause);
  const line = Number(/line (\d+)/i.exec(message)?.[1] ?? (cause as { lineNumber?: number } | undefined)?.lineNumber ?? 1);
  const detail = message.split('\n').map((text) => text.trimEnd()).filter(Boolean).join('\n  ');
  const fix = hasBuiltIn ? 'fix it, or delete your copy to use the built-in template' : 'fix it';
  return error({ file, line, column: 0, path: '' }, `the template does not compile; ${fix}:\n  ${detail}`);
}
