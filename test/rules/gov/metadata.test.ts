import { describe, expect, it } from 'vitest';
import { canonicalField, metadata } from '../../../rules/gov/metadata.ts';
import { isValidMetaDate } from '../../../rules/gov/lib/meta-date.ts';
import { runOnHtml } from './run.ts';

const page = (metas: Record<string, string>) =>
  `<html><head><title>t</title>${Object.entries(metas)
    .map(([n, c]) => `<meta name="${n}" content="${c}">`)
    .join('')}</head><body><a href="/">首頁</a></body></html>`;

const VALID = {
  'DC.Title': '最新消息',
  'DC.Creator': '研究發展考核委員會',
  'DC.Subject': '最新消息',
  'DC.Date': '2010-10-13 00:00',
  'DC.Type': '文字',
  'DC.Format': 'text/html',
  'DC.Identifier': '341000000A',
  'DC.Language': '繁體中文',
  'Category.Theme': '200,900,910',
  'Category.Cake': 'E00,I00,J00',
  'Category.Service': 'E41',
};

describe('gov/metadata', () => {
  it('a page with valid DC and Category tags passes', () => {
    expect(runOnHtml(metadata, page(VALID))).toEqual({ applicable: true, findings: [] });
  });

  it('a page without any DC tag is exactly one finding', () => {
    const r = runOnHtml(metadata, page({ keywords: 'x', 'Category.Theme': '170' }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message.en).toMatch(/no Dublin Core/);
  });

  it('a partial DC set with valid values passes (sites often omit some elements)', () => {
    expect(runOnHtml(metadata, page({ 'DC.Title': '首頁', 'DC.Date': '115-11-27' })).findings).toEqual([]);
  });

  it('each malformed value is a finding naming its field', () => {
    const r = runOnHtml(
      metadata,
      page({
        ...VALID,
        'DC.Title': '',
        'DC.Date': '2026-02-30',
        'DC.Identifier': 'RDEC',
        'Category.Theme': 'A1',
        'Category.Cake': 'C2',
        'Category.Service': '服務',
      }),
    );
    const fields = r.findings.map((f) => f.data?.field);
    expect(fields).toEqual(['DC.Title', 'DC.Date', 'DC.Identifier', 'Category.Theme', 'Category.Cake', 'Category.Service']);
    for (const f of r.findings) {
      expect(f.message['zh-TW']).toContain(String(f.data?.field));
      expect(f.message.en).toContain(String(f.data?.field));
      expect(f.selector).toContain(String(f.data?.field));
    }
  });

  it('matches tag names case-insensitively and with a colon', () => {
    const r = runOnHtml(metadata, page({ 'dc.title': '首頁', 'DC:date': 'yesterday', 'category.cake': 'C21' }));
    expect(r.findings.map((f) => f.data?.field)).toEqual(['DC.Date']);
    expect(canonicalField('DC.coverage.t.max')).toBe('DC.Coverage.t.max');
    expect(canonicalField('og:title')).toBeNull();
  });

  it('accepts agency codes that start with a letter, and code lists with spaces', () => {
    expect(runOnHtml(metadata, page({ 'DC.Identifier': 'A21000000I', 'Category.Theme': '200, 910' })).findings).toEqual([]);
  });

  it.each([
    ['2007-11-09', true],
    ['2010-10-13 00:00', true],
    ['2026-11-27T09:30:00+08:00', true],
    ['2026-11', true],
    ['2026', true],
    ['2024/2/29 下午 03:00:00', true],
    ['20261127', true],
    ['115-11-27', true],
    ['115/2/3', true],
    ['民國115年11月27日', true],
    ['2026年11月27日', true],
    ['Fri, 27 Nov 2026 10:00:00 GMT', true],
    ['2026年2月30日', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['115-02-30', false],
    ['yesterday', false],
    ['', false],
  ])('DC.Date %s → %s', (value, expected) => {
    expect(isValidMetaDate(value)).toBe(expected);
  });
});
