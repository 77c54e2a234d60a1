// Headings as Freego reads them from the markup: h1–h6 and role=heading, hidden ones left out.
import type { PageArtifacts } from '../../../core/types.ts';
import { shownElements } from './markup.ts';

/** Shown h1–h6 and role=heading elements, in document order. */
export function headingElements(page: PageArtifacts): Element[] {
  return shownElements(page, 'h1, h2, h3, h4, h5, h6, [role]').filter((el) => {
    const role = (el.getAttribute('role') ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
    // <h2 role="presentation"> is not a heading; role=heading on any element is.
    return /^H[1-6]$/.test(el.tagName) ? role === '' || role === 'heading' : role === 'heading';
  });
}
