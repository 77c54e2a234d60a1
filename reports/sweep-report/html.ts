// `govcheck report --format html`: one self-contained, accessible file (no script, no network):
// national ranking with coverage, trend chart, nationally failing rules, change since the previous
// check, sites that could not be checked, and a section per agency. zh-TW first with English.
// Everything from scanned pages or the registry is escaped (html-escape.ts).
import { CATEGORIES, type Lang } from '../../core/types.ts';
import type { ScoreKey } from '../../core/agency-scoring.ts';
import { ruleHowToFix, ruleTitle } from '../rule-text.ts';
import { anchorId, esc, safeHref } from './html-escape.ts';
import type { AgencyReport, IssueChange, RuleCount, SiteReport, SweepReportModel } from './model.ts';
import { lineChartSvg, sparklineSvg } from './svg.ts';

export type Label = [zh: string, en: string];

export const CATEGORY_LABEL: Record<ScoreKey, Label> = {
  overall: ['總分', 'Overall'],
  accessibility: ['無障礙', 'Accessibility'],
  performance: ['效能', 'Performance'],
  freshness: ['更新頻率', 'Freshness'],
  governance: ['政府網站規範', 'Governance'],
  security: ['資訊安全', 'Security'],
};

export const STATUS_LABEL: Record<string, Label> = {
  ok: ['已檢測', 'checked'],
  unreachable: ['無法連線', 'unreachable'],
  blocked: ['遭拒絕存取', 'blocked'],
  timeout: ['逾時', 'timeout'],
  error: ['錯誤', 'error'],
  pending: ['尚未檢測', 'not yet checked'],
};

export const SEVERITY_LABEL: Record<string, Label> = {
  critical: ['嚴重', 'critical'],
  serious: ['重大', 'serious'],
  moderate: ['中度', 'moderate'],
  minor: ['輕微', 'minor'],
};

export function renderHtml(model: SweepReportModel): string {
  const lang = model.lang;
  const L = (l: Label) => label(l, lang);
  const title = lang === 'en' ? `Government website sweep #${model.sweep.id}` : `政府網站檢測報告（第 ${model.sweep.id} 次檢測）`;
  const sections = [
    summarySection(model, L),
    rankingSection(model, L),
    trendSection(model, L),
    rulesSection(model, L),
    conformanceSection(model, L),
    changesSection(model, L),
    failuresSection(model, L),
    agenciesSection(model, L),
  ];
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-Hant-TW'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="govcheck ${esc(model.sweep.engines.govcheck ?? '')}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">${L(['跳到主要內容', 'Skip to main content'])}</a>
<header>
<h1>${esc(title)}</h1>
<p>${L(['基準日', 'Reference date'])}：${esc(dateOf(model.sweep.nowAt))} · ${L(['開始', 'Started'])}：${esc(timeOf(model.sweep.startedAt))} · ${L(['完成', 'Finished'])}：${model.sweep.finishedAt ? esc(timeOf(model.sweep.finishedAt)) : L(['未完成', 'not finished'])}${model.agencyFilter ? ` · ${L(['僅顯示機關', 'Agency only'])}：${esc(model.agencyFilter)}` : ''}</p>
</header>
<nav aria-label="${lang === 'en' ? 'Contents' : '報告目錄'}">
<ul>
<li><a href="#summary">${L(['摘要', 'Summary'])}</a></li>
<li><a href="#ranking">${L(['機關排名', 'Agency ranking'])}</a></li>
<li><a href="#trend">${L(['歷次趨勢', 'Trend'])}</a></li>
<li><a href="#rules">${L(['常見問題', 'Top failing rules'])}</a></li>
<li><a href="#conformance">${L(['規範檢核', 'Conformance (網站無障礙規範)'])}</a></li>
<li><a href="#changes">${L(['與前次比較', 'Changes'])}</a></li>
<li><a href="#failures">${L(['無法檢測的網站', 'Sites not checked'])}</a></li>
<li><a href="#agencies">${L(['各機關', 'Agencies'])}</a></li>
</ul>
</nav>
<main id="main">
${sections.join('\n')}
</main>
<footer>
<p>${L(['產生時間', 'Generated'])}：${esc(timeOf(model.generatedAt))} · govcheck ${esc(model.sweep.engines.govcheck ?? '')} · axe-core ${esc(model.sweep.engines['axe-core'] ?? '-')} · Lighthouse ${esc(model.sweep.engines.lighthouse ?? '-')} · Chromium ${esc(model.sweep.engines.chromium ?? '-')} · ${L(['規則版本', 'ruleset'])} ${esc(model.sweep.engines.ruleset ?? '-')}</p>
<p>${L([
    '機關分數為其已檢測網站總分的平均；無法檢測的網站不計分（不以 0 分計），而是降低涵蓋率。涵蓋率未滿 100% 的機關以 ⚠ 標示。',
    "An agency's score is the mean overall score of its checked sites; a site that could not be checked is not scored (never as 0) and lowers coverage instead. Agencies below full coverage are marked ⚠.",
  ])}</p>
</footer>
</body>
</html>
`;
}

type Lx = (l: Label) => string;

export function label([zh, en]: Label, lang: Lang): string {
  return lang === 'en' ? esc(en) : `${esc(zh)} <span lang="en" class="en">${esc(en)}</span>`;
}

export const dateOf = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Taipei' });
export const timeOf = (iso: string) => `${new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Taipei' }).slice(0, 16)} (UTC+8)`;
export const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

export function scoreCell(v: number | null, tag: 'td' | 'th' = 'td'): string {
  if (v === null) return `<${tag} class="num na">–</${tag}>`;
  const band = v >= 90 ? 'good' : v >= 50 ? 'fair' : 'poor';
  return `<${tag} class="num ${band}">${esc(v)}</${tag}>`;
}

function rankChange(a: AgencyReport, lang: Lang): string {
  if (a.rank === null || a.previousRank === null) return '<span class="muted">–</span>';
  const d = a.previousRank - a.rank;
  if (d === 0) return `<span class="muted">＝</span><span class="vh">${lang === 'en' ? 'unchanged' : '名次不變'}</span>`;
  const up = d > 0;
  return `<span class="${up ? 'up' : 'down'}" aria-hidden="true">${up ? '▲' : '▼'}${Math.abs(d)}</span><span class="vh">${
    lang === 'en' ? `${up ? 'up' : 'down'} ${Math.abs(d)}` : `${up ? '上升' : '下降'} ${Math.abs(d)} 名`
  }</span>`;
}

function summarySection(m: SweepReportModel, L: Lx): string {
  const s = m.sweep;
  const items: [Label, string][] = [
    [['登錄網站', 'Registered sites'], String(s.sites)],
    [['已檢測', 'Checked'], String(s.ok)],
    [['無法檢測', 'Could not be checked'], String(s.failed)],
    ...(s.pending ? ([[['尚未檢測', 'Not yet checked'], String(s.pending)]] as [Label, string][]) : []),
    [['涵蓋率', 'Coverage'], pct(s.coverage)],
    [['全國平均總分（網站）', 'National mean overall (sites)'], m.national.scores.overall === null ? '–' : String(m.national.scores.overall)],
    [['檢測頁數', 'Pages checked'], String(s.pages)],
    [['新發現問題', 'New issues'], String(m.national.changes.newFindings + m.national.changes.regressed)],
    [['已修正問題', 'Fixed issues'], String(m.national.changes.fixed)],
    [['檢測類別', 'Categories'], s.categories.map((c) => CATEGORY_LABEL[c as ScoreKey]?.[m.lang === 'en' ? 1 : 0] ?? c).join('、')],
  ];
  return `<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">${L(['摘要', 'Summary'])}</h2>
${s.finishedAt ? '' : `<p class="warn" role="note">${L(['此次檢測尚未完成，數字僅含已記錄的網站。', 'This sweep has not finished; figures cover the sites recorded so far.'])}</p>`}
<dl class="summary">${items.map(([k, v]) => `<div><dt>${L(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>
</section>`;
}

function rankingSection(m: SweepReportModel, L: Lx): string {
  const rows = m.agencies
    .map((a) => {
      const flag = a.fullCoverage ? '' : ` <span class="flag" title="${m.lang === 'en' ? 'partial coverage' : '涵蓋率未滿'}">⚠<span class="vh">${m.lang === 'en' ? 'partial coverage' : '涵蓋率未滿'}</span></span>`;
      return `<tr><td class="num">${a.rank ?? '–'}</td><td>${rankChange(a, m.lang)}</td><th scope="row"><a href="#${anchorId('agency', a.id)}">${esc(a.name)}</a></th>${(['overall', ...CATEGORIES] as ScoreKey[]).map((k) => scoreCell(a.scores[k])).join('')}<td class="num">${pct(a.coverage)}${flag}<br><span class="muted">${a.sitesOk}/${a.sitesRegistered}</span></td></tr>`;
    })
    .join('\n');
  return `<section id="ranking" aria-labelledby="ranking-h">
<h2 id="ranking-h">${L(['機關排名', 'Agency ranking'])}</h2>
<div class="scroll" role="region" aria-labelledby="ranking-caption" tabindex="0">
<table>
<caption id="ranking-caption">${L(['依總分排名（1 為最佳，同分同名次）；涵蓋率＝已檢測網站／登錄網站', 'Ranked by overall score (1 = best, ties share a rank); coverage = sites checked / registered'])}</caption>
<thead><tr><th scope="col">${L(['名次', 'Rank'])}</th><th scope="col">${L(['變動', 'Change'])}</th><th scope="col">${L(['機關', 'Agency'])}</th>${(['overall', ...CATEGORIES] as ScoreKey[]).map((k) => `<th scope="col">${L(CATEGORY_LABEL[k])}</th>`).join('')}<th scope="col">${L(['涵蓋率', 'Coverage'])}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</section>`;
}

function trendSection(m: SweepReportModel, L: Lx): string {
  const labels = m.trend.map((t) => `#${t.sweepId} ${dateOf(t.nowAt).slice(5)}`);
  const overall = m.trend.map((t) => t.overall);
  const coverage = m.trend.map((t) => (t.coverage === null ? null : Math.round(t.coverage * 1000) / 10));
  const en = m.lang === 'en';
  const chart = lineChartSvg({
    id: 'trend-chart',
    title: en ? 'National mean overall score and coverage per sweep' : '歷次檢測全國平均總分與涵蓋率',
    description: m.trend.map((t, i) => `${labels[i]}: ${en ? 'overall' : '總分'} ${overall[i] ?? '–'}, ${en ? 'coverage' : '涵蓋率'} ${coverage[i] ?? '–'}%`).join('; '),
    labels,
    series: [
      { name: en ? 'Overall' : '總分', values: overall, className: 's-overall' },
      { name: en ? 'Coverage %' : '涵蓋率 %', values: coverage, className: 's-coverage', dashed: true },
    ],
  });
  const rows = m.trend.map((t, i) => `<tr><th scope="row">#${t.sweepId}</th><td>${esc(dateOf(t.nowAt))}</td><td class="num">${overall[i] ?? '–'}</td><td class="num">${coverage[i] === null ? '–' : `${coverage[i]}%`}</td></tr>`).join('');
  return `<section id="trend" aria-labelledby="trend-h">
<h2 id="trend-h">${L(['歷次趨勢', 'Trend over sweeps'])}</h2>
<figure>
${chart}
<figcaption><span class="key k-overall" aria-hidden="true"></span>${L(['全國平均總分', 'national mean overall'])} · <span class="key k-coverage" aria-hidden="true"></span>${L(['涵蓋率（虛線）', 'coverage (dashed)'])}</figcaption>
</figure>
<table class="compact">
<caption>${L(['趨勢數據', 'Trend data'])}</caption>
<thead><tr><th scope="col">${L(['檢測', 'Sweep'])}</th><th scope="col">${L(['基準日', 'Date'])}</th><th scope="col">${L(['總分', 'Overall'])}</th><th scope="col">${L(['涵蓋率', 'Coverage'])}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</section>`;
}

function ruleName(rule: string, lang: Lang): string {
  const t = ruleTitle(rule, lang);
  return `<code>${esc(rule)}</code>${t ? `<br>${esc(t)}` : ''}`;
}

function rulesTable(list: RuleCount[], L: Lx, lang: Lang, caption: Label, withFix: boolean): string {
  if (!list.length) return `<p>${L(['沒有發現問題。', 'No failing rules.'])}</p>`;
  return `<table>
<caption>${L(caption)}</caption>
<thead><tr><th scope="col">${L(['規則', 'Rule'])}</th><th scope="col">${L(['嚴重度', 'Severity'])}</th><th scope="col">${L(['網站數', 'Sites'])}</th><th scope="col">${L(['發現數', 'Findings'])}</th>${withFix ? `<th scope="col">${L(['修正方式', 'How to fix'])}</th>` : ''}</tr></thead>
<tbody>${list
    .map(
      (r) =>
        `<tr><th scope="row">${ruleName(r.rule, lang)}</th><td>${L(SEVERITY_LABEL[r.severity] ?? [r.severity, r.severity])}</td><td class="num">${r.sites}</td><td class="num">${r.findings}</td>${withFix ? `<td>${esc(ruleHowToFix(r.rule, lang) ?? '')}</td>` : ''}</tr>`,
    )
    .join('')}</tbody>
</table>`;
}

function rulesSection(m: SweepReportModel, L: Lx): string {
  return `<section id="rules" aria-labelledby="rules-h">
<h2 id="rules-h">${L(m.agencyFilter ? ['本機關最常見問題', 'Top failing rules of the agency'] : ['全國最常見問題', 'Top failing rules nationally'])}</h2>
${rulesTable(m.topRules, L, m.lang, ['依未通過網站數排序', 'By number of sites failing'], true)}
</section>`;
}

function changesSection(m: SweepReportModel, L: Lx): string {
  const rows = m.agencies
    .map(
      (a) =>
        `<tr><th scope="row"><a href="#${anchorId('agency', a.id)}">${esc(a.name)}</a></th><td class="num">${a.changes.newFindings}</td><td class="num">${a.changes.regressed}</td><td class="num">${a.changes.fixed}</td><td class="num">${a.changes.medianDaysToFix ?? '–'}</td><td class="num">${a.previousOverall ?? '–'} → ${a.scores.overall ?? '–'}</td></tr>`,
    )
    .join('');
  return `<section id="changes" aria-labelledby="changes-h">
<h2 id="changes-h">${L(['與前次比較', 'Change since the previous check'])}</h2>
<p>${
    m.previous
      ? L([`前次全國檢測：第 ${m.previous.id} 次（${dateOf(m.previous.nowAt)}）。新增與修正以各網站的前一次檢測為準。`, `Previous national sweep: #${m.previous.id} (${dateOf(m.previous.nowAt)}). New and fixed issues are relative to each site's previous check.`])
      : L(['這是第一次全國檢測，所有問題皆為新發現。', 'This is the first national sweep: every issue is new.'])
  }</p>
<div class="scroll" role="region" aria-labelledby="changes-caption" tabindex="0">
<table>
<caption id="changes-caption">${L(['各機關問題變化（不同問題數）', 'Issues per agency (distinct issues)'])}</caption>
<thead><tr><th scope="col">${L(['機關', 'Agency'])}</th><th scope="col">${L(['新發現', 'New'])}</th><th scope="col">${L(['再次出現', 'Regressed'])}</th><th scope="col">${L(['已修正', 'Fixed'])}</th><th scope="col">${L(['修正所需天數（中位數）', 'Median days to fix'])}</th><th scope="col">${L(['總分變化', 'Overall change'])}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</div>
</section>`;
}

function failuresSection(m: SweepReportModel, L: Lx): string {
  const failed = m.agencies.flatMap((a) => a.sites.filter((s) => s.status !== 'ok').map((s) => ({ a, s })));
  if (!failed.length) {
    return `<section id="failures" aria-labelledby="failures-h"><h2 id="failures-h">${L(['無法檢測的網站', 'Sites that could not be checked'])}</h2><p>${L(['所有登錄網站皆已檢測。', 'Every registered site was checked.'])}</p></section>`;
  }
  return `<section id="failures" aria-labelledby="failures-h">
<h2 id="failures-h">${L(['無法檢測的網站', 'Sites that could not be checked'])}</h2>
<p>${L(['這些網站不計分，只降低所屬機關的涵蓋率。', "These sites are not scored; they lower their agency's coverage."])}</p>
<div class="scroll" role="region" aria-labelledby="failures-caption" tabindex="0">
<table>
<caption id="failures-caption">${L(['無法檢測的網站與原因', 'Sites not checked and why'])}</caption>
<thead><tr><th scope="col">${L(['機關', 'Agency'])}</th><th scope="col">${L(['網站', 'Site'])}</th><th scope="col">${L(['狀態', 'Status'])}</th><th scope="col">${L(['原因', 'Reason'])}</th></tr></thead>
<tbody>${failed.map(({ a, s }) => `<tr><td>${esc(a.name)}</td><th scope="row">${siteLink(s)}</th><td>${L(STATUS_LABEL[s.status] ?? [s.status, s.status])}</td><td>${esc(s.error ?? '')}</td></tr>`).join('')}</tbody>
</table>
</div>
</section>`;
}

function siteLink(s: SiteReport): string {
  const href = safeHref(s.url);
  const text = esc(s.name ? `${s.name} ${s.url}` : s.url);
  return href ? `<a href="${href}">${text}</a>` : text;
}

const LEVEL_ORDER = { AAA: 3, AA: 2, A: 1 } as Record<string, number>;

/** 規範檢核: per code how many sites and pages fail it, and the agencies ranked by the level all their sites meet. */
function conformanceSection(m: SweepReportModel, L: Lx): string {
  const lang = m.lang;
  if (m.codes.length === 0) {
    return `<section id="conformance" aria-labelledby="conformance-h"><h2 id="conformance-h">${L(['規範檢核', 'Conformance (網站無障礙規範)'])}</h2><p>${L(['本次檢測未記錄檢測碼結果（未檢測無障礙，或為舊版紀錄）。', 'No code verdicts were recorded in this sweep (accessibility not checked, or recorded by an older version).'])}</p></section>`;
  }
  const editions = [...new Set(m.codes.map((c) => c.edition))].join(', ');
  const codeRows = m.codes
    .map((c) => `<tr><th scope="row">${esc(c.code)}</th><td>${esc(c.level)}</td><td>${esc(c.title[lang])}<br><small lang="${lang === 'en' ? 'zh-Hant-TW' : 'en'}">${esc(lang === 'en' ? c.title['zh-TW'] : c.title.en)}</small></td><td class="num">${c.sitesFailing}</td><td class="num">${c.pagesFailing}</td><td class="num">${c.findings}</td><td class="num">${c.sitesPassing}</td><td class="num">${c.sitesNotApplicable}</td><td class="num">${c.sitesNotChecked}</td></tr>`)
    .join('\n');
  const ranked = [...m.agencies].sort((a, b) => (LEVEL_ORDER[b.conformance.meets ?? ''] ?? 0) - (LEVEL_ORDER[a.conformance.meets ?? ''] ?? 0) || (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const agencyRows = ranked
    .map((a) => `<tr><th scope="row"><a href="#${anchorId('agency', a.id)}">${esc(a.name)}</a></th><td>${esc(a.conformance.meets ?? '–')}</td><td class="num">${a.conformance.sitesMeeting.A}/${a.conformance.sitesJudged}</td><td class="num">${a.conformance.sitesMeeting.AA}/${a.conformance.sitesJudged}</td><td class="num">${a.conformance.sitesMeeting.AAA}/${a.conformance.sitesJudged}</td><td class="num">${a.rank ?? '–'}</td></tr>`)
    .join('\n');
  return `<section id="conformance" aria-labelledby="conformance-h">
<h2 id="conformance-h">${L(['規範檢核', 'Conformance (網站無障礙規範)'])}</h2>
<p>${L(['網站無障礙規範', '網站無障礙規範 edition'])} ${esc(editions)}. ${L([
    '網站僅在每個抽樣頁面都通過該等級及以下所有機器檢測碼（C 碼）時才「符合」該等級；人工檢測碼（E 碼）與標章審查需人工判定。',
    'A site meets a level only when every machine-check (C) code of that level and below passes on every sampled page; the human-judged E codes and the mark audit need a person.',
  ])}</p>
<div class="scroll" role="region" aria-labelledby="codes-caption" tabindex="0">
<table>
<caption id="codes-caption">${L(['各檢測碼的結果', 'Result per code'])}</caption>
<thead><tr><th scope="col">${L(['檢測碼', 'Code'])}</th><th scope="col">${L(['等級', 'Level'])}</th><th scope="col">${L(['檢測項目', 'Check'])}</th><th scope="col">${L(['未通過網站', 'Sites failing'])}</th><th scope="col">${L(['未通過頁數', 'Pages failing'])}</th><th scope="col">${L(['發現數', 'Findings'])}</th><th scope="col">${L(['通過網站', 'Sites passing'])}</th><th scope="col">${L(['不適用', 'Not applicable'])}</th><th scope="col">${L(['未檢測', 'Not checked'])}</th></tr></thead>
<tbody>
${codeRows}
</tbody>
</table>
</div>
<div class="scroll" role="region" aria-labelledby="conf-rank-caption" tabindex="0">
<table>
<caption id="conf-rank-caption">${L(['依符合等級排列的機關（所有已檢測網站皆符合的等級）', 'Agencies by the level every checked site meets'])}</caption>
<thead><tr><th scope="col">${L(['機關', 'Agency'])}</th><th scope="col">${L(['符合等級', 'Level met'])}</th><th scope="col">${L(['符合 A 的網站', 'Sites meeting A'])}</th><th scope="col">${L(['符合 AA 的網站', 'Sites meeting AA'])}</th><th scope="col">${L(['符合 AAA 的網站', 'Sites meeting AAA'])}</th><th scope="col">${L(['總分名次', 'Overall rank'])}</th></tr></thead>
<tbody>
${agencyRows}
</tbody>
</table>
</div>
</section>`;
}

function agenciesSection(m: SweepReportModel, L: Lx): string {
  return `<section id="agencies" aria-labelledby="agencies-h">
<h2 id="agencies-h">${L(['各機關', 'Agencies'])}</h2>
${m.agencies.map((a) => agencySection(a, m, L)).join('\n')}
</section>`;
}

function agencySection(a: AgencyReport, m: SweepReportModel, L: Lx): string {
  const id = anchorId('agency', a.id);
  const en = m.lang === 'en';
  const trendText = a.trend.some((v) => v !== null) && a.trend.length > 1 ? a.trend.map((v) => v ?? '–').join(' → ') : null;
  const sites = a.sites
    .map(
      (s) =>
        `<tr><th scope="row">${siteLink(s)}</th><td>${L(STATUS_LABEL[s.status] ?? [s.status, s.status])}${s.error ? `<br><span class="muted">${esc(s.error)}</span>` : ''}</td>${(['overall', ...CATEGORIES] as ScoreKey[]).map((k) => scoreCell(s.scores[k])).join('')}<td>${esc(s.lastUpdated ?? '–')}</td><td class="num">${s.status === 'pending' ? '–' : s.findings}</td><td>${s.conformance.level ? `${esc(s.conformance.meets ?? '–')} <span class="muted">(${esc(s.conformance.edition ?? '')} ${esc(s.conformance.level)})</span>${failingCodes(s)}` : '–'}</td></tr>`,
    )
    .join('');
  return `<section id="${id}" class="agency" aria-labelledby="${id}-h">
<h3 id="${id}-h">${esc(a.name)} <span class="muted">(${esc(a.id)})</span></h3>
<dl class="summary">
<div><dt>${L(['名次', 'Rank'])}</dt><dd>${a.rank ?? (en ? 'unranked' : '未排名')}${a.previousRank !== null ? ` <span class="muted">(${en ? 'previous' : '前次'} ${a.previousRank})</span>` : ''}</dd></div>
<div><dt>${L(['總分', 'Overall'])}</dt><dd>${a.scores.overall ?? '–'}</dd></div>
<div><dt>${L(['涵蓋率', 'Coverage'])}</dt><dd>${pct(a.coverage)} (${a.sitesOk}/${a.sitesRegistered})${a.fullCoverage ? '' : ' ⚠'}</dd></div>
<div><dt>${L(['新發現／已修正', 'New / fixed'])}</dt><dd>${a.changes.newFindings + a.changes.regressed} / ${a.changes.fixed}</dd></div>
${trendText ? `<div><dt>${L(['總分趨勢', 'Overall trend'])}</dt><dd>${sparklineSvg(a.trend)} ${esc(trendText)}</dd></div>` : ''}
</dl>
<div class="scroll" role="region" aria-labelledby="${id}-h ${id}-sites" tabindex="0">
<table>
<caption id="${id}-sites">${L(['網站', 'Sites'])}</caption>
<thead><tr><th scope="col">${L(['網站', 'Site'])}</th><th scope="col">${L(['狀態', 'Status'])}</th>${(['overall', ...CATEGORIES] as ScoreKey[]).map((k) => `<th scope="col">${L(CATEGORY_LABEL[k])}</th>`).join('')}<th scope="col">${L(['最近更新', 'Last updated'])}</th><th scope="col">${L(['發現數', 'Findings'])}</th><th scope="col">${L(['規範符合等級', 'Level met (網站無障礙規範)'])}</th></tr></thead>
<tbody>${sites}</tbody>
</table>
</div>
${a.rules.length ? `<h4>${L(['主要問題', 'Failing rules'])}</h4>${rulesTable(a.rules.slice(0, 10), L, m.lang, ['本機關未通過的規則', 'Rules failing on this agency’s sites'], true)}` : ''}
${issueList(a.newIssues, a.changes.newFindings + a.changes.regressed, ['新發現的問題', 'New issues'], L, m.lang)}
${issueList(a.fixedIssues, a.changes.fixed, ['已修正的問題', 'Fixed issues'], L, m.lang)}
</section>`;
}

/** The codes a site fails, listed under its level. */
function failingCodes(s: SiteReport): string {
  const failing = s.codes.filter((c) => c.status === 'fail');
  return failing.length ? `<br><span class="muted">✗ ${failing.map((c) => `${esc(c.code)} (${c.pages})`).join(', ')}</span>` : '';
}

function issueList(list: IssueChange[], total: number, heading: Label, L: Lx, lang: Lang): string {
  if (!list.length) return '';
  const more = total > list.length ? `<p class="muted">${L([`另有 ${total - list.length} 項未列出。`, `${total - list.length} more not listed.`])}</p>` : '';
  return `<h4>${L(heading)}（${total}）</h4>
<ul class="issues">${list
    .map((i) => {
      const where = [i.pageUrl ?? i.siteUrl, i.selector].filter(Boolean).map((x) => `<code>${esc(x)}</code>`).join(' ');
      const extra = i.regressed ? ` <span class="tag">${lang === 'en' ? 'regressed' : '再次出現'}</span>` : i.daysToFix !== undefined && i.daysToFix !== null ? ` <span class="muted">${lang === 'en' ? `${i.daysToFix} days to fix` : `${i.daysToFix} 天修正`}</span>` : '';
      return `<li><strong>${esc(ruleTitle(i.rule, lang) ?? i.rule)}</strong> <span class="muted">${esc(i.rule)} · ${esc(SEVERITY_LABEL[i.severity]?.[lang === 'en' ? 1 : 0] ?? i.severity)}</span>${extra}<br>${where}${i.message ? `<br>${esc(i.message)}` : ''}</li>`;
    })
    .join('')}</ul>${more}`;
}

export const STYLE = `
:root{color-scheme:light;--fg:#1b1b1b;--muted:#555;--bg:#fff;--line:#c8c8c8;--accent:#0b57a4;--good:#0d6b2f;--fair:#7a4a00;--poor:#a31515;--band:#f3f5f8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 "Noto Sans TC","PingFang TC","Microsoft JhengHei",system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header,nav,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.7rem;margin:1rem 0 .25rem}h2{font-size:1.35rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--accent)}h3{font-size:1.15rem;margin:1.5rem 0 .5rem}h4{font-size:1rem;margin:1rem 0 .25rem}
a{color:var(--accent)}a:focus,[tabindex]:focus{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem}.skip:focus{left:1rem}
.en{color:var(--muted);font-size:.85em}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;list-style:none}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:var(--band)}
td.num,th.num{text-align:right;white-space:nowrap}
.good{color:var(--good);font-weight:600}.fair{color:var(--fair);font-weight:600}.poor{color:var(--poor);font-weight:600}.na,.muted{color:var(--muted)}
.up{color:var(--good)}.down{color:var(--poor)}.flag{color:var(--fair)}
.warn{border-left:4px solid var(--fair);padding:.25rem .75rem;background:#fff8e6}
dl.summary{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0}
dl.summary div{min-width:9rem}dt{font-size:.85rem;color:var(--muted)}dd{margin:0;font-size:1.15rem;font-weight:600}
.compact{width:auto}
figure{margin:.5rem 0}
svg .grid{stroke:#e2e2e2}svg .axis{font-size:12px;fill:#444}
svg polyline.s-overall,svg circle.s-overall{stroke:#0b57a4;stroke-width:2.5}svg circle.s-overall{fill:#0b57a4}
svg polyline.s-coverage,svg circle.s-coverage{stroke:#7a4a00;stroke-width:2}svg circle.s-coverage{fill:#7a4a00}
svg.spark polyline{stroke:#0b57a4;stroke-width:2}
.key{display:inline-block;width:1.5rem;height:0;border-top:3px solid #0b57a4;margin:0 .35rem .25rem 0;vertical-align:middle}.k-coverage{border-top:3px dashed #7a4a00}
ul.issues{padding-left:1.25rem}ul.issues li{margin:.35rem 0}
code{font-size:.85em;word-break:break-all}
.tag{background:#fde8e8;color:var(--poor);padding:0 .3rem;border-radius:3px;font-size:.85em}
footer{margin-top:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
`;
