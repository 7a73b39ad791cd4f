import { loadMjml, mjmlToHtml } from '../mjml.js';
import type { TemplateSet } from '../template-set.js';
import type { TextCache } from '../types.js';
import { compileEmailSkeleton, type EmailSkeleton, type SkeletonContext, type SkeletonResult } from './email-skeleton.js';

/** `fast`: compile the MJML skeleton once and fill it per issue; `direct`: run MJML on every issue. */
export type EmailPath = 'fast' | 'direct';

export interface EmailRenderer {
  /** Load MJML and compile the skeleton; safe to call early and more than once. */
  prepare(): Promise<void>;
  render(context: object): Promise<string>;
  /** Why the template cannot take the fast path, once prepared; undefined when it can (or was not asked to). */
  slowPathReason(): Promise<string | undefined>;
}

/** The email template's name in the template set. */
export const EMAIL_TEMPLATE = 'email.mjml.hbs';
const TEMPLATE = EMAIL_TEMPLATE;

/**
 * The email path of a renderer. The fast path gives the same bytes as the direct one; where it cannot (a
 * template without markers, content the inliner does not handle) that email is rendered directly.
 */
export function createEmailRenderer(templates: TemplateSet, skeletonContext: SkeletonContext, path: EmailPath, cache?: TextCache): EmailRenderer {
  let skeleton: Promise<SkeletonResult> | undefined;
  const prepare = () => {
    skeleton ??= path === 'direct'
      ? loadMjml().then(() => ({ reason: undefined }))
      : compileEmailSkeleton(templates, TEMPLATE, skeletonContext, (mjml) => skeletonHtml(mjml, cache), cache).catch(() => ({ reason: undefined }));
    return skeleton;
  };
  return {
    async prepare() {
      await prepare();
    },
    async render(context) {
      const compiled = await prepare();
      const filled = 'skeleton' in compiled ? fillOrNothing(compiled.skeleton, context) : undefined;
      return filled ?? mjmlToHtml(templates.render(TEMPLATE, context), TEMPLATE);
    },
    async slowPathReason() {
      const compiled = await prepare();
      return 'reason' in compiled ? compiled.reason : undefined;
    },
  };
}

/** MJML's HTML of the skeleton: remembered from an earlier run, or made now (and remembered). */
async function skeletonHtml(mjml: string, cache: TextCache | undefined): Promise<string> {
  const known = cache?.get(mjml);
  if (known !== undefined) return known;
  const html = await mjmlToHtml(mjml, TEMPLATE);
  cache?.set(mjml, html);
  return html;
}

/** A failure while filling is left for the direct path to report, with the template's name and line. */
function fillOrNothing(skeleton: EmailSkeleton, context: object): string | undefined {
  try {
    return skeleton.fill(context);
  } catch {
    return undefined;
  }
}
