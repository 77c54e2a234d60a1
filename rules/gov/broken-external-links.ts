// 失效外部連結: links to other sites that the worker fetched and found broken. Kept apart from
// gov/broken-links (and minor) because the agency controls the link but not the other site, and
// because external links are not fetched at all when the scan runs without outside network.
import type { SiteRule } from '../../core/types.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { brokenLinkFindings } from './lib/link-checks.ts';

export const brokenExternalLinks: SiteRule = {
  meta: {
    id: 'gov/broken-external-links',
    requires: ['linkChecks'],
    category: 'governance',
    severity: 'minor',
    scope: 'site',
    wcag: [],
    title: msg('外部連結不應失效', 'No broken links to other sites'),
    description: msg(
      '檢查抽樣網頁上連到其他網站的連結，回應 4xx／5xx 或無法連線者列出；未實際檢查的外部連結不列入。',
      'Checks the links of the sampled pages that point to other sites; those answering 4xx/5xx or not answering are listed. External links that were not fetched are not judged.',
    ),
    howToFix: msg('更新已搬移的外部網址，或移除已不存在的網站連結，並定期檢查。', 'Update links to moved external pages or remove links to sites that are gone, and check them regularly.'),
    source: 'tw-rules #31（外部連結分開報告）',
    tags: ['links'],
  },
  check(site) {
    const checked = site.linkChecks.filter((c) => c.external && !c.skipped);
    if (checked.length === 0) return notApplicable();
    return resultOf(brokenLinkFindings(checked, true));
  },
};
