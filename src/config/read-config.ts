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
  config.categories.forEach((name, index) => {
    if (config.categories.indexOf(name) < index) {
      problems.push(error(yaml.placeOf(['categories', index]), `category "${name}" is listed twice`));
    }
  });
  return problems;
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
