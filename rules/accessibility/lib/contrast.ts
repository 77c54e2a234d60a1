// Contrast of text with the colours the browser found behind it (WCAG relative luminance and contrast
// ratio). The page script only works out what is painted where (worker/in-page/artifacts/text-backgrounds.js);
// judging it is rule logic and lives here.
import type { TextBackgroundArtifact } from '../../../core/types.ts';

type Rgba = readonly [number, number, number, number];
type Rgb = readonly [number, number, number];

function luminance(c: Rgb): number {
  const f = (v: number) => {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const x = luminance(a);
  const y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** A possibly translucent colour painted over an opaque one. */
function over(top: Rgba, base: Rgb): Rgb {
  const a = top[3];
  return [top[0] * a + base[0] * (1 - a), top[1] * a + base[1] * (1 - a), top[2] * a + base[2] * (1 - a)];
}

export interface TextContrast {
  /** Lowest, over the judged characters, of each character's highest contrast with the colours behind it (2 decimals). */
  worstRatio: number;
  worstChar: string;
}

/** ACT afw4f7's "highest possible contrast" per character, and the character where it is lowest; null when nothing was judged. */
export function textContrastOf(t: Pick<TextBackgroundArtifact, 'foreground' | 'palette' | 'chars'>): TextContrast | null {
  // Artifacts saved before the browser handed over the colours carry its verdict instead (still replayable).
  if (!Array.isArray(t.chars)) {
    const saved = t as Partial<TextContrast>;
    return typeof saved.worstRatio === 'number' && typeof saved.worstChar === 'string' ? { worstRatio: saved.worstRatio, worstChar: saved.worstChar } : null;
  }
  let worst: TextContrast | null = null;
  let lowest = Infinity;
  for (const { char, backgrounds } of t.chars) {
    let best = 0;
    for (const i of backgrounds) {
      const bg = t.palette[i];
      if (bg) best = Math.max(best, contrastRatio(over(t.foreground, bg), bg));
    }
    if (best > 0 && best < lowest) {
      lowest = best;
      worst = { worstRatio: Math.round(best * 100) / 100, worstChar: char };
    }
  }
  return worst;
}
