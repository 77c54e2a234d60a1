// All the text of a page a visitor could read or hear, for rules that look for words outside links
// (contact details). Legacy sites put the footer address in an image alt or a title attribute, and
// hidden-until-opened footers are not in innerText, so the DOM text and attributes are added to it.
import type { PageArtifacts } from '../../../core/types.ts';
import { documentOf } from '../../lib/dom.ts';
import { normalizeProse } from './text.ts';

const cache = new WeakMap<PageArtifacts, string>();

export function readableTextOf(page: PageArtifacts): string {
  let text = cache.get(page);
  if (text === undefined) {
    const doc = documentOf(page);
    const parts: string[] = [page.text];
    const body = doc.body ?? doc.documentElement;
    if (body) {
      const copy = body.cloneNode(true) as Element;
      copy.querySelectorAll('script,style,template').forEach((el) => el.remove());
      // Block boundaries become line breaks so words of neighbouring cells do not run together.
      copy.querySelectorAll('br,p,div,li,td,th,tr,dd,dt,address,h1,h2,h3,h4,h5,h6').forEach((el) => el.append('\n'));
      parts.push(copy.textContent ?? '');
      for (const el of Array.from(body.querySelectorAll('[alt],[title],[aria-label]'))) {
        for (const a of ['alt', 'title', 'aria-label']) {
          const v = el.getAttribute(a);
          if (v) parts.push(v);
        }
      }
    }
    text = parts.map((p) => normalizeProse(p)).join('\n');
    cache.set(page, text);
  }
  return text;
}
