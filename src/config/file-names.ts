/** The publication's settings file, at its root. */
export const CONFIG_FILE = 'monitor.config.yaml';
/** The publications the team cites and watches. */
export const SOURCES_FILE = 'feeds/sources.yaml';
