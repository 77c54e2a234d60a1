// a11y/contrast-over-backgrounds: thresholds over the per-character samples the browser gathers.
import { describe, expect, it } from 'vitest';
import type { TextBackgroundArtifact } from '../../../core/types.ts';
import { contrastOverBackgrounds, minimumRatio } from '../../../rules/accessibility/contrast-over-backgrounds.ts';
import { makePage, makeSite, pageContext } from '../../helpers/artifacts.ts';

const sample = (over: Partial<TextBackgroundArtifact>): TextBackgroundArtifact => ({
  selector: '.banner > p',
  snippet: '<p>最新消息</p>',
  text: '最新消息',
  fontSizePx: 16,
  fontWeight: 400,
  color: 'rgb(255, 255, 255)',
  worstRatio: 2.1,
  worstChar: '最',
  charsJudged: 4,
  ...over,
});

function run(textBackgrounds?: TextBackgroundArtifact[]) {
  const page = makePage('<html><body></body></html>', { textBackgrounds });
  return contrastOverBackgrounds.check(page, pageContext(makeSite([page]), page));
}

describe('a11y/contrast-over-backgrounds', () => {
  it('uses 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold)', () => {
    expect(minimumRatio({ fontSizePx: 16, fontWeight: 400 })).toBe(4.5);
    expect(minimumRatio({ fontSizePx: 24, fontWeight: 400 })).toBe(3);
    expect(minimumRatio({ fontSizePx: 19, fontWeight: 700 })).toBe(3);
    expect(minimumRatio({ fontSizePx: 19, fontWeight: 400 })).toBe(4.5);
  });

  it('fails text whose best contrast is below the minimum, and only that', () => {
    const r = run([sample({}), sample({ selector: '.ok', worstRatio: 4.6 }), sample({ selector: '.big', worstRatio: 3.2, fontSizePx: 32 })]);
    expect(r.findings.map((f) => f.selector)).toEqual(['.banner > p']);
    expect(r.findings[0].message.en).toContain('2.1:1');
  });

  it('is not applicable without samples (nothing over images or gradients, or not gathered)', () => {
    expect(run([]).applicable).toBe(false);
    expect(run(undefined).applicable).toBe(false);
  });
});
