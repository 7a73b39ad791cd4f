import mjml2html from 'mjml';
import { MonitorError } from '../core/errors.js';
import { templateFile } from './template-set.js';

interface MjmlProblem {
  line?: number;
  message?: string;
  tagName?: string;
}

/**
 * MJML to email HTML, validated at level `strict`: any MJML error fails with a MonitorError naming the
 * template that produced the MJML. No web fonts are linked (the email uses system serif fonts).
 */
export async function mjmlToHtml(mjml: string, template: string): Promise<string> {
  try {
    const result = await mjml2html(mjml, {
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
