// The rules' per-document shortcuts answer exactly what linkedom's own closest()/matches() and the
// ancestor walk of hiddenByMarkup answer, on every element, including a page nested thousands deep.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { closestMatching, elementsMatching } from '../../rules/lib/dom.ts';
import { hiddenByMarkup } from '../../rules/tw/lib/markup.ts';

const HTML = `<!doctype html><html><body>
  <header><nav><a href="/">首頁</a><a href="#c">跳到主要內容</a></nav></header>
  <div hidden><p><a href="/x">隱藏</a></p></div>
  <div style="Display : none"><span>none</span></div>
  <div aria-hidden=" TRUE "><b>aria</b></div>
  <main id="c"><table><tr><th>年</th><td><table><tr><td>內</td></tr></table></td></tr></table>
  <template><p>模板</p></template><noscript><p>無腳本</p></noscript><p>內容</p></main>
</body></html>`;

function documentOfHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** What hiddenByMarkup answered before it was memoised: the markup of the element and every ancestor. */
function hiddenByWalk(el: Element): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n.tagName === 'TEMPLATE' || n.tagName === 'NOSCRIPT' || n.hasAttribute('hidden')) return true;
    if ((n.getAttribute('aria-hidden') ?? '').trim().toLowerCase() === 'true') return true;
    if (/(^|;)display:none|(^|;)visibility:hidden/.test((n.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, ''))) return true;
  }
  return false;
}

describe('elementsMatching / closestMatching', () => {
  it('agree with linkedom matches() and closest() on every element', () => {
    const doc = documentOfHtml(HTML);
    const all = Array.from(doc.querySelectorAll('*'));
    expect(all.length).toBeGreaterThan(20);
    for (const selector of ['a[href], nav, header', 'table', 'tr', '[id], a[name]', 'td']) {
      const set = elementsMatching(doc, selector);
      expect(all.filter((el) => set.has(el))).toEqual(all.filter((el) => el.matches(selector)));
      expect(all.map((el) => closestMatching(el, selector))).toEqual(all.map((el) => el.closest(selector)));
    }
    const inner = Array.from(doc.querySelectorAll('td')).find((td) => td.textContent === '內')!;
    expect(closestMatching(inner, 'table')).toBe(inner.closest('table'));
    expect(closestMatching(doc.querySelector('header')!, 'table')).toBeNull();
  });
});

describe('hiddenByMarkup', () => {
  it('answers what the ancestor walk answers, whatever order elements are asked in', () => {
    const doc = documentOfHtml(HTML);
    const all = Array.from(doc.querySelectorAll('*'));
    const expected = all.map(hiddenByWalk);
    expect(expected.filter(Boolean).length).toBeGreaterThan(5);
    expect([...all].reverse().map(hiddenByMarkup).reverse()).toEqual(expected);
    expect(all.map(hiddenByMarkup)).toEqual(expected);
  });

  it('handles a page nested 20,000 elements deep', () => {
    const depth = 20_000;
    const doc = documentOfHtml(`<!doctype html><html><body>${'<div>'.repeat(depth)}<span>深</span>${'</div>'.repeat(depth)}<div hidden>${'<i>'.repeat(50)}x${'</i>'.repeat(50)}</div></body></html>`);
    expect(hiddenByMarkup(doc.querySelector('span')!)).toBe(false);
    expect(hiddenByMarkup(doc.querySelector('i i i')!)).toBe(true);
  });
});
