import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../reports/store/db.ts';
import { knownAgencyIds, saveRegistry } from '../../reports/store/registry-store.ts';
import { normaliseSiteUrl, parseRegistry, readRegistryFile, RegistryError } from '../../scheduler/registry.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const header = 'agency_id,agency_name,parent_agency_id,site_url,site_name\n';

describe('registry CSV', () => {
  it('keeps good rows and names the line and field of every bad one', () => {
    const csv =
      header +
      'A01,模範部,,https://www.example.gov.tw/,模範部全球資訊網\n' + // 2 ok
      'A02,冷門局,A01,,冷門局網站\n' + // 3 missing URL
      'A02,冷門局,A01,ftp://files.example.gov.tw/,檔案站\n' + // 4 bad scheme
      'A02,冷門局,A01,https://WWW.EXAMPLE.gov.tw:443/#top,重複\n' + // 5 duplicate of line 2
      'A03,無名署,Z99,https://c.example.gov.tw/,無名署\n' + // 6 unknown parent
      ',無代號,,https://d.example.gov.tw/,x\n' + // 7 missing agency id
      'A04,,,https://e.example.gov.tw/,x\n' + // 8 missing agency name
      'A02,冷門局,A01,www.nourl.gov.tw,沒有協定\n' + // 9 no scheme
      '"A05","中庸署, 北區","A01","https://f.example.gov.tw/news?id=1","中庸 ""北區"""\n' + // 10 ok, quoted
      'A02,冷門局,A01,https://b.example.gov.tw/,冷門局網站\n'; // 11 ok
    const r = parseRegistry(enc(csv), 'registry.csv');
    expect(r.sites.map((s) => [s.line, s.agencyId, s.url])).toEqual([
      [2, 'A01', 'https://www.example.gov.tw/'],
      [10, 'A05', 'https://f.example.gov.tw/news?id=1'],
      [11, 'A02', 'https://b.example.gov.tw/'],
    ]);
    const errors = r.issues.filter((i) => i.level === 'error').map((i) => [i.line, i.field]);
    expect(errors).toEqual([
      [3, 'site_url'],
      [4, 'site_url'],
      [5, 'site_url'],
      [6, 'parent_agency_id'],
      [7, 'agency_id'],
      [8, 'agency_name'],
      [9, 'site_url'],
    ]);
    expect(r.issues.find((i) => i.line === 5)!.message).toMatch(/duplicate.*line 2/);
    expect(r.issues.find((i) => i.line === 4)!.message).toMatch(/ftp/);
    expect(r.issues.find((i) => i.line === 6)!.message).toMatch(/Z99/);
    expect(r.agencies.find((a) => a.id === 'A05')).toMatchObject({ name: '中庸署, 北區', parentId: 'A01' });
    expect(r.sites.find((s) => s.agencyId === 'A05')!.name).toBe('中庸 "北區"');
    expect(r.rowsRead).toBe(10);
  });

  it('rejects lines that are not UTF-8 and keeps the rest; accepts a BOM and CRLF', () => {
    const good = enc('\uFEFF' + header.replace('\n', '\r\n') + 'A01,模範部,,https://a.example.gov.tw/,甲\r\n');
    const big5Line = Uint8Array.from([...enc('A02,'), 0xa7, 0x4e, 0xaa, 0xf9, ...enc(',,https://b.example.gov.tw/,x\r\n')]); // 冷門 in Big5
    const last = enc('A03,中庸署,,https://c.example.gov.tw/,丙\r\n');
    const r = parseRegistry(Uint8Array.from([...good, ...big5Line, ...last]), 'r.csv');
    expect(r.sites.map((s) => s.agencyId)).toEqual(['A01', 'A03']);
    expect(r.issues).toEqual([expect.objectContaining({ line: 3, field: '(encoding)', level: 'error' })]);
  });

  it('refuses a file without the required columns as a whole', () => {
    expect(() => parseRegistry(enc('agency,url\nA01,https://a.gov.tw/\n'), 'r.csv')).toThrow(RegistryError);
    expect(() => parseRegistry(enc(''), 'r.csv')).toThrow(/empty/);
  });

  it('accepts parents declared later in the file or imported before', () => {
    const r = parseRegistry(enc(header + 'B01,分署,A01,https://b.gov.tw/,\nA01,本部,,https://a.gov.tw/,\nC01,別署,X00,https://c.gov.tw/,\n'), 'r.csv', new Set(['X00']));
    expect(r.issues).toEqual([]);
    expect(r.agencies.map((a) => [a.id, a.parentId])).toEqual([
      ['B01', 'A01'],
      ['A01', null],
      ['C01', 'X00'],
    ]);
  });
});

describe('registry JSON', () => {
  it('reports bad entries with their line and JSON path', () => {
    const json = `[
  { "id": "A01", "name": "模範部", "sites": [
      { "url": "https://a.example.gov.tw/", "name": "甲" },
      { "url": "mailto:x@example.gov.tw", "name": "信箱" }
  ] },
  { "id": "A02", "name": "冷門局", "parent": "A01", "sites": [
      { "name": "沒有網址" },
      { "url": "https://b.example.gov.tw/", "name": 42 }
  ] },
  { "id": "A03", "name": "上級機關" },
  { "id": "A04", "name": "無效", "parent": "NOPE", "sites": [{ "url": "https://d.example.gov.tw/" }] }
]`;
    const r = parseRegistry(enc(json), 'registry.json');
    expect(r.format).toBe('json');
    expect(r.sites.map((s) => [s.line, s.url, s.name])).toEqual([
      [3, 'https://a.example.gov.tw/', '甲'],
      [8, 'https://b.example.gov.tw/', '42'],
    ]);
    expect(r.issues.map((i) => [i.line, i.field])).toEqual([
      [4, '[0].sites[1].url'],
      [7, '[1].sites[0].url'],
      [11, '[3].parent'],
    ]);
    expect(r.agencies.map((a) => a.id)).toEqual(['A01', 'A02', 'A03']);
  });

  it('names the line of a syntax error', () => {
    expect(() => parseRegistry(enc('[\n  { "id": "A01", }\n]'), 'r.json')).toThrow(/line 2/);
  });
});

describe('normaliseSiteUrl', () => {
  it('gives one identity per site', () => {
    expect(normaliseSiteUrl('HTTPS://Www.Example.GOV.tw:443')).toEqual({ url: 'https://www.example.gov.tw/' });
    expect(normaliseSiteUrl('http://x.gov.tw/a/#frag')).toEqual({ url: 'http://x.gov.tw/a/' });
    expect(normaliseSiteUrl('javascript:alert(1)')).toHaveProperty('error');
    expect(normaliseSiteUrl('https://user:pw@x.gov.tw/')).toHaveProperty('error');
  });
});

describe('registry import into the store', () => {
  it('updates on re-import instead of duplicating, and retires sites no longer listed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govcheck-reg-'));
    const db = openStore(join(dir, 'x.db'));
    const file = join(dir, 'registry.csv');
    writeFileSync(file, header + 'A01,模範部,,https://a.gov.tw/,甲\nA01,模範部,,https://a2.gov.tw/,甲二\nA02,冷門局,A01,https://b.gov.tw/,乙\n');
    const first = saveRegistry(db, readRegistryFile(file, knownAgencyIds(db)), { deactivateMissing: true });
    expect(first).toMatchObject({ agenciesAdded: 2, sitesAdded: 3, sitesUpdated: 0 });

    writeFileSync(file, header + 'A01,模範部（新名）,,https://a.gov.tw/,甲\nA02,冷門局,A01,https://B.gov.tw,乙改名\n');
    const second = saveRegistry(db, readRegistryFile(file, knownAgencyIds(db)), { deactivateMissing: true });
    expect(second).toMatchObject({ agenciesAdded: 0, agenciesUpdated: 1, sitesAdded: 0, sitesUpdated: 1, sitesDeactivated: 1 });
    expect(second.siteIds).toEqual(first.siteIds.filter((_, i) => i !== 1));

    expect(db.prepare('SELECT COUNT(*) FROM sites').pluck().get()).toBe(3);
    expect(db.prepare('SELECT name FROM agencies WHERE id = ?').pluck().get('A01')).toBe('模範部（新名）');
    expect(db.prepare('SELECT name, active FROM sites WHERE url = ?').get('https://b.gov.tw/')).toEqual({ name: '乙改名', active: 1 });
    expect(db.prepare('SELECT active FROM sites WHERE url = ?').pluck().get('https://a2.gov.tw/')).toBe(0);
    db.close();
  });
});

describe('registry ids are path-safe', () => {
  it('rejects ".", ".." and other ids that are not path-safe with their line and field, and keeps the good rows', () => {
    const csv =
      header +
      'A01,模範部,,https://www.example.gov.tw/,模範部\n' + // 2 ok
      '..,上一層,,https://a.example.gov.tw/,x\n' + // 3
      '.,本層,,https://b.example.gov.tw/,x\n' + // 4
      '...,三點,,https://c.example.gov.tw/,x\n' + // 5
      '-5,負五,,https://d.example.gov.tw/,x\n' + // 6 ok: a numeric id
      'A/B,斜線,,https://e.example.gov.tw/,x\n' + // 7
      'A02,子機關,..,https://f.example.gov.tw/,x\n' + // 8 parent ".."
      'A03.北區,北區,A01,https://g.example.gov.tw/,x\n'; // 9 ok: dots inside are fine
    const r = parseRegistry(enc(csv), 'registry.csv');
    expect(r.sites.map((s) => s.agencyId)).toEqual(['A01', '-5', 'A03.北區']);
    const errors = r.issues.filter((i) => i.level === 'error').map((i) => [i.line, i.field]);
    expect(errors).toEqual([
      [3, 'agency_id'],
      [4, 'agency_id'],
      [5, 'agency_id'],
      [7, 'agency_id'],
      [8, 'parent_agency_id'],
    ]);
    expect(r.issues.find((i) => i.line === 3)?.message).toMatch(/path segment/);
  });

  it('rejects ".." in a JSON registry with the line and path of the field', () => {
    const json = '[\n  { "id": "A01", "name": "模範部", "sites": [{ "url": "https://www.example.gov.tw/" }] },\n  { "id": "..", "name": "上一層", "sites": [{ "url": "https://a.example.gov.tw/" }] }\n]\n';
    const r = parseRegistry(enc(json), 'registry.json');
    expect(r.agencies.map((a) => a.id)).toEqual(['A01']);
    const errors = r.issues.filter((i) => i.level === 'error').map((i) => [i.line, i.field]);
    expect(errors).toEqual([[3, '[1].id']]);
  });

  it('the store refuses a path-unsafe agency id from any other caller', () => {
    const db = openStore(join(mkdtempSync(join(tmpdir(), 'govcheck-ids-')), 'x.db'));
    expect(() => saveRegistry(db, { agencies: [{ id: '..', name: 'x', parentId: null, line: 2 }], sites: [] })).toThrow(/path segment/);
    expect(knownAgencyIds(db).size).toBe(0);
    db.close();
  });
});
