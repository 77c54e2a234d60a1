// tw/iframe-title (HM1410201C ★): an iframe needs a non-empty title attribute; an aria-label or
// aria-labelledby, which axe's frame-title accepts, does not count for Freego. Frames without any name are
// axe's frame-title (same code). Under 110.07 the code also covers <frame>: tw/frame-title.
import type { FindingDraft, PageRule, RuleMeta } from '../../core/types.ts';
import { documentOf, normalizeText, selectorOf, snippetOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { capFindings, shownElements } from './lib/markup.ts';

/** An ARIA name without a title: what axe accepts and Freego does not. */
function ariaNamed(el: Element, doc: Document): boolean {
  if (normalizeText(el.getAttribute('aria-label') ?? '')) return true;
  return (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).some((ref) => !!ref && !!normalizeText(doc.getElementById(ref)?.textContent ?? ''));
}

function frameTitleRule(tag: 'iframe' | 'frame', meta: Omit<RuleMeta, 'scope'>): PageRule {
  return {
    meta: { ...meta, scope: 'page' },
    check(page) {
      if (!page.html) return notApplicable();
      const doc = documentOf(page);
      const frames = shownElements(page, tag);
      if (!frames.length) return notApplicable();
      const findings: FindingDraft[] = [];
      for (const frame of frames) {
        if (normalizeText(frame.getAttribute('title') ?? '') || !ariaNamed(frame, doc)) continue;
        findings.push({
          selector: selectorOf(frame),
          snippet: snippetOf(frame),
          message: msg(`<${tag}> 只以 aria-label/aria-labelledby 命名，沒有 title 屬性`, `The <${tag}> is named only by aria-label/aria-labelledby, without a title attribute`),
          data: { src: frame.getAttribute('src') },
        });
      }
      return resultOf(capFindings(findings));
    },
  };
}

const common = {
  category: 'governance',
  severity: 'serious',
  pages: 'all',
  wcag: ['4.1.2'],
  level: 'A',
  requires: ['html'],
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/html/H64',
} as const;

export const iframeTitle = frameTitleRule('iframe', {
  ...common,
  wcag: [...common.wcag],
  requires: [...common.requires],
  id: 'tw/iframe-title',
  twCodes: { '115.11': ['HM1410201C'], '110.07': ['HM1410201C'] },
  title: msg('iframe 須有非空的 title 屬性', 'An iframe needs a non-empty title attribute'),
  description: msg(
    'iframe 須以 title 屬性說明內嵌內容；只有 aria-label 或 aria-labelledby 時，Freego 判定不通過（網站無障礙規範 HM1410201C）。',
    'An iframe must describe its content with a title attribute; Freego fails an iframe named only by aria-label or aria-labelledby (Taiwan accessibility spec HM1410201C).',
  ),
  howToFix: msg('加上 title，例如 <iframe title="交通位置圖" …>。', 'Add a title, e.g. <iframe title="Map of our office" …>.'),
  source: '網站無障礙規範 115.11 HM1410201C',
});

export const frameTitle = frameTitleRule('frame', {
  ...common,
  wcag: [...common.wcag],
  requires: [...common.requires],
  id: 'tw/frame-title',
  twCodes: { '110.07': ['HM1410201C'] },
  title: msg('frame 須有非空的 title 屬性', 'A frame needs a non-empty title attribute'),
  description: msg(
    '網站無障礙規範 110.07 HM1410201C 也要求框架頁（frameset）的 frame 有 title；115.11 只檢查 iframe。',
    'Taiwan accessibility spec 110.07 HM1410201C also requires a title on the frames of a frameset; 115.11 checks iframes only.',
  ),
  howToFix: msg('為每個 frame 加上說明內容的 title。', 'Give every frame a title describing its content.'),
  source: '網站無障礙規範 110.07 HM1410201C',
});
