// 規範檢核 (conformance to 網站無障礙規範) as every report shows it: per code its zh-TW/English title, level,
// status, failing pages and the findings that evidence it. One model; text, HTML, JUnit, SARIF, the sweep
// report and the dashboard render it (each escapes for its own format).
import { twCode } from '../core/tw-a11y.ts';
import type { CodeStatus, Conformance, ConformanceCode, Finding, Lang, Localized, SiteResult, TwEdition } from '../core/types.ts';
import { L } from '../core/i18n.ts';
import { escapeHtml as esc, plainText, safeHref } from './escape.ts';

export const CONFORMANCE_WORDS = {
  heading: L('規範檢核', 'Conformance (網站無障礙規範)'),
  edition: L('規範版本', 'edition'),
  level: L('檢測等級', 'level checked'),
  meets: L('符合等級', 'meets'),
  meetsNone: L('未達 A 等級', 'does not meet level A'),
  code: L('檢測碼', 'code'),
  title: L('檢測項目', 'check'),
  status: L('結果', 'status'),
  pagesFailing: L('未通過頁數', 'pages failing'),
  findings: L('發現', 'findings'),
  openFormats: L('ME1320200C 清單（未提供開放格式的下載）', 'ME1320200C list (downloads without an open format)'),
  notChecked: L('未能檢測的頁面', 'pages that could not be checked'),
  mark: L('無障礙標章', 'accessibility mark'),
  markAtRisk: L('標章宣稱等級以下未通過的檢測碼', 'failing codes at or below the level the mark claims'),
  expires: L('到期', 'expires'),
  expired: L('已過期', 'expired'),
  cannotDecide: L(
    '本檢核僅涵蓋機器檢測碼（C 碼）；人工檢測碼（E 碼）與標章審查仍需人工判定。',
    'Only machine-check (C) codes are judged here; the human-judged E codes and the mark audit need a person.',
  ),
} as const satisfies Record<string, Localized>;

export const STATUS_LABEL: Record<CodeStatus, Localized> = {
  pass: L('通過', 'pass'),
  fail: L('未通過', 'fail'),
  'not-applicable': L('不適用', 'not applicable'),
  'not-checked': L('未檢測', 'not checked'),
};

export const STATUS_SYMBOL: Record<CodeStatus, string> = { pass: '✓', fail: '✗', 'not-applicable': '–', 'not-checked': '?' };

/** A code's verdict as reports show it: the verdict's fields plus the code's title and help page. */
export interface CodeRow extends Omit<ConformanceCode, 'rules'> {
  title: Localized;
  helpUrl: string | null;
  /** Findings evidencing the code, with their page (only in reports built from a SiteResult). */
  items: { page: string; finding: Finding }[];
}

/** Title of a code in an edition (the code itself when unknown). */
export function codeTitle(edition: TwEdition, code: string): Localized {
  return twCode(edition, code)?.title ?? L(code, code);
}

/** The rows of a verdict; with the site result, each row also lists its findings. */
export function codeRows(conformance: Conformance, site?: SiteResult): CodeRow[] {
  return conformance.codes.map((c) => ({
    code: c.code,
    level: c.level,
    sc: c.sc,
    status: c.status,
    pages: c.pages,
    findings: c.findings,
    title: codeTitle(conformance.edition, c.code),
    helpUrl: twCode(conformance.edition, c.code)?.helpUrl ?? null,
    items: site ? site.pages.flatMap((p) => p.findings.filter((f) => f.twCodes?.includes(c.code)).map((finding) => ({ page: p.url, finding }))) : [],
  }));
}

/** "符合 AA（115.11）" / "meets AA (115.11)", or that no level is met. */
export function meetsText(c: Pick<Conformance, 'meets' | 'edition' | 'level'>, lang: Lang): string {
  const w = (l: Localized) => l[lang];
  return c.meets ? `${w(CONFORMANCE_WORDS.meets)} ${c.meets} (${c.edition})` : `${w(CONFORMANCE_WORDS.meetsNone)} (${c.edition})`;
}

/** Plain-text lines of the verdict (text report; also the JUnit/SARIF summary). */
export function conformanceLines(site: SiteResult, lang: Lang, indent = '  '): string[] {
  const c = site.conformance;
  if (!c) return [];
  const w = (l: Localized) => l[lang];
  const out = [`${indent}${w(CONFORMANCE_WORDS.heading)} · ${w(CONFORMANCE_WORDS.edition)} ${c.edition} · ${w(CONFORMANCE_WORDS.level)} ${c.level} · ${meetsText(c, lang)}`];
  for (const r of codeRows(c)) {
    const fail = r.status === 'fail' ? ` · ${r.pages} ${w(CONFORMANCE_WORDS.pagesFailing)}, ${r.findings} ${w(CONFORMANCE_WORDS.findings)}` : '';
    out.push(`${indent}  ${STATUS_SYMBOL[r.status]} ${r.code} (${r.level}, ${r.sc}) ${w(STATUS_LABEL[r.status])}${fail} — ${w(r.title)}`);
  }
  if (c.mark) {
    const m = c.mark;
    const parts = [m.level ?? '?', m.markNumber ?? '', m.edition ?? '', m.expires ? `${w(CONFORMANCE_WORDS.expires)} ${m.expires}${m.expired ? ` (${w(CONFORMANCE_WORDS.expired)})` : ''}` : ''].filter(Boolean);
    out.push(`${indent}${w(CONFORMANCE_WORDS.mark)}: ${parts.join(' · ')}${m.failingCodes.length ? ` · ${w(CONFORMANCE_WORDS.markAtRisk)}: ${m.failingCodes.join(', ')}` : ''}`);
  }
  if (c.openFormatList.length) {
    out.push(`${indent}${w(CONFORMANCE_WORDS.openFormats)}:`);
    for (const o of c.openFormatList) out.push(`${indent}  ${plainText(o.pageUrl)} → ${plainText(o.href ?? o.snippet ?? '')}${o.format ? ` (.${plainText(o.format)})` : ''}`);
  }
  if (c.pagesNotChecked.length) {
    out.push(`${indent}${w(CONFORMANCE_WORDS.notChecked)}:`);
    for (const p of c.pagesNotChecked) out.push(`${indent}  ${plainText(p.url)}: ${plainText(p.reason)}`);
  }
  out.push(`${indent}${w(CONFORMANCE_WORDS.cannotDecide)}`);
  return out;
}

/** A finding as the 規範檢核 view lists it (from a SiteResult or from the store). */
export interface CodeEvidence {
  page: string | null;
  rule: string;
  selector: string | null;
  message: string;
  twCodes: readonly string[];
}

/** Findings of a check result, flattened for conformanceHtml. */
export function evidenceOf(site: SiteResult): CodeEvidence[] {
  return site.pages.flatMap((p) => p.findings.filter((f) => f.twCodes?.length).map((f) => ({ page: p.url, rule: f.rule, selector: f.selector, message: f.message, twCodes: f.twCodes! })));
}

/** The 規範檢核 section of an HTML page: verdict, one row per code (failing codes open to their findings), lists. */
export function conformanceHtml(c: Conformance | null | undefined, evidence: readonly CodeEvidence[], lang: Lang, headingLevel = 3, maxItems = 50): string {
  if (!c) return '';
  const w = (l: Localized) => esc(l[lang]);
  const h = `h${headingLevel}`;
  const rows = codeRows(c)
    .map((r) => {
      const mine = evidence.filter((e) => e.twCodes.includes(r.code));
      const title = r.helpUrl && safeHref(r.helpUrl) ? `<a href="${safeHref(r.helpUrl)}">${esc(r.title[lang])}</a>` : esc(r.title[lang]);
      const other = lang === 'zh-TW' ? r.title.en : r.title['zh-TW'];
      const items = mine.length
        ? `<details><summary>${mine.length} ${w(CONFORMANCE_WORDS.findings)}</summary><ul>${mine
            .slice(0, maxItems)
            .map((e) => `<li>${esc(e.rule)} · ${safeHref(e.page) ? `<a href="${safeHref(e.page)}">${esc(e.page)}</a>` : esc(e.page ?? '')} · <code>${esc(e.selector ?? '')}</code> ${esc(e.message)}</li>`)
            .join('')}</ul></details>`
        : '';
      return `<tr class="code-${esc(r.status)}"><th scope="row">${esc(r.code)}</th><td>${esc(r.level)}</td><td>${title}<br><small lang="${lang === 'zh-TW' ? 'en' : 'zh-Hant-TW'}">${esc(other)}</small></td><td>${STATUS_SYMBOL[r.status]} ${w(STATUS_LABEL[r.status])}</td><td>${r.pages}</td><td>${r.findings}${items}</td></tr>`;
    })
    .join('');
  const mark = c.mark
    ? `<p>${w(CONFORMANCE_WORDS.mark)}: ${esc(c.mark.level ?? '?')} ${esc(c.mark.markNumber ?? '')} ${esc(c.mark.edition ?? '')}${c.mark.expires ? ` · ${w(CONFORMANCE_WORDS.expires)} ${esc(c.mark.expires)}${c.mark.expired ? ` (${w(CONFORMANCE_WORDS.expired)})` : ''}` : ''}${
        c.mark.failingCodes.length ? ` · <strong>${w(CONFORMANCE_WORDS.markAtRisk)}: ${esc(c.mark.failingCodes.join(', '))}</strong>` : ''
      }</p>`
    : '';
  const open = c.openFormatList.length
    ? `<${h}>${w(CONFORMANCE_WORDS.openFormats)}</${h}><ul>${c.openFormatList.map((o) => `<li>${esc(o.pageUrl)} → <code>${esc(o.href ?? o.snippet ?? '')}</code>${o.format ? ` (.${esc(o.format)})` : ''}</li>`).join('')}</ul>`
    : '';
  const skipped = c.pagesNotChecked.length ? `<${h}>${w(CONFORMANCE_WORDS.notChecked)}</${h}><ul>${c.pagesNotChecked.map((p) => `<li>${esc(p.url)}: ${esc(p.reason)}</li>`).join('')}</ul>` : '';
  return `<section class="conformance"><${h}>${w(CONFORMANCE_WORDS.heading)}</${h}>
<p><strong>${esc(meetsText(c, lang))}</strong> · ${w(CONFORMANCE_WORDS.edition)} ${esc(c.edition)} · ${w(CONFORMANCE_WORDS.level)} ${esc(c.level)}</p>
<table><caption>${w(CONFORMANCE_WORDS.heading)} ${esc(c.edition)} ${esc(c.level)}</caption><thead><tr><th scope="col">${w(CONFORMANCE_WORDS.code)}</th><th scope="col">${w(L('等級', 'level'))}</th><th scope="col">${w(CONFORMANCE_WORDS.title)}</th><th scope="col">${w(CONFORMANCE_WORDS.status)}</th><th scope="col">${w(CONFORMANCE_WORDS.pagesFailing)}</th><th scope="col">${w(CONFORMANCE_WORDS.findings)}</th></tr></thead><tbody>${rows}</tbody></table>
${mark}${open}${skipped}<p><small>${w(CONFORMANCE_WORDS.cannotDecide)}</small></p></section>`;
}
