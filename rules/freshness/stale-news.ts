// freshness/stale-news: the newest 最新消息/公告 item is older than the stale threshold (tw-rules rule 35).
// serious above staleDays (default 180), moderate above warnDays (default 90); not applicable without a news list.
import type { SiteRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';
import { ageInDays, computeFreshness } from './summary.ts';

export const staleNews: SiteRule = {
  meta: {
    id: 'freshness/stale-news',
    requires: ['html', 'headers', 'meta', 'httpStatus', 'feeds', 'sitemap'],
    category: 'freshness',
    severity: 'serious',
    scope: 'site',
    wcag: [],
    title: msg('最新消息久未更新', 'News not updated recently'),
    description: msg(
      '網站「最新消息」、「公告」或新聞稿列表中最新一則的日期超過門檻天數（預設 90 天警告、180 天嚴重）。',
      'The newest item of the site\'s news, announcements or press-release list is older than the threshold (default: warning after 90 days, serious after 180).',
    ),
    howToFix: msg(
      '定期發布或更新最新消息，並於每則消息標示發布日期；若網站不再發布消息，請移除或下架過期的消息區塊。',
      'Publish or update news regularly and show each item\'s date; if the site no longer publishes news, remove the outdated news section.',
    ),
    source: '政府網站服務管理規範；webguide 指引 8.3（更新頻率）',
    tags: ['freshness'],
  },
  check(site, ctx) {
    const news = computeFreshness(site, ctx).newestNews;
    if (!news) return notApplicable();
    const { staleDays, warnDays } = ctx.options.freshness;
    const age = ageInDays(news.date, ctx.now);
    if (age <= warnDays) return pass();
    const serious = age > staleDays;
    const limit = serious ? staleDays : warnDays;
    return fail({
      severity: serious ? 'serious' : 'moderate',
      message: msg(
        `最新一則消息的日期為 ${news.date}（${news.raw}），已 ${age} 天未更新，超過 ${limit} 天。`,
        `The newest news item is dated ${news.date} ("${news.raw}"), ${age} days ago, more than ${limit} days.`,
      ),
      snippet: news.raw,
      data: { newestNews: news.date, raw: news.raw, pageUrl: news.pageUrl, ageDays: age, thresholdDays: limit },
    });
  },
};
