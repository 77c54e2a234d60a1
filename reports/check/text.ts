// What a webmaster reads in a terminal: per site the scores, then findings grouped by rule with the
// number of elements and one example selector.
import type { CheckReport, Finding, Lang, SiteResult } from '../../core/types.ts';
import { CATEGORIES } from '../../core/types.ts';
import { ruleTitle } from '../rule-text.ts';
import { conformanceLines } from '../conformance.ts';
import type { Reporter } from './reporter.ts';

const WORDS = {
  status: { 'zh-TW': '狀態', en: 'status' },
  scores: { 'zh-TW': '分數', en: 'scores' },
  overall: { 'zh-TW': '總分', en: 'overall' },
  accessibility: { 'zh-TW': '無障礙', en: 'accessibility' },
  performance: { 'zh-TW': '效能', en: 'performance' },
  freshness: { 'zh-TW': '內容更新', en: 'freshness' },
  governance: { 'zh-TW': '政府網站規範', en: 'governance' },
  security: { 'zh-TW': '資安', en: 'security' },
  lastUpdated: { 'zh-TW': '最近更新', en: 'last updated' },
  none: { 'zh-TW': '找不到日期', en: 'no date found' },
  daysAgo: { 'zh-TW': '天前', en: 'days ago' },
  pages: { 'zh-TW': '抽樣頁面', en: 'pages checked' },
  findings: { 'zh-TW': '發現', en: 'findings' },
  noFindings: { 'zh-TW': '沒有發現問題', en: 'no findings' },
  elements: { 'zh-TW': '個元素', en: 'elements' },
  onPages: { 'zh-TW': '頁', en: 'pages' },
  example: { 'zh-TW': '例', en: 'e.g.' },
  needsReview: { 'zh-TW': '需人工確認', en: 'needs review' },
  skipped: { 'zh-TW': '未能檢測的頁面', en: 'pages not checked' },
  budgets: { 'zh-TW': '預算', en: 'budgets' },
  failedBudget: { 'zh-TW': '超出預算', en: 'over budget' },
  notChecked: { 'zh-TW': '無法檢測', en: 'could not be checked' },
} as const;

const SEVERITY_RANK = { critical: 0, serious: 1, moderate: 2, minor: 3 } as const;
const SEVERITY_LABEL = {
  critical: { 'zh-TW': '嚴重', en: 'critical' },
  serious: { 'zh-TW': '重大', en: 'serious' },
  moderate: { 'zh-TW': '中度', en: 'moderate' },
  minor: { 'zh-TW': '輕微', en: 'minor' },
} as const;

function paint(on: boolean, code: string, s: string): string {
  return on ? `\x1b[${code}m${s}\x1b[0m` : s;
}

function scoreText(score: number | null, color: boolean): string {
  if (score === null) return '—';
  const code = score >= 90 ? '32' : score >= 50 ? '33' : '31';
  return paint(color, code, String(score));
}

interface RuleGroup {
  rule: string;
  findings: Finding[];
  pages: Set<string>;
}

function groupFindings(site: SiteResult): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const page of site.pages) {
    for (const f of page.findings) {
      const g = groups.get(f.rule) ?? { rule: f.rule, findings: [], pages: new Set<string>() };
      g.findings.push(f);
      g.pages.add(page.url);
      groups.set(f.rule, g);
    }
  }
  const worst = (g: RuleGroup) => Math.min(...g.findings.map((f) => SEVERITY_RANK[f.severity]));
  return [...groups.values()].sort((a, b) => worst(a) - worst(b) || b.findings.length - a.findings.length || a.rule.localeCompare(b.rule));
}

function renderSite(site: SiteResult, lang: Lang, color: boolean): string[] {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const out: string[] = [];
  out.push(paint(color, '1', site.url));
  if (site.status !== 'ok') {
    out.push(`  ${paint(color, '31', `✗ ${w('notChecked')}`)} (${site.status}): ${site.error ?? ''}`);
    return out;
  }
  const cats = CATEGORIES.filter((c) => site.categories.includes(c));
  out.push(`  ${w('overall')} ${scoreText(site.scores.overall, color)}  ·  ${cats.map((c) => `${w(c)} ${scoreText(site.scores[c], color)}`).join('  ')}`);
  if (site.freshness) {
    const f = site.freshness;
    out.push(`  ${w('lastUpdated')}: ${f.lastUpdated ? `${f.lastUpdated} (${f.ageDays} ${w('daysAgo')}, ${f.source}: ${f.raw ?? ''})` : w('none')}`);
  }
  const m = site.metrics;
  if (site.categories.includes('performance')) {
    const parts = [m.lcpMs != null && `LCP ${m.lcpMs} ms`, m.cls != null && `CLS ${m.cls}`, m.tbtMs != null && `TBT ${m.tbtMs} ms`, m.transferBytes != null && `${Math.round(m.transferBytes / 1024)} KB`].filter(Boolean);
    if (parts.length) out.push(`  ${parts.join(' · ')}`);
  }
  out.push(`  ${w('pages')}: ${site.pages.length}`);
  for (const p of site.pages) out.push(`    ${p.url}  [${p.sampledBecause}]${p.httpStatus && p.httpStatus !== 200 ? ` HTTP ${p.httpStatus}` : ''}`);
  const groups = groupFindings(site);
  if (groups.length === 0) out.push(`  ${paint(color, '32', `✓ ${w('noFindings')}`)}`);
  else {
    const total = groups.reduce((n, g) => n + g.findings.length, 0);
    out.push(`  ${w('findings')} (${total}):`);
    for (const g of groups) {
      const f = g.findings[0];
      const sev = SEVERITY_LABEL[f.severity][lang];
      const extra = g.findings.reduce((n, x) => n + (typeof x.data?.moreElements === 'number' ? x.data.moreElements : 0), 0);
      const count = g.findings.length + extra;
      out.push(`  ${paint(color, f.severity === 'critical' || f.severity === 'serious' ? '31' : '33', '✗')} ${g.rule} [${sev}] ${ruleTitle(g.rule, lang) ?? f.message}`);
      out.push(`      ${count} ${w('elements')} / ${g.pages.size} ${w('onPages')}${f.wcag.length ? `  WCAG ${f.wcag.join(', ')}` : ''}`);
      const example = f.selector ? `${f.selector}` : f.message;
      out.push(`      ${w('example')} ${example.length > 160 ? `${example.slice(0, 160)}…` : example}`);
    }
  }
  out.push(...conformanceLines(site, lang));
  const review = site.pages.reduce((n, p) => n + p.needsReview.length, 0);
  if (review) out.push(`  ${w('needsReview')}: ${review}`);
  if (site.budgets.length) {
    const failed = site.budgets.filter((b) => !b.passed);
    out.push(`  ${w('budgets')}: ${site.budgets.length - failed.length}/${site.budgets.length}`);
    for (const b of failed) out.push(`    ${paint(color, '31', '✗')} ${w('failedBudget')}: ${b.metric} ${b.measured ?? '—'}, ${b.operator ?? '≤'} ${b.limit}${b.url ? ` (${b.url})` : ''}`);
  }
  if (site.skippedPages.length) {
    out.push(`  ${w('skipped')}:`);
    for (const s of site.skippedPages) out.push(`    ${s.url}: ${s.reason}`);
  }
  return out;
}

export const textReporter: Reporter = {
  format: 'text',
  extension: 'txt',
  render(report: CheckReport, opts) {
    const lines: string[] = [];
    for (const site of report.sites) {
      lines.push(...renderSite(site, report.lang, opts.color), '');
    }
    return `${lines.join('\n')}\n`;
  },
};
