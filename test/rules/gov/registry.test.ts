import { describe, expect, it } from 'vitest';
import { govRules } from '../../../rules/gov/index.ts';

const CONTRACT_IDS = [
  'gov/privacy-policy',
  'gov/security-policy',
  'gov/open-data-declaration',
  'gov/sitemap-page',
  'gov/contact-info',
  'gov/site-search',
  'gov/english-version',
  'gov/mobile-viewport',
  'gov/metadata',
  'gov/national-id-exposed',
  'gov/broken-links',
];

describe('govRules', () => {
  it('registers every contract id once, plus the extra gov rules', () => {
    const ids = govRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of CONTRACT_IDS) expect(ids).toContain(id);
    for (const id of ['gov/info-disclosure', 'gov/broken-external-links', 'gov/soft-404', 'gov/robots-sitemap']) expect(ids).toContain(id);
  });

  it('every rule has zh-TW and English texts, a severity and a source', () => {
    for (const r of govRules) {
      for (const text of [r.meta.title, r.meta.description, r.meta.howToFix]) {
        expect(text['zh-TW'], r.meta.id).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en, r.meta.id).toMatch(/[A-Za-z]{3}/);
      }
      expect(r.meta.id.startsWith('gov/')).toBe(true);
      expect(r.meta.category).toBe('governance');
      expect(r.meta.source).toBeTruthy();
      expect(['critical', 'serious', 'moderate', 'minor']).toContain(r.meta.severity);
    }
  });
});
