// Agency page: its sites with re-check buttons, category scores and trend, findings grouped by rule
// with how to fix and their lifecycle, fixed issues and disputes.
import { CATEGORIES, type Conformance, type Lang } from '../../../core/types.ts';
import { meetsText } from '../../conformance.ts';
import type { ScoreKey } from '../../../core/agency-scoring.ts';
import { esc } from '../../sweep-report/html-escape.ts';
import { dateOf, pct, scoreCell, timeOf } from '../../sweep-report/html.ts';
import { lineChartSvg } from '../../sweep-report/svg.ts';
import { CATEGORY_LABEL, labelOf, SEVERITY_LABEL, STATUS_LABEL, WAIVER_LABEL } from '../labels.ts';
import { href, lx, outLink, renderPage, scrollTable, section } from '../layout.ts';
import type { RuleGroup } from '../rule-groups.ts';
import type { RenderContext } from '../types.ts';
import type { AgencyView } from '../views.ts';
import type { WaiverRow } from '../waivers.ts';
import { checkedWhen, colon, helpLink, lifecycleTag, recheckForm, ruleTitleHtml, selfCheckStatus } from './fragments.ts';

const KEYS: ScoreKey[] = ['overall', ...CATEGORIES];

/** Level met and failing codes of a site's current result. */
function conformanceCell(c: Conformance | null, lang: Lang): string {
  if (!c) return '–';
  const failing = c.codes.filter((x) => x.status === 'fail');
  return `${esc(meetsText(c, lang))}${failing.length ? `<br><span class="muted">✗ ${failing.map((x) => `${esc(x.code)} (${x.pages})`).join(', ')}</span>` : ''}`;
}

export function renderAgency(ctx: RenderContext, v: AgencyView, flash: { kind: 'ok' | 'error'; html: string } | null = null): string {
  const { lang } = ctx;
  const L = lx(lang);
  const n = v.national;

  const scores = n
    ? `<p>${L(['全國檢測', 'National sweep'])} #${v.sweep!.id} · ${L(['基準日', 'Reference date'])} ${esc(dateOf(v.sweep!.nowAt))}</p>
<dl class="summary">
<div><dt>${L(['名次', 'Rank'])}</dt><dd>${n.rank ?? L(['未排名', 'unranked'])}${n.previousRank !== null ? ` <span class="muted">(${L(['前次', 'previous'])} ${n.previousRank})</span>` : ''}</dd></div>
<div><dt>${L(['涵蓋率', 'Coverage'])}</dt><dd>${pct(n.coverage)} <span class="muted">(${n.sitesOk}/${n.sitesRegistered})</span>${n.fullCoverage ? '' : ` <span class="flag">⚠ ${L(['涵蓋率未滿', 'partial coverage'])}</span>`}</dd></div>
<div><dt>${L(['新發現／已修正', 'New / fixed'])}</dt><dd>${n.changes.newFindings + n.changes.regressed} / ${n.changes.fixed}</dd></div>
<div><dt>${L(['規範符合等級', 'Level met (網站無障礙規範)'])}</dt><dd>${esc(n.conformance.meets ?? '–')} <span class="muted">(A ${n.conformance.sitesMeeting.A} · AA ${n.conformance.sitesMeeting.AA} · AAA ${n.conformance.sitesMeeting.AAA} / ${n.conformance.sitesJudged})</span></dd></div>
</dl>
<table class="compact"><caption>${L(['類別分數（各網站平均）', 'Category scores (mean of sites)'])}</caption><thead><tr>${KEYS.map((k) => `<th scope="col">${L(CATEGORY_LABEL[k])}</th>`).join('')}</tr></thead><tbody><tr>${KEYS.map((k) => scoreCell(n.scores[k])).join('')}</tr></tbody></table>
${trendFigure(v, lang)}`
    : `<p>${L(['本機關不在最近一次全國檢測中。', 'This agency is not in the latest national sweep.'])}</p>`;

  const sites = v.sites.length
    ? scrollTable(
        'sites',
        L(['各網站目前結果（最近一次檢測，含自行複檢）', "Each site's current result (latest check, self-checks included)"]),
        [L(['網站', 'Site']), L(['最近檢測', 'Latest check']), L(['狀態', 'Status']), ...KEYS.map((k) => L(CATEGORY_LABEL[k])), L(['發現數', 'Findings']), L(['規範檢核', 'Conformance'])],
        v.sites.map((s) => {
          const c = s.current;
          const label = s.name ? `${s.name} ${s.url}` : s.url;
          return `<tr><th scope="row"><a href="${href(lang, `/sites/${s.id}`)}">${esc(s.name ?? s.url)}</a><br><span class="muted">${esc(s.url)}</span><div class="actions">${recheckForm(ctx, s.id, label)} ${selfCheckStatus(ctx, s.selfCheck, s.id)}</div></th><td>${c ? checkedWhen(c, lang, true) : L(['尚未檢測', 'not checked yet'])}</td><td>${
            c ? `${L(labelOf(STATUS_LABEL, c.status))}${c.error ? `<br><span class="muted">${esc(c.error)}</span>` : ''}` : '–'
          }</td>${KEYS.map((k) => scoreCell(c?.scores[k] ?? null)).join('')}<td class="num">${c ? c.findings : '–'}</td><td>${conformanceCell(c?.conformance ?? null, lang)}</td></tr>`;
        }),
      )
    : `<p>${L(['本機關沒有登錄中的網站。', 'The agency has no registered site.'])}</p>`;

  const open = v.rules.filter((r) => r.elements > 0);
  const rules = open.length
    ? scrollTable(
        'rules',
        L(['各網站目前結果的問題，依規則分組（已核准豁免者不列入）', "Findings of the sites' current results by rule (approved waivers excluded)"]),
        [L(['規則', 'Rule']), L(['嚴重度', 'Severity']), L(['元素數', 'Elements']), L(['頁數', 'Pages']), L(['網站數', 'Sites']), L(['狀態', 'Lifecycle']), L(['修正方式', 'How to fix'])],
        open.map((g) => ruleRow(ctx, g)),
      )
    : `<p>${L(['目前沒有未修正的問題。', 'No open findings.'])}</p>`;

  const fixed = v.fixed.length
    ? `<ul class="issues">${v.fixed
        .map((i) => `<li>${lifecycleTag('fixed', lang)} <code>${esc(i.rule)}</code> ${esc(i.message ?? '')}<br><span class="muted">${esc(i.pageUrl ?? '')} ${i.selector ? `<code>${esc(i.selector)}</code>` : ''}</span></li>`)
        .join('')}</ul>`
    : `<p>${L(['最近一次檢測沒有新修正的問題。', 'No issue was found fixed at the latest checks.'])}</p>`;

  const body = [
    section('scores', L(['分數與趨勢', 'Scores and trend']), scores),
    section('sites', L(['網站', 'Sites']), sites),
    section('findings', L(['問題（依規則）', 'Findings by rule']), rules),
    section('fixed', L(['已修正', 'Fixed']), fixed),
    section('disputes', L(['申覆與豁免', 'Disputes and waivers']), waiverTable(ctx, v.waivers, 'agency-waivers')),
  ].join('\n');
  return renderPage(ctx, {
    title: [v.agency.name, v.agency.name],
    heading: `${esc(v.agency.name)} <span class="muted">(${esc(v.agency.id)})</span>`,
    crumbs: ctx.principal.role === 'oversight' ? [[L(['全國總覽', 'National overview']), href(lang, '/')]] : [],
    body,
    flash,
  });
}

function ruleRow(ctx: RenderContext, g: RuleGroup): string {
  const { lang } = ctx;
  const L = lx(lang);
  const life = (['new', 'open', 'regressed', 'fixed'] as const)
    .filter((k) => g.lifecycle[k] > 0)
    .map((k) => lifecycleTag(k, lang, g.lifecycle[k]))
    .join(' ');
  const waived = g.waived ? ` ${lifecycleTag('waived', lang, g.waived)}` : '';
  const fixZh = g.howToFix['zh-TW'];
  const fixEn = g.howToFix.en;
  const fix = lang === 'en' ? esc(fixEn ?? '') : `${esc(fixZh ?? '')}${fixEn && fixEn !== fixZh ? `<br><span lang="en" class="en">${esc(fixEn)}</span>` : ''}`;
  const examples = g.examples.length
    ? `<details><summary>${L(['範例位置', 'Example locations'])}</summary><ul>${g.examples
        .map((f) => `<li><a href="${href(lang, `/sites/${f.siteId}`)}">${esc(f.pageUrl ?? '')}</a>${f.selector ? ` <code>${esc(f.selector)}</code>` : ''}</li>`)
        .join('')}</ul></details>`
    : '';
  return `<tr><th scope="row">${ruleTitleHtml(g.rule, g.title, lang)}</th><td>${L(labelOf(SEVERITY_LABEL, g.severity))}</td><td class="num">${g.elements}</td><td class="num">${g.pages}</td><td class="num">${g.sites}</td><td>${life}${waived}</td><td>${fix}${helpLink(g.helpUrl, lang)}${examples}</td></tr>`;
}

function trendFigure(v: AgencyView, lang: 'zh-TW' | 'en'): string {
  const n = v.national;
  if (!n || v.trend.length < 2) return '';
  const L = lx(lang);
  const labels = v.trend.map((t) => `#${t.sweepId} ${dateOf(t.nowAt).slice(5)}`);
  const en = lang === 'en';
  const chart = lineChartSvg({
    id: 'agency-trend',
    title: en ? 'Overall score of the agency per national sweep' : '本機關歷次全國檢測總分',
    description: labels.map((l, i) => `${l}: ${n.trend[i] ?? '–'}`).join('; '),
    labels,
    series: [{ name: en ? 'Overall' : '總分', values: n.trend, className: 's-overall' }],
    height: 200,
  });
  return `<figure>${chart}<figcaption>${L(['本機關歷次全國檢測總分', 'Overall score per national sweep'])}${colon(lang)}${esc(labels.map((l, i) => `${l} ${n.trend[i] ?? '–'}`).join(lang === 'en' ? ', ' : '、'))}</figcaption></figure>`;
}

export function waiverTable(ctx: RenderContext, list: WaiverRow[], id: string): string {
  const { lang } = ctx;
  const L = lx(lang);
  if (!list.length) return `<p>${L(['沒有申覆。', 'No disputes.'])}</p>`;
  return scrollTable(
    id,
    L(['申覆（機關提出，監督機關核定）', 'Disputes (asked by the agency, decided by oversight)']),
    [L(['網站', 'Site']), L(['規則', 'Rule']), L(['位置', 'Location']), L(['理由', 'Reason']), L(['狀態', 'State']), L(['提出時間', 'Asked'])],
    list.map(
      (w) =>
        `<tr><th scope="row"><a href="${href(lang, `/sites/${w.siteId}`)}">${esc(w.siteName ?? w.siteUrl)}</a></th><td><code>${esc(w.rule)}</code></td><td>${outLink(w.pageUrl)}${w.selector ? `<br><code>${esc(w.selector)}</code>` : ''}</td><td>${esc(w.reason)}</td><td>${L(labelOf(WAIVER_LABEL, w.state))}${
          w.decisionNote ? `<br><span class="muted">${esc(w.decisionNote)}</span>` : ''
        }</td><td>${esc(timeOf(w.requestedAt))}</td></tr>`,
    ),
  );
}
