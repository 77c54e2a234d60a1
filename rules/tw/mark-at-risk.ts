// tw/mark-at-risk: the home page shows a 無障礙標章 claiming level X, and the site fails machine-check codes of
// 網站無障礙規範 at or below X now. MODA's spot checks (抽測) re-run the software test, so such a mark may be
// revoked. Runs in the conformance phase: it reads the site's code verdict (ctx.conformance.mark).
import type { SiteRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';

export const markAtRisk: SiteRule = {
  meta: {
    id: 'tw/mark-at-risk',
    // Governance like the other mark rules (an accessibility finding would count the failures twice);
    // the readiness itself is in conformance.mark whenever accessibility is checked.
    category: 'governance',
    severity: 'serious',
    scope: 'site',
    phase: 'conformance',
    wcag: [],
    requires: ['axe'],
    title: msg('無障礙標章等級之檢測碼未通過', 'The site fails machine-check codes of the level its accessibility mark claims'),
    description: msg(
      '首頁無障礙標章宣稱的等級（A、AA、AAA）以下之網站無障礙規範機器檢測碼（C 碼），本次檢測有未通過者；標章抽測時可能被撤銷。',
      'The home page mark claims a level (A, AA, AAA), and this check finds 網站無障礙規範 machine-check (C) codes at or below that level failing; a spot check could revoke the mark.',
    ),
    howToFix: msg(
      '依「規範檢核」列出的各檢測碼修正未通過的頁面元素，再以 govcheck check --level <標章等級> 複測，直到該等級全部通過。',
      'Fix the elements listed under each failing code in the conformance (規範檢核) section, then re-run govcheck check --level <mark level> until every code of that level passes.',
    ),
    helpUrl: 'https://accessibility.moda.gov.tw/Home/Apply',
    source: '無障礙檢測及認證標章核發辦法；網站無障礙規範',
  },
  check(site, ctx) {
    const mark = ctx.conformance?.mark;
    if (!mark?.level) return notApplicable();
    if (mark.failingCodes.length === 0) return pass();
    const codes = mark.failingCodes.join(', ');
    const edition = ctx.conformance!.edition;
    return fail({
      pageUrl: site.pages[0]?.url,
      message: msg(
        `首頁標章宣稱 ${mark.level} 等級，但本次依網站無障礙規範 ${edition} 檢測，下列檢測碼未通過：${codes}`,
        `The home page mark claims level ${mark.level}, but under 網站無障礙規範 ${edition} these codes fail: ${codes}`,
      ),
      data: { ...mark, checkedEdition: edition },
    });
  },
};
