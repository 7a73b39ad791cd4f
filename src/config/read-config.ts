import addressparser from 'nodemailer/lib/addressparser';
import { slugify } from '../compose/slug.js';
import { checkWithSchema } from '../core/schema-problems.js';
import { error, warning, type Problem } from '../core/problems.js';
import { readTextFile } from '../core/read-text.js';
import { parseYamlWithPositions, type PositionedYaml } from '../core/yaml-document.js';
import { configSchema, sourcesSchema, type Config, type Source } from './schema.js';

import { CONFIG_FILE, SOURCES_FILE } from './file-names.js';

export { CONFIG_FILE, SOURCES_FILE };

/** What loading a settings file gives: the value when it is usable, and every problem found. */
export interface Loaded<T> {
  value: T | undefined;
  problems: Problem[];
}

/** Read and validate monitor.config.yaml in `root`. */
export async function readConfig(root: string): Promise<Loaded<Config>> {
  const file = readTextFile(root, CONFIG_FILE);
  if (file.problem) {
    const hint = file.problem.message === 'file not found' ? '. Is this a publication folder? Run "monitor init" to create one, or pass --root.' : '';
    return { value: undefined, problems: [{ ...file.problem, message: file.problem.message + hint }] };
  }
  const yaml = parseYamlWithPositions(CONFIG_FILE, file.text);
  if (yaml.problems.length > 0) return { value: undefined, problems: yaml.problems };
  const checked = checkWithSchema(configSchema, yaml);
  if (!checked.value) return checked;
  return { value: checked.value, problems: checkConfigRules(checked.value, yaml) };
}

/** Cross-field rules the schema cannot express. */
function checkConfigRules(config: Config, yaml: PositionedYaml): Problem[] {
  const problems: Problem[] = [];
  config.sections.forEach((section, index) => {
    if (config.sections.findIndex((other) => other.id === section.id) < index) {
      problems.push(error(yaml.placeOf(['sections', index, 'id']), `section id "${section.id}" is used twice; each section needs its own id`));
    }
  });
  const bySlug = new Map<string, string>();
  config.categories.forEach((name, index) => {
    const twin = bySlug.get(slugify(name));
    if (twin === name) {
      problems.push(error(yaml.placeOf(['categories', index]), `category "${name}" is listed twice`));
    } else if (twin !== undefined) {
      const message = `categories "${twin}" and "${name}" would share one page, dist/categories/${slugify(name)}/, as only letters and digits make its name; merge them or rename one`;
      problems.push(error(yaml.placeOf(['categories', index]), message));
    } else {
      bySlug.set(slugify(name), name);
    }
  });
  problems.push(...checkAddress(yaml, 'from', config.email.from, 'from: "Russia Reform Monitor <monitor@example.org>"'));
  if (config.email.replyTo !== undefined) problems.push(...checkAddress(yaml, 'replyTo', config.email.replyTo, 'replyTo: editors@example.org'));
  return problems;
}

/** A sender or reply-to is one email address, with or without a name; read by the parser the mailer itself uses. */
function checkAddress(yaml: PositionedYaml, field: 'from' | 'replyTo', value: string, example: string): Problem[] {
  // The place is looked up only for a problem: it loads the YAML reader that keeps positions.
  const place = () => yaml.placeOf(['email', field]);
  if (/[\r\n]/.test(value)) return [error(place(), `email.${field} holds a line break; write it on one line, such as ${example}`)];
  const parsed = addressparser(value, { flatten: true });
  if (parsed.length > 1) return [error(place(), `email.${field} names ${parsed.length} addresses; give one, such as ${example}`)];
  const address = parsed[0]?.address ?? '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
    return [error(place(), `email.${field} "${value}" is not an email address; write a name and an address, such as ${example}`)];
  }
  return [];
}

/** Read and validate feeds/sources.yaml in `root`. A publication without one cites freely (with warnings). */
export async function readSources(root: string): Promise<Loaded<Source[]>> {
  const file = readTextFile(root, SOURCES_FILE);
  if (file.problem) {
    if (file.problem.message === 'file not found') {
      return { value: [], problems: [warning(file.problem, 'no feeds/sources.yaml: citations cannot be styled or checked against known publications')] };
    }
    return { value: undefined, problems: [file.problem] };
  }
  const yaml = parseYamlWithPositions(SOURCES_FILE, file.text);
  if (yaml.problems.length > 0) return { value: undefined, problems: yaml.problems };
  if (yaml.data === null || yaml.data === undefined) return { value: [], problems: [] };
  const checked = checkWithSchema(sourcesSchema, yaml, 'publication');
  if (!checked.value) return checked;
  const problems = checked.value.flatMap((source, index) =>
    checked.value!.findIndex((other) => other.name.toLowerCase() === source.name.toLowerCase()) < index
      ? [error(yaml.placeOf([index, 'name']), `publication "${source.name}" is listed twice`)]
      : [],
  );
  return { value: checked.value, problems };
}
