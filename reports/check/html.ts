// One self-contained, accessible HTML file for a check: per site the scores, then findings grouped
// by rule with how to fix, every element's selector and snippet. Everything from scanned pages is
// escaped; no scripts, no external assets.
import type { CheckReport, Finding, Lang, SiteResult } from '../../core/types.ts';
import { CATEGORIES } from '../../core/types.ts';
import { escapeHtml as esc, safeHref, screenshotDataUri } from '../escape.ts';
import { ruleHowToFix, ruleTitle, screenshotAlt } from '../rule-text.ts';
import { conformanceHtml, evidenceOf } from '../conformance.ts';
import type { Reporter } from './reporter.ts';

const T = {
  title: { 'zh-TW': 'govcheck 網站檢測報告', en: 'govcheck site report' },
  overall: { 'zh-TW': '總分', en: 'Overall' },
  accessibility: { 'zh-TW': '無障礙', en: 'Accessibility' },
  performance: { 'zh-TW': '效能', en: 'Performance' },
  freshness: { 'zh-TW': '內容更新', en: 'Freshness' },
  governance: { 'zh-TW': '政府網站規範', en: 'Government rules' },
  security: { 'zh-TW': '資安', en: 'Security' },
  scores: { 'zh-TW': '分數', en: 'Scores' },
  findings: { 'zh-TW': '發現的問題', en: 'Findings' },
  none: { 'zh-TW': '沒有發現問題。', en: 'No findings.' },
  howToFix: { 'zh-TW': '如何修正', en: 'How to fix' },
  elements: { 'zh-TW': '元素', en: 'elements' },
  page: { 'zh-TW': '頁面', en: 'Page' },
  selector: { 'zh-TW': '選擇器', en: 'Selector' },
  snippet: { 'zh-TW': '程式碼片段', en: 'Snippet' },
  message: { 'zh-TW': '說明', en: 'Message' },
  notChecked: { 'zh-TW': '無法檢測', en: 'Could not be checked' },
  pages: { 'zh-TW': '抽樣頁面', en: 'Pages checked' },
  reason: { 'zh-TW': '抽樣原因', en: 'Why sampled' },
  lastUpdated: { 'zh-TW': '最近更新', en: 'Last updated' },
  budgets: { 'zh-TW': '預算', en: 'Budgets' },
  generated: { 'zh-TW': '產生時間', en: 'Generated' },
  baseline: { 'zh-TW': '與基準比較', en: 'Since the baseline' },
  baselineState: { 'zh-TW': '基準', en: 'Baseline' },
  new: { 'zh-TW': '新增', en: 'new' },
  unchanged: { 'zh-TW': '未變', en: 'unchanged' },
  fixed: { 'zh-TW': '已修正', en: 'fixed' },
} as const;

/** The element as the page showed it, inline (the report stays one self-contained file). */
function screenshotHtml(f: Finding, lang: Lang): string {
  const src = screenshotDataUri(f.screenshot);
  if (!src || !f.screenshot) return '';
  const { width, height } = f.screenshot;
  return `<br><img class="shot" src="${src}" width="${Math.round(width)}" height="${Math.round(height)}" alt="${esc(screenshotAlt(f.rule, f.selector, lang))}">`;
}

function siteSection(site: SiteResult, lang: Lang, index: number): string {
  const w = (k: keyof typeof T) => T[k][lang];
  const id = `site-${index}`;
  if (site.status !== 'ok') {
    return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(site.url)}</h2><p><strong>${w('notChecked')}</strong> (${esc(site.status)}): ${esc(site.error)}</p></section>`;
  }
  const cats = CATEGORIES.filter((c) => site.categories.includes(c));
  const scoreRows = [['overall', site.scores.overall] as const, ...cats.map((c) => [c, site.scores[c]] as const)]
    .map(([k, v]) => `<tr><th scope="row">${w(k)}</th><td>${v ?? '—'}</td></tr>`)
    .join('');
  const byRule = new Map<string, { page: string; f: Finding }[]>();
  for (const p of site.pages) for (const f of p.findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), { page: p.url, f }]);
  const groups = [...byRule.entries()].map(([rule, items]) => {
    const rows = items
      .slice(0, 200)
      .map(({ page, f }) => {
        const href = safeHref(page);
        const state = site.baseline ? `<td>${f.baseline === 'new' ? `<strong>${w('new')}</strong>` : w('unchanged')}</td>` : '';
        return `<tr>${state}<td>${href ? `<a href="${href}">${esc(page)}</a>` : esc(page)}</td><td><code>${esc(f.selector ?? '')}</code>${screenshotHtml(f, lang)}</td><td>${esc(f.message)}</td><td><code>${esc(f.snippet ?? '')}</code></td></tr>`;
      })
      .join('');
    const fix = ruleHowToFix(rule, lang);
    return `<details><summary><strong>${esc(rule)}</strong> — ${esc(ruleTitle(rule, lang) ?? items[0].f.message)} (${items[0].f.severity}, ${items.length} ${w('elements')})</summary>
${fix ? `<p><strong>${w('howToFix')}:</strong> ${esc(fix)}</p>` : ''}
<table><caption>${esc(rule)}</caption><thead><tr>${site.baseline ? `<th scope="col">${w('baselineState')}</th>` : ''}<th scope="col">${w('page')}</th><th scope="col">${w('selector')}</th><th scope="col">${w('message')}</th><th scope="col">${w('snippet')}</th></tr></thead><tbody>${rows}</tbody></table></details>`;
  });
  const pageRows = site.pages.map((p) => `<tr><td>${safeHref(p.url) ? `<a href="${safeHref(p.url)}">${esc(p.title || p.url)}</a>` : esc(p.url)}</td><td>${esc(p.sampledBecause)}</td></tr>`).join('');
  const budgets = site.budgets.length
    ? `<h3>${w('budgets')}</h3><ul>${site.budgets.map((b) => `<li>${b.passed ? '✓' : '✗'} ${esc(b.budget)}: ${esc(b.measured ?? '—')}</li>`).join('')}</ul>`
    : '';
  const b = site.baseline;
  const baseline = b
    ? `<h3>${w('baseline')}</h3><p>${b.new} ${w('new')} · ${b.unchanged} ${w('unchanged')} · ${b.fixed.length} ${w('fixed')}</p>${
        b.fixed.length ? `<ul>${b.fixed.map((f) => `<li>${w('fixed')}: <strong>${esc(f.rule)}</strong> ${esc(f.page)} <code>${esc(f.selector ?? '')}</code></li>`).join('')}</ul>` : ''
      }`
    : '';
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(site.url)}</h2>
${baseline}
<table><caption>${w('scores')}</caption><tbody>${scoreRows}</tbody></table>
${site.freshness ? `<p>${w('lastUpdated')}: ${esc(site.freshness.lastUpdated ?? '—')} ${site.freshness.raw ? `(${esc(site.freshness.source)}: ${esc(site.freshness.raw)})` : ''}</p>` : ''}
<h3>${w('pages')}</h3><table><thead><tr><th scope="col">${w('page')}</th><th scope="col">${w('reason')}</th></tr></thead><tbody>${pageRows}</tbody></table>
${budgets}
${conformanceHtml(site.conformance, evidenceOf(site), lang)}
<h3>${w('findings')}</h3>${groups.length ? groups.join('\n') : `<p>${w('none')}</p>`}</section>`;
}

export const htmlReporter: Reporter = {
  format: 'html',
  extension: 'html',
  render(report: CheckReport) {
    const lang = report.lang;
    return `<!DOCTYPE html>
<html lang="${lang === 'zh-TW' ? 'zh-Hant-TW' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${T.title[lang]}</title>
<style>body{font-family:system-ui,"Noto Sans TC",sans-serif;line-height:1.5;margin:1rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}code{word-break:break-all}summary{cursor:pointer}img.shot{max-width:100%;height:auto;border:1px solid #767676;margin-top:.25rem}a{color:#0b57d0}</style></head>
<body><header><h1>${T.title[lang]}</h1><p>${T.generated[lang]}: ${esc(report.now)} · govcheck ${esc(report.tool.version)}</p></header>
<main>${report.warnings?.length ? `<ul role="note">${report.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}${report.sites.map((s, i) => siteSection(s, lang, i)).join('\n')}</main></body></html>
`;
  },
};
