// tw/zoom-locked: meta viewport must not stop users zooming (user-scalable=no, maximum-scale < 2).
// Values are translated as browsers do (CSS Device Adaptation, W3C ACT rule b4f0c3): yes → 1, no → 0,
// device-width → 10, unknown words → locked; a negative maximum-scale is ignored.
import type { PageArtifacts, PageRule } from '../../core/types.ts';
import { documentOf } from '../lib/dom.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';

function keywordOrNumber(value: string, unknown: number): number | null {
  const v = value.trim().toLowerCase();
  if (v === 'yes') return 1;
  if (v === 'no') return 0;
  if (v === 'device-width' || v === 'device-height') return 10;
  const m = /^[+-]?(?:\d+\.?\d*|\.\d+)/.exec(v);
  return m ? Number(m[0]) : unknown;
}

/** Why the viewport locks zoom, or null. */
export function zoomLock(content: string): string | null {
  const props = new Map<string, string>();
  for (const m of content.matchAll(/([a-z-]+)\s*=\s*([^,;\s]+)/gi)) props.set(m[1]!.toLowerCase(), m[2]!);
  const scalable = props.get('user-scalable');
  if (scalable !== undefined) {
    const n = keywordOrNumber(scalable, 0)!;
    if (n > -1 && n < 1) return `user-scalable=${scalable}`;
  }
  const max = props.get('maximum-scale');
  if (max !== undefined) {
    const n = keywordOrNumber(max, 0.1)!;
    if (n >= 0 && Math.max(n, 0.1) < 2) return `maximum-scale=${max}`;
  }
  return null;
}

function viewportOf(page: PageArtifacts): string | null {
  const fromMeta = page.meta.filter((m) => (m.name ?? '').trim().toLowerCase() === 'viewport');
  if (fromMeta.length) return fromMeta[fromMeta.length - 1]!.content;
  const el = Array.from(documentOf(page).querySelectorAll('meta[name]')).filter((m) => (m.getAttribute('name') ?? '').trim().toLowerCase() === 'viewport').pop();
  return el ? (el.getAttribute('content') ?? '') : null;
}

export const zoomLocked: PageRule = {
  meta: {
    id: 'tw/zoom-locked',
    requires: ['html', 'meta'],
    category: 'governance',
    severity: 'serious',
    scope: 'page',
    pages: 'all',
    wcag: ['1.4.4'],
    title: msg('不應禁止使用者縮放頁面', 'The page should not stop users zooming'),
    description: msg(
      'meta viewport 設定 user-scalable=no 或 maximum-scale 小於 2 時，行動裝置使用者無法放大頁面閱讀（WCAG 1.4.4）。',
      'A meta viewport with user-scalable=no or maximum-scale below 2 stops mobile users zooming in to read (WCAG 1.4.4).',
    ),
    howToFix: msg(
      '改為 <meta name="viewport" content="width=device-width, initial-scale=1">，移除 user-scalable=no 與過小的 maximum-scale。',
      'Use <meta name="viewport" content="width=device-width, initial-scale=1"> and drop user-scalable=no and any small maximum-scale.',
    ),
    helpUrl: 'https://www.w3.org/WAI/standards-guidelines/act/rules/b4f0c3/',
    source: 'WCAG 2.1 1.4.4；ACT b4f0c3',
  },
  check(page) {
    const content = viewportOf(page);
    // Only user-scalable and maximum-scale can lock zoom (ACT b4f0c3: inapplicable without them).
    if (content === null || !/user-scalable|maximum-scale/i.test(content)) return notApplicable();
    const lock = zoomLock(content);
    if (!lock) return pass();
    return fail({
      selector: 'meta[name="viewport"]',
      snippet: `<meta name="viewport" content="${content}">`,
      message: msg(`meta viewport 的 ${lock} 禁止使用者縮放頁面`, `The meta viewport's ${lock} stops users zooming`),
      data: { content, lock },
    });
  },
};
