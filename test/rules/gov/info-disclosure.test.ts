import { describe, expect, it } from 'vitest';
import { infoDisclosure } from '../../../rules/gov/info-disclosure.ts';
import { homePage, LANGS, STYLES } from './home-pages.ts';
import { runOnHtml } from './run.ts';

describe('gov/info-disclosure', () => {
  it('keeps the gov/ prefix', () => {
    expect(infoDisclosure.meta.id).toBe('gov/info-disclosure');
  });
  for (const style of STYLES) {
    for (const lang of LANGS) {
      it(`${style}/${lang}: a 政府資訊公開 link passes`, () => {
        expect(runOnHtml(infoDisclosure, homePage(style, lang)).findings).toEqual([]);
      });
      it(`${style}/${lang}: without it is one finding`, () => {
        const r = runOnHtml(infoDisclosure, homePage(style, lang, { infoDisclosure: false }));
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.message['zh-TW']).toContain('政府資訊公開');
      });
    }
  }
});
