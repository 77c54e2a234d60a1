// Table-driven test of the date parser: every form in tw-rules §4, and decoys that must not parse.
import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../../rules/freshness/dates.ts';
import { parseNumeral } from '../../../rules/freshness/chinese-numerals.ts';

const now = new Date('2026-11-27T00:00:00+08:00');

/** [text, expected date or null, expected time?, expected kind?] */
type Row = [string, string | null, string?, ('roc' | 'gregorian')?];

const PARSES: Row[] = [
  // ROC 年月日, with and without 民國 / 中華民國, spaces, labels
  ['更新日期：115年11月2日', '2026-11-02', undefined, 'roc'],
  ['115年11月2日', '2026-11-02', undefined, 'roc'],
  ['民國 96 年 07 月 02 日', '2007-07-02', undefined, 'roc'],
  ['修正日期: 民國 111 年 12 月 02 日', '2022-12-02', undefined, 'roc'],
  ['中華民國113年10月18日', '2024-10-18', undefined, 'roc'],
  ['生效日期:110年12月28日', '2021-12-28', undefined, 'roc'],
  ['99年12月31日', '2010-12-31', undefined, 'roc'],
  ['民國1年1月1日', '1912-01-01', undefined, 'roc'],
  ['民國前1年10月10日', '1911-10-10', undefined, 'roc'],
  ['115年11月2號', '2026-11-02', undefined, 'roc'],
  // ROC numeric
  ['115/11/2', '2026-11-02', undefined, 'roc'],
  ['115-11-02', '2026-11-02', undefined, 'roc'],
  ['106/01/01', '2017-01-01', undefined, 'roc'],
  ['日期:108-01-19', '2019-01-19', undefined, 'roc'],
  ['最後更新日期:106-06-02', '2017-06-02', undefined, 'roc'],
  ['99/12/31', '2010-12-31', undefined, 'roc'],
  ['099/12/31', '2010-12-31', undefined, 'roc'],
  ['發布日期：115.11.02', '2026-11-02', undefined, 'roc'],
  ['更新日期 115.1.5', '2026-01-05', undefined, 'roc'],
  ['113/02/29', '2024-02-29', undefined, 'roc'], // leap year
  // compact ROC7 / Gregorian 8 digits after a label
  ['更新日期：1150523', '2026-05-23', undefined, 'roc'],
  ['上版日期 20261102', '2026-11-02', undefined, 'gregorian'],
  // full-width digits and colon (NFKC)
  ['１１５年１１月２日', '2026-11-02', undefined, 'roc'],
  ['更新日期：１１５／１１／０２', '2026-11-02', undefined, 'roc'],
  // Chinese numerals
  ['一百十五年十一月二日', '2026-11-02', undefined, 'roc'],
  ['民國一百零五年三月廿一日', '2016-03-21', undefined, 'roc'],
  ['中華民國九十年一月十七日', '2001-01-17', undefined, 'roc'],
  ['一一五年十一月二日', '2026-11-02', undefined, 'roc'],
  ['二〇二六年十一月二日', '2026-11-02', undefined, 'gregorian'],
  ['民國前十七年四月十七日', '1895-04-17', undefined, 'roc'],
  // Gregorian
  ['2026-11-02', '2026-11-02', undefined, 'gregorian'],
  ['2026/11/2', '2026-11-02', undefined, 'gregorian'],
  ['更新日期:2018/01/01', '2018-01-01', undefined, 'gregorian'],
  ['2026年11月2日', '2026-11-02', undefined, 'gregorian'],
  ['Date: 2026.11.02', '2026-11-02', undefined, 'gregorian'],
  ['Nov 2, 2026', '2026-11-02', undefined, 'gregorian'],
  ['November 2nd, 2026', '2026-11-02', undefined, 'gregorian'],
  ['Published on Nov. 2, 2026', '2026-11-02', undefined, 'gregorian'],
  ['2 November 2026', '2026-11-02', undefined, 'gregorian'],
  ['Last updated: 2 Nov 2026', '2026-11-02', undefined, 'gregorian'],
  ['02-Nov-2026', '2026-11-02', undefined, 'gregorian'],
  ['1949年10月1日', '1949-10-01', undefined, 'gregorian'],
  ['日期: 1985/01/01', '1985-01-01', undefined, 'gregorian'], // labelled: old years are plausible
  // times, 上午/下午, zones → Asia/Taipei
  ['最後異動時間:2021-08-17 上午 10:13:45', '2021-08-17', '10:13:45', 'gregorian'],
  ['115/11/02 下午 2:30', '2026-11-02', '14:30', 'roc'],
  ['115/11/02 上午 12:05', '2026-11-02', '00:05', 'roc'],
  ['115/11/02(一) 14:30', '2026-11-02', '14:30', 'roc'],
  ['DC.Date 2010-10-13 00:00', '2010-10-13', '00:00', 'gregorian'],
  ['2026-11-02T10:13:45+08:00', '2026-11-02', '10:13:45', 'gregorian'],
  ['2026-11-01T20:00:00Z', '2026-11-02', '04:00:00', 'gregorian'], // UTC evening = next morning in Taipei
  ['2026-11-02T10:00:00.000-05:00', '2026-11-02', '23:00:00', 'gregorian'],
  ['Mon, 02 Nov 2026 03:04:05 GMT', '2026-11-02', '11:04:05', 'gregorian'],
  ['2026年11月2日 10時13分', '2026-11-02', '10:13', 'gregorian'],
  ['Nov 2, 2026 3:15 PM', '2026-11-02', '15:15', 'gregorian'],
  // one day of slack after now (a page edited just after midnight elsewhere)
  ['2026/11/28', '2026-11-28', undefined, 'gregorian'],
];

const DECOYS: string[] = [
  '115.11.02', // dotted without a label: versions look like this
  '2026.11.02',
  '1150523', // compact without a label: counts and ids look like this
  '20261102',
  '點閱次數 12345',
  '瀏覽人次：1150523',
  '1.2.3',
  'v10.2.3',
  'Chrome 115.0.5790.170',
  '192.168.1.1',
  '10.0.0.1',
  '02-2345-6789',
  '(02)2345-6789',
  '0800-123-456',
  '0912-345-678',
  'ISBN 978-986-123-456-7',
  '1/2',
  '3/4 杯',
  '115/120',
  '第12-1-3條',
  '第 10-2-1 條',
  '依第115條第11項第2款',
  '12/25/2026', // US month-first: ambiguous, not a Taiwanese form
  '2026 年',
  'May 2026',
  '115年11月',
  '5年3月2日', // one-digit year without 民國: a duration
  '三年十二月五日',
  // impossible dates
  '2026-02-29',
  '115/02/29',
  '115/13/01',
  '115/11/31',
  '2026-00-10',
  '115年11月32日',
  // out of range
  '2026/11/29', // more than a day after now
  '2027-01-01',
  '116/01/01',
  '1985/01/01', // bare numeric before 1990: rarely a date on a web page
  '12/10/15', // would be ROC 12 = 1923
  '0999-01-01',
  '下午 3:05',
];

describe('parseDate: forms that parse', () => {
  it.each(PARSES)('%s → %s', (text, date, time, kind) => {
    const m = parseDate(text, { now });
    expect(m?.date ?? null).toBe(date);
    if (time !== undefined) expect(m?.time).toBe(time);
    if (kind) expect(m?.kind).toBe(kind);
  });
});

describe('parseDate: decoys that must not parse', () => {
  it.each(DECOYS)('%s', (text) => {
    expect(parseDate(text, { now })).toBeNull();
  });
});

describe('the table', () => {
  it('has at least 60 strings, decoys included', () => {
    expect(PARSES.length + DECOYS.length).toBeGreaterThanOrEqual(60);
    expect(DECOYS.length).toBeGreaterThanOrEqual(20);
  });
});

describe('labels', () => {
  it.each([
    ['更新日期：115年11月2日', '更新日期', 'updated'],
    ['本網站最後更新日期: 2026-11-02', '最後更新日期', 'updated'],
    ['資料更新時間 2026-11-02 10:00', '資料更新時間', 'updated'],
    ['發布日期：115-11-02', '發布日期', 'published'],
    ['【公告日期】115-11-02', '公告日期', 'published'],
    ['上版日期 115-11-02', '上版日期', 'published'],
    ['日期:111-09-28', '日期', 'date'],
    ['Last updated: 2 Nov 2026', 'Last updated', 'updated'],
    ['Published: 2026-11-02', 'Published', 'published'],
    ['Date: 2026-11-02', 'Date', 'date'],
    ['活動日期：115年11月10日', '活動日期', 'other'],
    ['截止日期 115-11-20', '截止日期', 'other'],
  ])('%s → %s (%s)', (text, label, kind) => {
    const m = parseDate(text, { now });
    expect(m?.label).toBe(label);
    expect(m?.labelKind).toBe(kind);
    expect(m?.labelledRaw).toBe(text.slice(text.indexOf(label)));
  });

  it('does not take the weekday before a date for a label', () => {
    expect(parseDate('星期日 115-11-02', { now })?.label).toBeNull();
  });
});

describe('findDates', () => {
  it('returns every date in order with its offset and raw text', () => {
    const text = '發布日期：115-11-01　更新日期：115年11月20日 下午 3:00；活動 2026/12/25 舉行';
    const found = findDates(text, { now });
    expect(found.map((m) => m.date)).toEqual(['2026-11-01', '2026-11-20']); // 2026-12-25 is in the future
    expect(found[1]).toMatchObject({ raw: '115年11月20日 下午 3:00', time: '15:00', label: '更新日期', index: text.indexOf('115年11月20日') });
  });

  it('parses a founding date in prose (the extractor, not the parser, excludes it)', () => {
    expect(findDates('本法於民國九十年一月十七日公布施行。', { now })[0]?.date).toBe('2001-01-17');
  });

  it('accepts dotted and compact values on their own only in standalone mode', () => {
    expect(parseDate('115.11.02', { now, standalone: true })?.date).toBe('2026-11-02');
    expect(parseDate('1150523', { now, standalone: true })?.date).toBe('2026-05-23');
    expect(parseDate('1.2.3', { now, standalone: true })).toBeNull();
  });

  it('keeps its indexes on the original text when folding full-width digits', () => {
    const text = 'ＡＢＣ 更新日期：１１５年１１月２日';
    const m = findDates(text, { now })[0]!;
    expect(text.slice(m.index, m.index + m.raw.length)).toBe('１１５年１１月２日');
  });

  it('is linear on long hostile input', () => {
    const text = `${'1-'.repeat(20000)}${'年'.repeat(5000)}${'115/11/'.repeat(5000)}`;
    expect(findDates(text, { now })).toBeInstanceOf(Array);
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['一百十五', 115],
    ['一百零五', 105],
    ['二十三', 23],
    ['十一', 11],
    ['十', 10],
    ['廿三', 23],
    ['卅', 30],
    ['二〇二六', 2026],
    ['一一五', 115],
  ])('%s = %d', (s, n) => expect(parseNumeral(s)).toBe(n));
});
