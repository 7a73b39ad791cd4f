import path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isIsoDate } from '../core/dates.js';
import { MonitorError, UsageError } from '../core/errors.js';
import { TOOL_VERSION } from '../core/version.js';
import { findPublicationRoot } from '../config/find-root.js';
import type { CommandIO } from './io.js';

/** Options every command accepts. */
interface GlobalOptions {
  /** `--root`, when given. */
  root?: string;
}

/**
 * Run the command line. Each command lazy-imports its module from ./commands/, so `monitor --help`
 * loads neither MJML nor the feed parser. Returns the exit code: 0 success, 1 user error, 2 bad usage.
 */
export async function main(argv: string[], io: Partial<CommandIO> = {}): Promise<number> {
  const out = io.out ?? ((text: string) => process.stdout.write(text));
  const err = io.err ?? ((text: string) => process.stderr.write(text));
  const start = io.root ?? process.cwd();
  // `init` makes a publication where it is told; every other command looks for one upwards.
  const context = (name: CommandName, options: GlobalOptions): CommandIO => ({
    root: name === 'init' ? path.resolve(start, options.root ?? '.') : findPublicationRoot(start, options.root),
    out, err, isTTY: io.isTTY ?? Boolean(process.stderr.isTTY),
  });
  let exitCode = 0;
  const program = new Command('monitor').exitOverride().configureOutput({ writeOut: out, writeErr: err });
  addCommands(program, async (name, args, options) => {
    const command = await COMMANDS[name]();
    exitCode = await (command as CommandModule).run(args, options as never, context(name, options));
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (caught) {
    return reportFailure(caught, err);
  }
}

function reportFailure(caught: unknown, err: (text: string) => void): number {
  if (caught instanceof CommanderError) {
    return caught.code === 'commander.helpDisplayed' || caught.code === 'commander.version' || caught.exitCode === 0 ? 0 : 2;
  }
  if (caught instanceof UsageError) {
    err(`monitor: ${caught.message}\n`);
    return 2;
  }
  if (caught instanceof MonitorError) {
    err(`${caught.describe()}\n`);
    return 1;
  }
  err(`monitor: unexpected failure; this is a bug, please report it with the text below.\n${(caught as Error)?.stack ?? String(caught)}\n`);
  return 1;
}

/** A command module: runs with its positional arguments and options, prints through io, returns the exit code. */
interface CommandModule {
  run(args: unknown[], options: never, io: CommandIO): Promise<number>;
}

/** Each command's module, imported only when that command runs. */
const COMMANDS = {
  init: () => import('./commands/init.js'),
  new: () => import('./commands/new.js'),
  validate: () => import('./commands/validate.js'),
  build: () => import('./commands/build.js'),
  render: () => import('./commands/render.js'),
  preview: () => import('./commands/preview.js'),
  send: () => import('./commands/send.js'),
  export: () => import('./commands/export.js'),
  ingest: () => import('./commands/ingest.js'),
  accept: () => import('./commands/accept.js'),
  templates: () => import('./commands/templates.js'),
  import: () => import('./commands/import.js'),
  item: () => import('./commands/item.js'),
} satisfies Record<string, () => Promise<CommandModule>>;

type CommandName = keyof typeof COMMANDS;

type Dispatch = (name: CommandName, args: unknown[], options: GlobalOptions & Record<string, unknown>) => Promise<void>;

/** Declare every command; settings made on `program` before this are inherited by the commands. */
function addCommands(program: Command, dispatch: Dispatch): void {
  program
    .description('Compose, validate and publish a numbered newsletter digest as email, web pages and feeds.')
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run "monitor --help" for usage)')
    .enablePositionalOptions();

  const command = (name: string, description: string, root = 'publication folder (default: the nearest folder at or above this one that holds monitor.config.yaml)') =>
    program
      .command(name)
      .description(description)
      .option('--root <dir>', root)
      .showHelpAfterError();
  const action = (name: CommandName) =>
    async function (this: Command, ...args: unknown[]) {
      await dispatch(name, args.slice(0, -2), this.opts() as GlobalOptions & Record<string, unknown>);
    };

  command('init [dir]', 'scaffold a new publication (config, sources, one sample issue)', 'the folder [dir] is taken from (default: the current folder)')
    .option('--force', 'write into a folder that is not empty (never overwrites files)')
    .action(action('init'));
  command('new', 'create issues/<next number>/issue.md as a draft and print its path')
    .option('--date <date>', 'issue date, YYYY-MM-DD (default: 7 days after the last issue, or today)', isoDateArgument)
    .option('--author <name>', 'author (repeat for several; default: the last issue\'s authors)', collect)
    .option('--number <n>', 'issue number (default: the last number + 1)', positiveInteger)
    .action(action('new'));
  command('validate', 'check the whole publication; exit 1 on any error')
    .option('--json', 'print { errors, warnings } as JSON')
    .action(action('validate'));
  command('build', 'render web pages, email and feeds into the output folder')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--issue <n>', 'build only this issue (and the pages that list it)', positiveInteger)
    .option('--drafts', 'include draft issues (never in feeds)')
    .option('--json', 'print the build summary as JSON')
    .action(action('build'));
  command('render', 'print one issue in one format to standard output')
    .argument('<number>', 'the issue number', positiveInteger)
    .addOption(new Option('--format <format>', 'output format').choices(['email', 'text', 'web']).default('web'))
    .action(action('render'));
  command('preview', 'serve the site with rebuild and live reload while files change')
    .option('--port <port>', 'port on 127.0.0.1 (0: any free port)', portNumber, 4000)
    .option('--issue <n>', 'open this issue\'s preview', positiveInteger)
    .option('--open', 'open the preview in a browser')
    .action(action('preview'));
  command('send', 'send one issue as a multipart email through SMTP')
    .argument('<number>', 'the issue number', positiveInteger)
    .requiredOption('--to <address>', 'recipient address (repeat for several)', collect)
    .option('--smtp <url>', 'SMTP server URL, such as smtps://user:pass@mail.example.org:465 (default: $MONITOR_SMTP_URL)')
    .option('--test', 'mark the subject [TEST] (a proof)')
    .option('--force', 'send a draft, or send again to a list that already received this issue')
    .action(action('send'));
  command('export', 'write one issue as a message file for a mail client or service')
    .argument('<number>', 'the issue number', positiveInteger)
    .option('--eml', 'write an .eml file (the default and only format)')
    .option('--out <file>', 'where to write it, relative to the publication folder (default: issue-<N>.eml there)')
    .action(action('export'));
  command('ingest', 'fetch the feeds in feeds/sources.yaml and draft candidate items')
    .option('--since <date>', 'only entries on or after this date, YYYY-MM-DD; entries seen before are read again unless drafted or cited', isoDateArgument)
    .option('--window <days>', 'reports of one event at most this many days apart are one story', positiveInteger, 7)
    .option('--dry-run', 'fetch and report, but write no candidates and no state')
    .option('--source <name>', 'only this publication\'s feed')
    .option('--json', 'print the summary as JSON')
    .option('--max-per-feed <n>', 'draft at most this many candidates per feed; the rest are skipped and remembered as seen', positiveInteger, 200)
    .action(action('ingest'));
  command('accept <candidate>', 'move a candidate into an issue as its next item')
    .option('--issue <n>', 'target issue (default: the newest draft issue)', positiveInteger)
    .action(action('accept'));
  command('item', 'write the next item of an issue with its front matter filled in, and print its path')
    .argument('<headline>', 'the headline, in normal case and in quotes')
    .option('--issue <n>', 'the issue to add it to (default: the newest draft issue)', positiveInteger)
    .option('--source <source>', 'a source: "Publication, YYYY-MM-DD[, URL]" (repeat for several)', collect)
    .option('--category <name>', 'a category from monitor.config.yaml (repeat for several)', collect)
    .action(action('item'));
  command('templates', 'list the built-in templates, copy one to customise it, or see how your copies differ')
    .addArgument(new Argument('<action>', 'list | copy | diff').choices(['list', 'copy', 'diff']))
    .argument('[names...]', 'templates to copy or compare, such as web/issue.hbs (diff: all your copies by default)')
    .action(action('templates'));
  command('import', 'turn published issues (plain text, Markdown or saved web pages) into issue folders and items')
    .argument('<inputs...>', 'files or folders of published issues')
    .option('--dry-run', 'print what would be written, and write nothing')
    .addOption(new Option('--status <status>', 'status of the imported issues').choices(['published', 'draft']).default('published'))
    .option('--add-missing', 'add unknown categories and publications to the settings instead of skipping their issues')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', IMPORT_EXAMPLE)
    .action(action('import'));
}

/** The house style an import reads, shown in \`monitor import --help\`. */
const IMPORT_EXAMPLE = `
An issue in the house style, as plain text (a saved web page or Markdown reads the same way):

  Russia Reform Monitor No. 2359

  January 13, 2020 Margot van Loon

  Related Categories: Democracy and Governance; Economic Sanctions; China; North Korea; Russia

  NO BREAKTHROUGH AFTER LAVROV VISIT

  First paragraph ... (*Radio Free Europe/Radio Liberty*, December 15, 2019)

  MOSCOW BACKS BREATHING ROOM FOR PYONGYANG

  First paragraph ...

  Second paragraph ... (*The Moscow Times*, December 17, 2019; Reuters, December 29, 2019)

Each issue becomes issues/<N>/issue.md and one <NN>-<slug>.md per headline; the citation becomes the
item's sources (italic names are periodicals, roman ones wire services). Nothing existing is overwritten;
an input that cannot be read is reported with its file and line, and the exit code is 1.`;

/** Gather a repeatable option's values; no default, so help shows none and absence stays undefined. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number such as 2359');
  return Number(value);
}

function portNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return Number(value);
}

function isoDateArgument(value: string): string {
  if (!isIsoDate(value)) {
    throw new InvalidArgumentError('expected a date written YYYY-MM-DD, such as 2020-01-13');
  }
  return value;
}
