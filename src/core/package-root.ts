import { fileURLToPath } from 'node:url';

/** The folder of monitor's own package (holding templates/ and scaffold/), from src/core or lib/core. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
