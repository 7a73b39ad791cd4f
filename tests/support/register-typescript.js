// Registers typescript-hooks.js in a test process and, through its execArgv, in every worker thread it starts.
import { register } from 'node:module';

register('./typescript-hooks.js', import.meta.url);
