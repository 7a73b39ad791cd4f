/**
 * `node bench/inline-fragment.js --root PUBLICATION [--issues N] [--runs R] [--baseline LIB]`: the CPU time of
 * the email fast path's fragment inliner (lib/render/email/inline-fragment.js), alone. The emails of the
 * first N issues are rendered once through the fast path while every call to FragmentInliner.inline is
 * recorded (fragment, place, answer); then the recorded calls are replayed R times, each time through a new
 * inliner (an empty chain cache, as in a cold build). With --baseline, another compiled lib/ folder (such
 * as an older commit's) replays the same calls, runs alternating, and must give the same answers.
 * Run `npm run compile` first; PUBLICATION can be the archive `npm run bench` generates.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    issues: { type: 'string', default: '400' },
    runs: { type: 'string', default: '9' },
    baseline: { type: 'string' },
  },
});
if (!values.root) {
  process.stderr.write('usage: node bench/inline-fragment.js --root PUBLICATION [--issues N] [--runs R] [--baseline LIB]\n');
  process.exit(2);
}

const LIB = new URL('../lib/', import.meta.url);
const lib = await import(new URL('index.js', LIB).href);
const ours = await import(new URL('render/email/inline-fragment.js', LIB).href);
const calls = await record(path.resolve(values.root), Number(values.issues));
const contenders = [{ name: 'this lib', FragmentInliner: ours.FragmentInliner }];
if (values.baseline) {
  const url = pathToFileURL(path.join(path.resolve(values.baseline), 'render/email/inline-fragment.js')).href;
  contenders.unshift({ name: 'baseline', FragmentInliner: (await import(url)).FragmentInliner });
}

const times = new Map(contenders.map((contender) => [contender.name, []]));
for (let run = 0; run < Number(values.runs); run += 1) {
  for (const contender of contenders) {
    const { ms, digest } = replay(contender.FragmentInliner, calls);
    if (digest !== calls.digest) throw new Error(`${contender.name} answers differently from the recorded run`);
    times.get(contender.name)?.push(ms);
  }
}
const bytes = calls.list.reduce((sum, call) => sum + call.html.length, 0);
process.stdout.write(`${calls.list.length} calls, ${(bytes / 1024).toFixed(0)} KiB of fragments, ${values.runs} runs\n`);
for (const [name, list] of times) process.stdout.write(`${name}: median ${median(list).toFixed(1)} ms (runs: ${list.map((ms) => ms.toFixed(0)).join(' ')})\n`);
if (values.baseline) {
  const [base, now] = [...times.values()].map(median);
  process.stdout.write(`ratio this/baseline: ${(/** @type {number} */ (now) / /** @type {number} */ (base)).toFixed(2)}\n`);
}

/**
 * Render the first `count` issues' emails through the fast path, keeping every inline call.
 * @param {string} root
 * @param {number} count
 */
async function record(root, count) {
  /** @type {Array<{ rules: unknown, html: string, place: unknown, answer: string | undefined }>} */
  const list = [];
  const original = ours.FragmentInliner.prototype.inline;
  ours.FragmentInliner.prototype.inline = function inline(/** @type {string} */ html, /** @type {unknown} */ place) {
    const answer = original.call(this, html, place);
    list.push({ rules: rulesOf(this), html, place, answer });
    return answer;
  };
  const { publication } = await lib.loadPublication(root);
  const site = lib.composeSite(publication);
  const renderer = lib.createRenderer(await lib.readTemplates(root), { publication: site.publication });
  for (const issue of site.issues.slice(0, count)) await renderer.email(issue);
  ours.FragmentInliner.prototype.inline = original;
  return { list, digest: digestOf(list.map((call) => call.answer)) };
}

/**
 * The InlineRules an inliner was made with. They are private to it, and the field's name has changed
 * between versions; a replay needs them to make new inliners alike.
 * @param {any} inliner
 */
function rulesOf(inliner) {
  return inliner.shared?.rules ?? inliner.rules;
}

/**
 * Every recorded call through a new inliner per set of rules; the time taken and a digest of the answers.
 * @param {any} FragmentInliner
 * @param {{ list: Array<{ rules: unknown, html: string, place: unknown }> }} calls
 */
function replay(FragmentInliner, calls) {
  const inliners = new Map();
  const answers = [];
  const start = process.cpuUsage();
  for (const call of calls.list) {
    let inliner = inliners.get(call.rules);
    if (!inliner) inliners.set(call.rules, (inliner = new FragmentInliner(call.rules)));
    answers.push(inliner.inline(call.html, call.place));
  }
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, digest: digestOf(answers) };
}

/** @param {Array<string | undefined>} answers */
function digestOf(answers) {
  const hash = createHash('sha256');
  for (const answer of answers) hash.update(answer === undefined ? '\u0000undefined\u0000' : `${answer.length}:${answer}`);
  return hash.digest('hex');
}

/** @param {number[]} list */
function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return /** @type {number} */ (sorted[Math.floor(sorted.length / 2)]);
}
