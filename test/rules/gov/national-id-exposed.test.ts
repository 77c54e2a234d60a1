import { describe, expect, it } from 'vitest';
import { nationalIdExposed } from '../../../rules/gov/national-id-exposed.ts';
import { findNationalIds, isValidNationalId, maskNationalId } from '../../../rules/gov/lib/national-id.ts';
import { homePage } from './home-pages.ts';
import { runOnHtml } from './run.ts';

const listPage = (rows: string) =>
  `<html lang="zh-TW"><body><main><h1>得獎名單</h1><table><tr><th>姓名</th><th>身分證字號</th></tr>${rows}</table></main></body></html>`;

describe('gov/national-id-exposed', () => {
  it('checksum-valid IDs are found; citizens (1/2) and new-style residents (8/9)', () => {
    for (const id of ['A123456789', 'F234567898', 'B120000008', 'A800000014', 'Z912345674']) {
      expect(isValidNationalId(id), id).toBe(true);
    }
  });

  it('bad-checksum look-alikes and wrong shapes are not IDs', () => {
    for (const id of ['A123456788', 'A800000015', 'A323456789', 'a123456789', 'A12345678']) {
      expect(isValidNationalId(id), id).toBe(false);
    }
  });

  it('a published list with an ID is a critical finding with the number masked', () => {
    const r = runOnHtml(nationalIdExposed, listPage('<tr><td>王小明</td><td>A123456789</td></tr>'));
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.message['zh-TW']).toContain('A12****789');
    expect(f.message.en).toContain('A12****789');
    expect(JSON.stringify(f)).not.toContain('A123456789');
    expect(f.selector).toBeTruthy();
    expect(nationalIdExposed.meta.severity).toBe('critical');
  });

  it('one finding per distinct number, and full-width digits count', () => {
    const rows = '<tr><td>甲</td><td>A123456789</td></tr><tr><td>乙</td><td>A123456789</td></tr><tr><td>丙</td><td>Ｆ２３４５６７８９８</td></tr>';
    const r = runOnHtml(nationalIdExposed, listPage(rows));
    expect(r.findings.map((f) => f.data?.masked)).toEqual(['A12****789', 'F23****898']);
  });

  it('a bad-checksum look-alike is not a finding', () => {
    const r = runOnHtml(nationalIdExposed, listPage('<tr><td>王小明</td><td>A123456788</td></tr>'));
    expect(r).toEqual({ applicable: true, findings: [] });
  });

  it('an ID-shaped run inside a longer alphanumeric string is not a finding', () => {
    const text = '訂單 XA123456789、A1234567890、A123456789B、料號 SKU-9A123456789Z';
    expect(findNationalIds(text)).toEqual([]);
    expect(runOnHtml(nationalIdExposed, `<html><body><p>${text}</p></body></html>`).findings).toEqual([]);
  });

  it('an ID next to Chinese text or punctuation is found', () => {
    expect(findNationalIds('身分證字號A123456789號，').map((h) => h.masked)).toEqual(['A12****789']);
    expect(findNationalIds('(A800000014)').map((h) => h.masked)).toEqual(['A80****014']);
  });

  it('ordinary government pages are clean in all three markup styles', () => {
    for (const style of ['hyweb', 'legacy', 'modern'] as const) {
      expect(runOnHtml(nationalIdExposed, homePage(style, 'zh')).findings, style).toEqual([]);
    }
  });

  it('masks as first three and last three characters', () => {
    expect(maskNationalId('A123456789')).toBe('A12****789');
  });
});
