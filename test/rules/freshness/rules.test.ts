// freshness/stale-news and freshness/no-date on saved artifacts, plus the freshness score.
import { describe, expect, it } from 'vitest';
import { defaultRuleOptions } from '../../../core/config.ts';
import { freshnessRules } from '../../../rules/freshness/index.ts';
import { noDate } from '../../../rules/freshness/no-date.ts';
import { staleNews } from '../../../rules/freshness/stale-news.ts';
import { computeFreshness, freshnessScore } from '../../../rules/freshness/summary.ts';
import { makePage, makeSite, siteContext } from '../../helpers/artifacts.ts';
import { contentPage, hywebPage, legacyTablePage, modernPage } from './fixtures.ts';

const now = new Date('2026-11-27T10:00:00+08:00');
const siteOf = (html: string) => makeSite([makePage(html)]);

describe('freshness/stale-news', () => {
  it.each([
    ['Hyweb zh, 200 days', hywebPage('zh', [{ shown: '115-05-11', title: '舊消息' }], '115-11-27'), 'serious', 200],
    ['legacy zh, 120 days', legacyTablePage('zh', [{ shown: '115/07/30', title: '公告' }], '115/11/27'), 'moderate', 120],
    ['modern en, 400 days', modernPage('en', [{ shown: 'Oct 23, 2025', title: 'Old news' }], 'Nov 27, 2026'), 'serious', 400],
    ['Hyweb en, 91 days', hywebPage('en', [{ shown: '2026-08-28', title: 'Old-ish news' }], '2026-11-27'), 'moderate', 91],
  ])('%s → %s', (_name, html, severity, age) => {
    const site = siteOf(html);
    const r = staleNews.check(site, siteContext(site, now));
    expect(r.applicable).toBe(true);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity, data: { ageDays: age } });
    expect(r.findings[0]!.message['zh-TW']).toContain('天');
    expect(r.findings[0]!.message.en).toContain('days');
  });

  it.each([
    ['Hyweb zh, 7 days', hywebPage('zh', [{ shown: '115-11-20', title: '新消息' }], '115-11-27')],
    ['legacy en, 90 days (the warning starts after 90)', legacyTablePage('en', [{ shown: '2026-08-29', title: 'News' }], '2026-11-27')],
    ['modern zh, the newest of several counts', modernPage('zh', [{ shown: '114-01-01', title: '舊' }, { shown: '115年11月1日', title: '新' }], '115-11-27')],
  ])('%s → pass', (_name, html) => {
    const site = siteOf(html);
    expect(staleNews.check(site, siteContext(site, now))).toEqual({ applicable: true, findings: [] });
  });

  it('is not applicable when the site has no news list', () => {
    const site = siteOf(contentPage('zh', '更新日期', '110-01-01', '115-11-27'));
    expect(staleNews.check(site, siteContext(site, now)).applicable).toBe(false);
  });

  it('follows configured thresholds', () => {
    const site = siteOf(hywebPage('zh', [{ shown: '115-10-20', title: '消息' }], '115-11-27'));
    const ctx = siteContext(site, now);
    expect(staleNews.check(site, ctx).findings).toHaveLength(0);
    ctx.options = { ...defaultRuleOptions(), freshness: { ...defaultRuleOptions().freshness, warnDays: 14, staleDays: 30 } };
    expect(staleNews.check(site, ctx).findings[0]?.severity).toBe('serious');
  });

  it('uses ctx.now, not the clock', () => {
    const site = siteOf(hywebPage('zh', [{ shown: '115-05-11', title: '消息' }], '115-05-11'));
    expect(staleNews.check(site, siteContext(site, new Date('2026-05-20T12:00:00+08:00'))).findings).toHaveLength(0);
  });
});

describe('freshness/no-date', () => {
  it('fails when nothing on the site is dated', () => {
    const site = siteOf('<html><body><div class="header">署徽</div><div class="center"><h2>關於我們</h2><p>本署掌理全國業務。</p></div></body></html>');
    const r = noDate.check(site, siteContext(site, now));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message.en).toMatch(/no recognisable/i);
  });

  it('fails when the only date is an auto-generated footer date (today)', () => {
    const site = siteOf('<html><body><div class="center"><p>About the agency.</p></div><div class="footer"><p>Last updated: 2026-11-27</p></div></body></html>');
    expect(noDate.check(site, siteContext(site, now)).findings).toHaveLength(1);
  });

  it('fails when the only dates are decoys: year picker, calendar, law history, counters', () => {
    const html = `<html><body><main><select><option>115年12月1日</option></select><table class="calendar"><tr><td>2026-11-03</td></tr></table>
      <p>本法於民國九十年一月十七日制定公布，並於民國一百零五年三月二日修正公布全文，共計四十條，自公布日施行，各機關應依本法辦理相關業務。</p><p>點閱次數：12345　瀏覽人次：1150523</p></main></body></html>`;
    const site = siteOf(html);
    expect(noDate.check(site, siteContext(site, now)).findings).toHaveLength(1);
  });

  it.each([
    ['Hyweb zh', hywebPage('zh', [{ shown: '110-01-01', title: '舊' }], '115-11-27')],
    ['legacy en', legacyTablePage('en', [], 'Oct 1, 2026')],
    ['modern en with meta only', '<html><head><meta name="DC.Date" content="2019-03-04"></head><body><main><p>x</p></main></body></html>'],
  ])('passes when a date exists: %s', (_name, html) => {
    const site = siteOf(html);
    expect(noDate.check(site, siteContext(site, now))).toEqual({ applicable: true, findings: [] });
  });

  it('is not applicable without any page content', () => {
    const site = makeSite([]);
    expect(noDate.check(site, siteContext(site, now)).applicable).toBe(false);
  });
});

describe('freshnessScore', () => {
  const opts = defaultRuleOptions().freshness;
  it.each([
    [0, 100],
    [30, 100],
    [31, 99],
    [105, 50],
    [179, 1],
    [180, 0],
    [999, 0],
  ])('%d days → %d', (age, score) => {
    expect(freshnessScore({ lastUpdated: '2026-01-01', source: 'news-list', raw: '', ageDays: age }, opts)).toBe(score);
  });

  it('is 0 when no date was found', () => {
    expect(freshnessScore({ lastUpdated: null, source: null, raw: null, ageDays: null }, opts)).toBe(0);
    expect(freshnessScore(null, opts)).toBe(0);
  });

  it('scores a site from its summary', () => {
    const site = siteOf(hywebPage('zh', [{ shown: '115-09-28', title: '消息' }], '115-11-27'));
    const summary = computeFreshness(site, { now });
    expect(summary.ageDays).toBe(60);
    expect(freshnessScore(summary, opts)).toBe(80);
  });
});

describe('registry', () => {
  it('exports both rules with contract ids, category and bilingual texts', () => {
    expect(freshnessRules.map((r) => r.meta.id)).toEqual(['freshness/stale-news', 'freshness/no-date']);
    for (const r of freshnessRules) {
      expect(r.meta).toMatchObject({ category: 'freshness', scope: 'site' });
      expect(r.meta.title['zh-TW']).toBeTruthy();
      expect(r.meta.howToFix.en).toBeTruthy();
    }
  });
});
