// Fragments shared by the agency and site pages.
import type { Lang, Localized } from '../../../core/types.ts';
import { esc, safeHref } from '../../sweep-report/html-escape.ts';
import { dateOf, timeOf } from '../../sweep-report/html.ts';
import { JOB_LABEL, labelOf, LANE_LABEL, LIFECYCLE_LABEL } from '../labels.ts';
import { csrfField, href, lx, plain } from '../layout.ts';
import type { ResultSummary, SelfCheckJob } from '../queries.ts';
import type { RenderContext } from '../types.ts';

/** zh-TW title with the English one beside it (English only in English mode). */
export function ruleTitleHtml(rule: string, title: Localized | null, lang: Lang): string {
  const code = `<code>${esc(rule)}</code>`;
  if (!title) return code;
  if (lang === 'en') return `${esc(title.en)}<br>${code}`;
  return `${esc(title['zh-TW'])}<br><span lang="en" class="en">${esc(title.en)}</span><br>${code}`;
}

export function lifecycleTag(state: string, lang: Lang, count?: number): string {
  return `<span class="life life-${esc(state)}">${lx(lang)(labelOf(LIFECYCLE_LABEL, state))}${count === undefined ? '' : ` ${count}`}</span>`;
}

/** Which check a result came from: lane, sweep and when it was recorded (compact: reference date only). */
export function checkedWhen(r: ResultSummary, lang: Lang, compact = false): string {
  const what = `${lx(lang)(labelOf(LANE_LABEL, r.lane))} #${r.sweepId}`;
  return compact ? `${what}<br><span class="nowrap">${esc(dateOf(r.nowAt))}</span>` : `${what} · ${esc(timeOf(r.recordedAt))}`;
}

/** The colon after a label: full-width in Chinese text, ": " in English. */
export const colon = (lang: Lang) => (lang === 'en' ? ': ' : '：');

/** The re-check button of one registered site (posts the site id only, never a URL). */
export function recheckForm(ctx: RenderContext, siteId: number, siteLabel: string): string {
  const L = lx(ctx.lang);
  return `<form method="post" action="/sites/${siteId}/recheck" class="inline">${csrfField(ctx)}<button type="submit">${esc(plain(['重新檢測', 'Re-check'], ctx.lang))}<span class="vh"> ${esc(siteLabel)}</span></button></form>`;
}

export function selfCheckStatus(ctx: RenderContext, job: SelfCheckJob | null, siteId: number): string {
  if (!job) return '';
  const L = lx(ctx.lang);
  const state = job.state === 'done' && !job.recorded ? 'queued' : job.state;
  const waiting = state !== 'done';
  return `<span class="muted">${L(['自行複檢', 'Self-check'])} #${job.sweepId}${colon(ctx.lang)}${L(labelOf(JOB_LABEL, state))}${job.lastError && waiting ? ` (${esc(job.lastError)})` : ''}</span>${
    waiting ? ` <a href="${href(ctx.lang, `/sites/${siteId}`)}">${L(['重新整理', 'Refresh'])}</a>` : ''
  }`;
}

export function helpLink(url: string | null, lang: Lang): string {
  const h = safeHref(url);
  return h ? ` <a href="${h}" rel="noopener noreferrer">${lx(lang)(['說明', 'Details'])}</a>` : '';
}
