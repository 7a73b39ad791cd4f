import type mjml2html from 'mjml';
import { MonitorError } from '../core/errors.js';
import { templateFile } from './template-set.js';

interface MjmlProblem {
  line?: number;
  message?: string;
  tagName?: string;
}

type Mjml2Html = typeof mjml2html;

let loading: Promise<Mjml2Html> | undefined;

/**
 * MJML, imported on first use: loading it (with juice, cheerio and undici) takes about half a second,
 * which commands that never render an email should not pay. Calling this early starts the load.
 */
export function loadMjml(): Promise<Mjml2Html> {
  loading ??= import('mjml').then((module) => module.default);
  return loading;
}

/**
 * MJML to email HTML, validated at level `strict`: any MJML error fails with a MonitorError naming the
 * template that produced the MJML. No web fonts are linked (the email uses system serif fonts).
 */
export async function mjmlToHtml(mjml: string, template: string): Promise<string> {
  const render = await loadMjml();
  try {
    const result = await render(mjml, {
      validationLevel: 'strict',
      fonts: {},
      keepComments: false,
      juiceOptions: { applyWidthAttributes: false, applyHeightAttributes: false },
    });
    if (result.errors.length > 0) throw mjmlError(template, result.errors);
    return result.html;
  } catch (error) {
    throw mjmlError(template, (error as { errors?: MjmlProblem[] }).errors ?? [], error);
  }
}

function mjmlError(template: string, problems: MjmlProblem[], cause?: unknown): MonitorError {
  if (cause instanceof MonitorError) return cause;
  const lines = problems.map((problem) => `line ${problem.line ?? '?'} of the MJML it produced: <${problem.tagName ?? '?'}> ${problem.message ?? ''}`);
  const reason = lines.length > 0 ? lines.join('\n  ') : cause instanceof Error ? cause.message : String(cause);
  return new MonitorError(`${templateFile(template)} does not produce valid MJML:\n  ${reason}`, { cause });
}
