// WCAG 2.4.1 Bypass Blocks: when a block of links or navigation comes before the page's own content,
// a keyboard or screen-reader user needs a way past it. Any one of the usual mechanisms is enough
// (ACT cf77f2): a heading, a main landmark, a same-page link to an existing target, or a control
// that can skip or collapse the block. axe-core's `bypass` only reports "needs review" when all are
// missing; here the page fails when none exists, which also fails each single-technique ACT rule
// (047fe0 headings, b40fd1 landmarks, ye5d6e skip links, 3e12e1 collapsible blocks).
import type { PageArtifacts, PageRule } from '../../core/types.ts';
import { closestMatching, documentOf, elementsMatching, selectorOf, snippetOf } from '../lib/dom.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';

/** Text that reads as the page's own content, not a label: a sentence-sized run. */
const CONTENT_TEXT_CHARS = 20;
/** Controls before the content that may skip or collapse the block (looked at from the top). */
const EARLY_CONTROLS = 5;

// aria-hidden text is still on screen, so it still counts as content a sighted keyboard user must reach.
const SKIPPED_SUBTREES = 'script, style, noscript, template, [hidden]';
const REPEATED_BLOCK = 'a[href], area[href], nav, [role="navigation"], aside, [role="complementary"], header, [role="banner"]';
/** Inside these, text is part of a navigation or header block rather than the page's own content. */
const NOT_CONTENT = 'a, button, select, option, label, nav, [role="navigation"], aside, [role="complementary"], header, [role="banner"], footer, [role="contentinfo"]';
const FOCUSABLE = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

interface Layout {
  /** Elements of a navigation/header block that come before the first content text. */
  blockBefore: Element | null;
  /** Focusable elements before the first content text, in document order. */
  controlsBefore: Element[];
}

/** Walks the body in document order up to the first run of content text. Null when there is none. */
function layoutOf(doc: Document): Layout | null {
  let blockBefore: Element | null = null;
  const controlsBefore: Element[] = [];
  let found = false;
  const [skipped, repeated, focusable] = [SKIPPED_SUBTREES, REPEATED_BLOCK, FOCUSABLE].map((s) => elementsMatching(doc, s));
  const visit = (node: Node): void => {
    if (found) return;
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/\s+/g, '');
      if ([...text].length >= CONTENT_TEXT_CHARS && !(node.parentElement && closestMatching(node.parentElement, NOT_CONTENT))) found = true;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skipped.has(el)) return;
    if (!blockBefore && repeated.has(el)) blockBefore = el;
    if (focusable.has(el)) controlsBefore.push(el);
    for (const child of Array.from(el.childNodes)) visit(child);
  };
  if (doc.body) visit(doc.body);
  return found ? { blockBefore, controlsBefore } : null;
}

/** A same-page link whose target exists: the skip-link technique (G1, G123, and Taiwan's ::: anchors). */
function hasWorkingInPageLink(page: PageArtifacts, doc: Document): boolean {
  let here: URL | null = null;
  try {
    here = new URL(page.finalUrl);
  } catch {
    here = null;
  }
  // The ids and anchor names of the page, read once (a page of 800 links asked for them 800 times).
  let names: Set<string> | null = null;
  const targets = () => (names ??= new Set(Array.from(elementsMatching(doc, '[id], a[name]')).flatMap((t) => [t.getAttribute('id'), t.getAttribute('name')]).filter((n): n is string => n !== null)));
  return page.links.some((l) => {
    if (!l.visible || !l.rawHref) return false;
    let fragment: string | null = null;
    if (l.rawHref.trim().startsWith('#')) fragment = l.rawHref.trim().slice(1);
    else if (here && l.href) {
      const u = new URL(l.href);
      if (u.origin === here.origin && u.pathname === here.pathname && u.search === here.search && u.hash) fragment = u.hash.slice(1);
    }
    if (!fragment) return false;
    return targets().has(safeDecode(fragment));
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A control that may move focus past or collapse the block (scripted skip buttons, disclosure toggles). */
function isSkipOrCollapseControl(el: Element): boolean {
  return el.tagName.toLowerCase() === 'summary' || el.hasAttribute('onclick') || el.hasAttribute('aria-expanded') || el.hasAttribute('aria-controls');
}

export const bypassBlocks: PageRule = {
  meta: {
    id: 'a11y/bypass-blocks',
    requires: ['html', 'links', 'headings', 'landmarks'],
    category: 'accessibility',
    severity: 'serious',
    scope: 'page',
    pages: 'all',
    wcag: ['2.4.1'],
    actIds: ['cf77f2', '047fe0', 'b40fd1', 'ye5d6e', '3e12e1'],
    title: msg('提供略過重複區塊的方法', 'A way to bypass repeated blocks exists'),
    description: msg(
      '頁面內容之前有連結或導覽區塊時，須至少提供一種略過方法：標題、主要內容地標（main）、指向頁內存在目標的連結（如「跳到主要內容」或 ::: 導盲磚），或可略過／收合區塊的控制項。全部沒有時，鍵盤與螢幕報讀軟體使用者每頁都得逐一經過重複的連結。',
      'When links or a navigation block come before the page content, at least one way past them must exist: a heading, a main landmark, a same-page link to an existing target (a "skip to main content" link or ::: anchor), or a control that skips or collapses the block. Without any, keyboard and screen-reader users must go through the repeated links on every page.',
    ),
    howToFix: msg(
      '以 <main> 包住主要內容，為內容加上標題（h1–h6），並在頁首第一個可聚焦位置放「跳到主要內容」連結（指向存在的 id）。',
      'Wrap the main content in <main>, give it headings (h1–h6), and put a "skip to main content" link pointing at an existing id first in the page.',
    ),
    helpUrl: 'https://www.w3.org/WAI/standards-guidelines/act/rules/cf77f2/',
    source: 'WCAG 2.1 2.4.1; W3C ACT rules cf77f2, 047fe0, b40fd1, ye5d6e, 3e12e1',
    tags: ['keyboard', 'structure'],
  },
  check(page) {
    if (!page.headings || !page.landmarks) return notApplicable();
    const doc = documentOf(page);
    // Frames split repeated blocks into their own documents (H70).
    if (doc.querySelector('frameset, frame')) return notApplicable();
    const layout = layoutOf(doc);
    if (!layout?.blockBefore) return notApplicable();

    if (page.headings.some((h) => h.exposed && h.name !== '')) return pass();
    if (page.landmarks.some((l) => l.exposed && l.hasContent && (l.role === 'main' || l.role === 'region'))) return pass();
    if (hasWorkingInPageLink(page, doc)) return pass();
    if (layout.controlsBefore.slice(0, EARLY_CONTROLS).some(isSkipOrCollapseControl) || doc.querySelector('details > summary')) return pass();

    const block = layout.blockBefore as Element;
    return fail({
      message: msg(
        '頁面內容前有連結或導覽區塊，但沒有標題、主要內容地標（main）、有效的頁內跳躍連結或可收合的控制項可略過它。',
        'Links or a navigation block come before the page content, with no heading, main landmark, working same-page link or collapsing control to bypass them.',
      ),
      selector: selectorOf(block),
      snippet: snippetOf(block, 200),
    });
  },
};
