// 失效連結: same-origin links of the sampled pages that the worker fetched and found broken
// (4xx/5xx, DNS or connection errors). 臺中市民政局's rule asks for a monthly full check.
// Links the worker did not fetch (skipped) are never findings: we do not know they are broken.
import type { SiteRule } from '../../core/types.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { brokenLinkFindings } from './lib/link-checks.ts';

export const brokenLinks: SiteRule = {
  meta: {
    id: 'gov/broken-links',
    requires: ['linkChecks'],
    category: 'governance',
    severity: 'moderate',
    scope: 'site',
    wcag: [],
    title: msg('站內連結不應失效', 'No broken links within the site'),
    description: msg(
      '檢查抽樣網頁上的站內連結（同來源），回應 4xx／5xx 或無法連線者列為失效連結。',
      'Checks the same-origin links of the sampled pages; a link answering 4xx/5xx or not answering at all is broken.',
    ),
    howToFix: msg(
      '修正或移除失效連結；搬移頁面時設定 301 轉址；定期（例如每月）執行全站連結檢查。',
      'Fix or remove the broken links; redirect moved pages with 301; run a full link check regularly (e.g. monthly).',
    ),
    source: '臺中市政府民政局網站管理要點（每月全面檢查失效連結）；GSA Site Scanning；tw-rules #31',
    tags: ['links'],
  },
  check(site) {
    const checked = site.linkChecks.filter((c) => !c.external && !c.skipped);
    if (checked.length === 0) return notApplicable();
    return resultOf(brokenLinkFindings(checked, false));
  },
};
