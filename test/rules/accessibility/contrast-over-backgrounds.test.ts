// a11y/contrast-over-backgrounds: the contrast of each character with the colours the browser found
// behind it (rules/accessibility/lib/contrast.ts), and the thresholds over it. Real pages: captured.test.ts.
import { describe, expect, it } from 'vitest';
import type { TextBackgroundArtifact } from '../../../core/types.ts';
import { contrastOverBackgrounds, minimumRatio } from '../../../rules/accessibility/contrast-over-backgrounds.ts';
import { textContrastOf } from '../../../rules/accessibility/lib/contrast.ts';
import { makePage, makeSite, pageContext } from '../../helpers/artifacts.ts';

const WHITE: [number, number, number] = [255, 255, 255];
const BLACK: [number, number, number] = [0, 0, 0];
const grey = (v: number): [number, number, number] => [v, v, v];

/** White text over one background colour per character. */
const sample = (over: Partial<TextBackgroundArtifact>): TextBackgroundArtifact => ({
  selector: '.banner > p',
  snippet: '<p>最新消息</p>',
  text: '最新消息',
  fontSizePx: 16,
  fontWeight: 400,
  color: 'rgb(255, 255, 255)',
  foreground: [255, 255, 255, 1],
  palette: [grey(0xbb)],
  chars: [{ char: '最', backgrounds: [0] }],
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

  it("a character's contrast is its best over the colours behind it; the text's is its worst character's", () => {
    // 最 over white and black: 21:1 against black. 新 over #777 only: 4.48:1 (WCAG's classic just-failing grey).
    const c = textContrastOf({ foreground: [255, 255, 255, 1], palette: [WHITE, BLACK, grey(0x77)], chars: [{ char: '最', backgrounds: [0, 1] }, { char: '新', backgrounds: [2] }] });
    expect(c).toEqual({ worstRatio: 4.48, worstChar: '新' });
    expect(textContrastOf({ foreground: [255, 255, 255, 1], palette: [BLACK], chars: [{ char: '最', backgrounds: [0] }] })).toEqual({ worstRatio: 21, worstChar: '最' });
    // Translucent text is composited over each background first: half-black on white is mid-grey.
    expect(textContrastOf({ foreground: [0, 0, 0, 0.5], palette: [WHITE], chars: [{ char: 'a', backgrounds: [0] }] })!.worstRatio).toBeLessThan(4.5);
    expect(textContrastOf({ foreground: [0, 0, 0, 1], palette: [], chars: [] })).toBeNull();
    // Saved before the page handed over colours: the verdict it computed then is used.
    expect(textContrastOf({ worstRatio: 1.87, worstChar: '淺' } as unknown as TextBackgroundArtifact)).toEqual({ worstRatio: 1.87, worstChar: '淺' });
  });

  it('fails text whose best contrast is below the minimum, and only that', () => {
    const r = run([
      sample({}),
      sample({ selector: '.ok', palette: [grey(0x76)] }),
      sample({ selector: '.big', palette: [grey(0x94)], fontSizePx: 32 }),
      sample({ selector: '.small', palette: [grey(0x94)] }),
    ]);
    expect(r.findings.map((f) => f.selector)).toEqual(['.banner > p', '.small']);
    expect(r.findings[0].message.en).toContain('"最" reaches at best 1.92:1');
    expect(r.findings[1].data).toMatchObject({ worstRatio: 3.03, required: 4.5 });
  });

  it('is not applicable without samples (nothing over images or gradients, or not gathered)', () => {
    expect(run([]).applicable).toBe(false);
    expect(run(undefined).applicable).toBe(false);
  });
});
