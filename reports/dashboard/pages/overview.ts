// National overview (oversight): ranking with coverage, score distribution, trend over sweeps.
import { CATEGORIES } from '../../../core/types.ts';
import type { ScoreKey } from '../../../core/agency-scoring.ts';
import { ruleTitleLocalized } from '../../rule-text.ts';
import { esc } from '../../sweep-report/html-escape.ts';
import { dateOf, pct, scoreCell } from '../../sweep-report/html.ts';
import { lineChartSvg } from '../../sweep-report/svg.ts';
import { binLabel, histogramSvg } from '../charts.ts';
import { CATEGORY_LABEL, labelOf, SEVERITY_LABEL } from '../labels.ts';
import { href, lx, plain, renderPage, scrollTable, section } from '../layout.ts';
import type { RenderContext } from '../types.ts';
import type { OverviewView } from '../views.ts';

const KEYS: ScoreKey[] = ['overall', ...CATEGORIES];

export function renderOverview(ctx: RenderContext, v: OverviewView): string {
  const { lang } = ctx;
  const L = lx(lang);
  const en = lang === 'en';
  if (!v.sweep || !v.national) {
    return renderPage(ctx, {
      title: ['全國總覽', 'National overview'],
      body: `<p>${L(['資料庫中尚無全國檢測。請先執行 govcheck sweep。', 'The database has no national sweep yet. Run govcheck sweep first.'])}</p>`,
    });
  }
  const s = v.sweep;
  const fullCoverage = v.agencies.filter((a) => a.fullCoverage).length;
  const summary = `<p>${L(['檢測', 'Sweep'])} #${s.id} · ${L(['基準日', 'Reference date'])} ${esc(dateOf(s.nowAt))}${s.finishedAt ? '' : ` · <strong>${L(['尚未完成', 'not finished'])}</strong>`}</p>
<dl class="summary">
<div><dt>${L(['全國平均總分', 'National mean overall'])}</dt><dd>${v.national.scores.overall ?? '–'}</dd></div>
<div><dt>${L(['涵蓋率（已檢測／登錄網站）', 'Coverage (checked / registered sites)'])}</dt><dd>${pct(s.coverage)} <span class="muted">(${s.ok}/${s.sites})</span></dd></div>
<div><dt>${L(['無法檢測', 'Could not be checked'])}</dt><dd>${s.failed}</dd></div>
<div><dt>${L(['涵蓋率完整的機關', 'Agencies with full coverage'])}</dt><dd>${fullCoverage}/${v.agencies.length}</dd></div>
<div><dt>${L(['檢測頁數', 'Pages checked'])}</dt><dd>${s.pages}</dd></div>
</dl>
<p class="actions"><a href="${href(lang, '/download/sweep.csv')}">${L(['下載 CSV', 'Download CSV'])}</a> <a href="${href(lang, '/download/sweep.json')}">${L(['下載 JSON', 'Download JSON'])}</a></p>`;

  const partial = plain(['涵蓋率未滿', 'partial coverage'], lang);
  const ranking = scrollTable(
    'ranking',
    L(['依總分排名（1 為最佳）；涵蓋率未滿 100% 的機關以 ⚠ 標示', 'Ranked by overall score (1 = best); agencies below full coverage are marked ⚠']),
    [L(['名次', 'Rank']), L(['機關', 'Agency']), ...KEYS.map((k) => L(CATEGORY_LABEL[k])), L(['涵蓋率', 'Coverage'])],
    v.agencies.map(
      (a) =>
        `<tr><td class="num">${a.rank ?? '–'}</td><th scope="row"><a href="${href(lang, `/agencies/${encodeURIComponent(a.id)}`)}">${esc(a.name)}</a></th>${KEYS.map((k) => scoreCell(a.scores[k])).join('')}<td class="num">${pct(a.coverage)}${a.fullCoverage ? '' : ` <span class="flag" aria-hidden="true">⚠</span><span class="vh">${esc(partial)}</span>`}<br><span class="muted">${a.sitesOk}/${a.sitesRegistered}</span></td></tr>`,
    ),
  );

  const dist = histogramSvg({
    id: 'dist-chart',
    title: en ? 'Agencies per overall score band' : '各總分區間的機關數',
    description: v.distribution.map((n, i) => `${binLabel(i)}: ${n}`).join('; '),
    bins: v.distribution,
  });
  const distTable = `<table class="compact"><caption>${L(['分數分布數據', 'Distribution data'])}</caption><thead><tr><th scope="col">${L(['總分區間', 'Overall band'])}</th><th scope="col">${L(['機關數', 'Agencies'])}</th></tr></thead><tbody>${v.distribution
    .map((n, i) => `<tr><th scope="row">${binLabel(i)}</th><td class="num">${n}</td></tr>`)
    .join('')}</tbody></table>`;

  const labels = v.trend.map((t) => `#${t.sweepId} ${dateOf(t.nowAt).slice(5)}`);
  const overall = v.trend.map((t) => t.overall);
  const coverage = v.trend.map((t) => (t.coverage === null ? null : Math.round(t.coverage * 1000) / 10));
  const chart = lineChartSvg({
    id: 'trend-chart',
    title: en ? 'National mean overall score and coverage per sweep' : '歷次檢測全國平均總分與涵蓋率',
    description: v.trend.map((t, i) => `${labels[i]}: ${en ? 'overall' : '總分'} ${overall[i] ?? '–'}, ${en ? 'coverage' : '涵蓋率'} ${coverage[i] ?? '–'}%`).join('; '),
    labels,
    series: [
      { name: en ? 'Overall' : '總分', values: overall, className: 's-overall' },
      { name: en ? 'Coverage %' : '涵蓋率 %', values: coverage, className: 's-coverage', dashed: true },
    ],
  });
  const trendTable = `<table class="compact"><caption>${L(['趨勢數據', 'Trend data'])}</caption><thead><tr><th scope="col">${L(['檢測', 'Sweep'])}</th><th scope="col">${L(['基準日', 'Date'])}</th><th scope="col">${L(['總分', 'Overall'])}</th><th scope="col">${L(['涵蓋率', 'Coverage'])}</th></tr></thead><tbody>${v.trend
    .map((t, i) => `<tr><th scope="row">#${t.sweepId}</th><td>${esc(dateOf(t.nowAt))}</td><td class="num">${overall[i] ?? '–'}</td><td class="num">${coverage[i] === null ? '–' : `${coverage[i]}%`}</td></tr>`)
    .join('')}</tbody></table>`;

  const rules = v.topRules.length
    ? scrollTable(
        'rules',
        L(['依未通過網站數排序', 'By number of sites failing']),
        [L(['規則', 'Rule']), L(['嚴重度', 'Severity']), L(['網站數', 'Sites']), L(['發現數', 'Findings'])],
        v.topRules.map((r) => {
          const t = ruleTitleLocalized(r.rule);
          const title = t ? (en ? esc(t.en) : `${esc(t['zh-TW'])}<br><span lang="en" class="en">${esc(t.en)}</span>`) : '';
          return `<tr><th scope="row">${title}${title ? '<br>' : ''}<code>${esc(r.rule)}</code></th><td>${L(labelOf(SEVERITY_LABEL, r.severity))}</td><td class="num">${r.sites}</td><td class="num">${r.findings}</td></tr>`;
        }),
      )
    : `<p>${L(['沒有發現問題。', 'No failing rules.'])}</p>`;

  const body = [
    section('summary', L(['摘要', 'Summary']), summary),
    section('ranking', L(['機關排名', 'Agency ranking']), ranking),
    section('distribution', L(['分數分布', 'Score distribution']), `<figure>${dist}<figcaption>${L(['各總分區間的機關數', 'Agencies per overall score band'])}</figcaption></figure>${distTable}`),
    section('trend', L(['歷次趨勢', 'Trend over sweeps']), `<figure>${chart}<figcaption><span class="key k-overall" aria-hidden="true"></span>${L(['全國平均總分', 'national mean overall'])} · <span class="key k-coverage" aria-hidden="true"></span>${L(['涵蓋率（虛線）', 'coverage (dashed)'])}</figcaption></figure>${trendTable}`),
    section('rules', L(['全國最常見問題', 'Top failing rules nationally']), rules),
  ].join('\n');
  return renderPage(ctx, { title: ['全國總覽', 'National overview'], body });
}
