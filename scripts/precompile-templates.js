/**
 * Part of `npm run compile`, after tsc: compile monitor's own Handlebars templates (templates/**.hbs) to
 * code, into lib/precompiled-templates.js, so a command need not compile them each time it starts
 * (~100 ms of a one-item build). Each is compiled as compileTemplates would compile it at run time
 * (lib/render/template-set.js: precompileTemplate), and kept with its source, which a publication's own
 * copy must equal to be served this code (src/render/precompiled.ts).
 */
import { writeFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../lib/core/package-root.js';
import { readTemplates } from '../lib/render/read-templates.js';
import { precompileTemplate } from '../lib/render/template-set.js';

// The package's own folder as a publication: its templates are the bundled ones, nothing overlaid.
const sources = await readTemplates(PACKAGE_ROOT);
const entries = [...sources].filter(([name]) => name.endsWith('.hbs')).map(([name, source]) => {
  return `  [${JSON.stringify(name)}, { source: ${JSON.stringify(source)}, spec: ${precompileTemplate(name, source)} }],`;
});
const text = `// Made by scripts/precompile-templates.js from templates/ (npm run compile). Do not edit.\nexport default new Map([\n${entries.join('\n')}\n]);\n`;
writeFileSync(new URL('../lib/precompiled-templates.js', import.meta.url), text);
