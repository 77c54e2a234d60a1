// Site page: the current check, sampled pages, findings with selector and snippet (escaped: they
// come from the scanned page), needs-review items, waived and fixed findings, check history.
import { CATEGORIES } from '../../../core/types.ts';
import type { ScoreKey } from '../../../core/agency-scoring.ts';
import { ruleTitleLocalized, screenshotAlt } from '../../rule-text.ts';
import { esc } from '../../sweep-report/html-escape.ts';
import { scoreCell, timeOf } from '../../sweep-report/html.ts';
import { CATEGORY_LABEL, labelOf, SEVERITY_LABEL, STATUS_LABEL, WAIVER_LABEL } from '../labels.ts';
import { href, lx, outLink, renderPage, scrollTable, section } from '../layout.ts';
import type { FindingRow } from '../queries.ts';
import type { RenderContext } from '../types.ts';
import type { SitePageView, SiteView } from '../views.ts';
import type { WaiverRow } from '../waivers.ts';
import { waiverTable } from './agency.ts';
import { conformanceHtml } from '../../conformance.ts';
import { checkedWhen, colon, helpLink, lifecycleTag, recheckForm, ruleTitleHtml, selfCheckStatus } from './fragments.ts';

const KEYS: ScoreKey[] = ['overall', ...CATEGORIES];
const SNIPPET_MAX = 600;

export function renderSite(ctx: RenderContext, v: SiteView, flash: { kind: 'ok' | 'error'; html: string } | null = null): string {
  const { lang } = ctx;
  const L = lx(lang);
  const s = v.site;
  const c = v.current;
  const siteLabel = s.name ? `${s.name} ${s.url}` : s.url;

  const summary = `<p>${L(['網址', 'URL'])}${colon(lang)}${outLink(s.url)}${s.active ? '' : ` <strong>${L(['（已不在登錄清單中）', '(no longer registered)'])}</strong>`}</p>
${
  c
    ? `<p>${L(['目前結果', 'Current result'])}${colon(lang)}${checkedWhen(c, lang)} · ${L(labelOf(STATUS_LABEL, c.status))}${c.error ? ` · ${esc(c.error)}` : ''}${c.pruned ? ` · ${L(['此次檢測的頁面細節已清除，僅保留分數。', 'page detail of this check was pruned; scores only.'])}` : ''}</p>
<table class="compact"><caption>${L(['分數', 'Scores'])}</caption><thead><tr>${KEYS.map((k) => `<th scope="col">${L(CATEGORY_LABEL[k])}</th>`).join('')}</tr></thead><tbody><tr>${KEYS.map((k) => scoreCell(c.scores[k])).join('')}</tr></tbody></table>
<p class="muted">govcheck ${esc(c.engines.govcheck ?? '-')} · axe-core ${esc(c.engines.axe ?? '-')} · Lighthouse ${esc(c.engines.lighthouse ?? '-')} · Chromium ${esc(c.engines.chromium ?? '-')} · ${L(['規則版本', 'ruleset'])} ${esc(c.engines.ruleset ?? '-')}${c.lastUpdated ? ` · ${L(['最近更新', 'last updated'])} ${esc(c.lastUpdated)}` : ''}</p>`
    : `<p>${L(['此網站尚未檢測。', 'This site has not been checked yet.'])}</p>`
}
<div class="actions">${s.active ? recheckForm(ctx, s.id, siteLabel) : ''} ${selfCheckStatus(ctx, v.selfCheck, s.id)}</div>`;

  const pages = v.pages.length
    ? scrollTable(
        'pages',
        L(['本次抽樣的頁面', 'Pages sampled in this check']),
        [L(['頁面', 'Page']), L(['標題', 'Title']), L(['HTTP 狀態', 'HTTP status']), L(['抽樣原因', 'Sampled because']), L(['無障礙分數', 'Accessibility']), L(['發現數', 'Findings'])],
        v.pages.map(
          (p, i) =>
            `<tr><th scope="row">${outLink(p.url)}${p.error ? `<br><span class="muted">${esc(p.error)}</span>` : ''}</th><td>${esc(p.title ?? '')}</td><td class="num">${p.httpStatus ?? '–'}</td><td>${esc(p.sampledBecause ?? '')}</td>${scoreCell(p.accessibilityScore)}<td class="num">${
              p.findings.length || p.needsReview.length ? `<a href="#page-${i + 1}-h">${p.findingsCount}</a>` : String(p.findingsCount)
            }</td></tr>`,
        ),
      ) +
      (c && c.skippedPages.length
        ? `<h3>${L(['未能檢測的頁面', 'Pages skipped'])}</h3><ul>${c.skippedPages.map((p) => `<li>${outLink(p.url)}${colon(lang)}${esc(p.reason)}</li>`).join('')}</ul>`
        : '')
    : `<p>${L(['沒有頁面資料。', 'No page detail.'])}</p>`;

  const findings = v.pages.some((p) => p.findings.length || p.needsReview.length)
    ? v.pages.map((p, i) => pageFindings(ctx, p, i + 1)).join('\n')
    : `<p>${L(['目前沒有未修正的問題。', 'No open findings.'])}</p>`;

  const waived = v.waived.length
    ? `<ul class="findings">${v.waived.map((f) => findingItem(ctx, f, f.waiver)).join('')}</ul>`
    : `<p>${L(['沒有已豁免的問題。', 'No waived findings.'])}</p>`;

  const fixed = v.fixed.length
    ? `<ul class="issues">${v.fixed.map((i) => `<li>${lifecycleTag('fixed', lang)} <code>${esc(i.rule)}</code> ${esc(i.message ?? '')}<br><span class="muted">${esc(i.pageUrl ?? '')}${i.selector ? ` <code>${esc(i.selector)}</code>` : ''}</span></li>`).join('')}</ul>`
    : `<p>${L(['此次檢測沒有新修正的問題。', 'No issue was found fixed at this check.'])}</p>`;

  const history = v.history.length
    ? scrollTable(
        'history',
        L(['此網站的檢測紀錄（最新在前）', 'Checks of this site (newest first)']),
        [L(['檢測', 'Check']), L(['狀態', 'Status']), L(['總分', 'Overall']), L(['發現數', 'Findings'])],
        v.history.map((h) => `<tr><th scope="row">${checkedWhen(h, lang)}</th><td>${L(labelOf(STATUS_LABEL, h.status))}</td>${scoreCell(h.scores.overall)}<td class="num">${h.findings}</td></tr>`),
      )
    : '';

  // 規範檢核: per code its titles, level, pages failing and the open findings that evidence it.
  const evidence = v.pages.flatMap((p) => p.findings.filter((f) => f.twCodes).map((f) => ({ page: f.pageUrl, rule: f.rule, selector: f.selector, message: f.message, twCodes: f.twCodes!.split(',') })));
  const conformance = c?.conformance
    ? conformanceHtml(c.conformance, evidence, lang, 3)
    : `<p>${L(['此次檢測沒有規範檢核結果（未檢測無障礙，或為舊版紀錄）。', 'No conformance verdict for this check (accessibility not checked, or recorded by an older version).'])}</p>`;

  const body = [
    section('current', L(['目前結果', 'Current result']), summary),
    section('conformance', L(['規範檢核', 'Conformance (網站無障礙規範)']), conformance),
    section('pages', L(['抽樣頁面', 'Sampled pages']), pages),
    section('findings', L(['問題與待人工檢視項目', 'Findings and items needing review']), findings),
    section('waived', L(['已豁免的問題', 'Waived findings']), waived),
    section('fixed', L(['已修正', 'Fixed']), fixed),
    section('disputes', L(['申覆', 'Disputes']), waiverTable(ctx, v.waivers, 'site-waivers')),
    section('history', L(['檢測紀錄', 'History']), history),
  ].join('\n');
  const crumbs: [string, string][] = [];
  if (ctx.principal.role === 'oversight') crumbs.push([L(['全國總覽', 'National overview']), href(lang, '/')]);
  crumbs.push([esc(s.agencyName), href(lang, `/agencies/${encodeURIComponent(s.agencyId)}`)]);
  return renderPage(ctx, { title: [s.name ?? s.url, s.name ?? s.url], heading: esc(s.name ?? s.url), crumbs, body, flash });
}

function pageFindings(ctx: RenderContext, p: SitePageView, n: number): string {
  const { lang } = ctx;
  const L = lx(lang);
  if (!p.findings.length && !p.needsReview.length) return '';
  const review = p.needsReview.length
    ? `<h4>${L(['待人工檢視', 'Needs review'])}（${p.needsReview.length}）</h4><ul class="findings">${p.needsReview
        .map(
          (r) =>
            `<li><strong>${esc(r.help)}</strong> <code>${esc(`axe/${r.rule}`)}</code>${r.impact ? ` · ${L(labelOf(SEVERITY_LABEL, r.impact))}` : ''}${helpLink(r.helpUrl, lang)}<ul>${r.nodes
              .slice(0, 10)
              .map((node) => `<li><code>${esc(node.selector)}</code>${node.reason ? ` — ${esc(node.reason)}` : ''}${snippet(node.snippet)}</li>`)
              .join('')}</ul>${r.nodes.length > 10 ? `<p class="muted">${L([`另有 ${r.nodes.length - 10} 個元素。`, `${r.nodes.length - 10} more elements.`])}</p>` : ''}</li>`,
        )
        .join('')}</ul>`
    : '';
  return `<section id="page-${n}" aria-labelledby="page-${n}-h">
<h3 id="page-${n}-h">${L(['頁面', 'Page'])} ${n}${colon(lang)}${esc(p.title || p.url)}</h3>
<p class="muted">${outLink(p.url)}</p>
${p.findings.length ? `<ul class="findings">${p.findings.map((f) => findingItem(ctx, f, f.waiver)).join('')}</ul>` : ''}
${review}
</section>`;
}

function snippet(s: string | null): string {
  if (!s) return '';
  const cut = s.length > SNIPPET_MAX ? `${s.slice(0, SNIPPET_MAX)}…` : s;
  return `<pre class="snippet"><code>${esc(cut)}</code></pre>`;
}

/** The element as the page showed it during the check (served by the dashboard from the database). */
function screenshot(f: FindingRow, lang: RenderContext['lang']): string {
  if (!f.shotWidth || !f.shotHeight) return '';
  return `<p><img class="shot" src="/findings/${f.id}/screenshot" width="${f.shotWidth}" height="${f.shotHeight}" alt="${esc(screenshotAlt(f.rule, f.selector, lang))}" loading="lazy"></p>`;
}

function findingItem(ctx: RenderContext, f: FindingRow, waiver: WaiverRow | null): string {
  const { lang } = ctx;
  const L = lx(lang);
  const state = waiver?.state === 'approved' ? lifecycleTag('waived', lang) : lifecycleTag(f.lifecycle, lang);
  // Disputes are the agency's to ask (oversight decides them on the waivers page).
  const rejected = waiver?.state === 'rejected' ? ` <span class="muted">(${L(['前次申覆已駁回', 'an earlier dispute was rejected'])})</span>` : '';
  let dispute = rejected;
  if (waiver && waiver.state !== 'rejected') dispute = `<span class="muted">${L(['申覆', 'Dispute'])}${colon(lang)}${L(labelOf(WAIVER_LABEL, waiver.state))}</span>`;
  else if (ctx.principal.role === 'agency') {
    dispute = `<a href="${href(lang, `/findings/${f.id}/dispute`)}">${L(['提出申覆', 'Dispute this finding'])}<span class="vh"> ${esc(f.rule)} ${esc(f.selector ?? '')}</span></a>${rejected}`;
  }
  return `<li>${state} ${L(labelOf(SEVERITY_LABEL, f.severity))} · ${ruleTitleHtml(f.rule, ruleTitleLocalized(f.rule), lang)}
<p>${esc(f.message)}${helpLink(f.help, lang)}</p>
${f.selector ? `<p>${L(['選擇器', 'Selector'])}${colon(lang)}<code>${esc(f.selector)}</code></p>` : ''}${screenshot(f, lang)}${snippet(f.snippet)}
${dispute ? `<p>${dispute}</p>` : ''}</li>`;
}
