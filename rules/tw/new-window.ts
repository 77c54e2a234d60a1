// tw/new-window: a link that opens a new window or tab says so (「另開新視窗」 in its text or title —
// the near-universal Taiwanese government convention; WCAG technique G201). One finding per link.
import type { FindingDraft, PageRule } from '../../core/types.ts';
import { documentOf } from '../lib/dom.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';
import { announcedTextsOf, capFindings, isShown, labelOf, linkArtifactFor, linkEvidence } from './lib/markup.ts';
import { NEW_WINDOW_TEXT, opensNewWindow } from './lib/patterns.ts';

export const newWindow: PageRule = {
  meta: {
    id: 'tw/new-window',
    requires: ['html', 'links'],
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['3.2.5'],
    title: msg('開啟新視窗的連結應告知使用者', 'Links that open a new window should say so'),
    description: msg(
      'target="_blank" 的連結會開啟新視窗或分頁，使用螢幕報讀軟體的使用者可能不會察覺；連結文字或 title 應註明「另開新視窗」。',
      'Links with target="_blank" open a new window or tab, which screen-reader users may not notice; the link text or title should say so (e.g. "opens in a new window").',
    ),
    howToFix: msg(
      '在連結 title 或文字加上「(另開新視窗)」，例如 <a href="…" target="_blank" title="數位發展部(另開新視窗)">；或移除 target="_blank"。',
      'Add "(opens in a new window)" to the link title or text, e.g. <a href="…" target="_blank" title="MODA (opens in a new window)">, or drop target="_blank".',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG21/Techniques/general/G201',
    source: '政府網站慣例「另開新視窗」；WCAG 2.1 G201',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const doc = documentOf(page);
    const findings: FindingDraft[] = [];
    let checked = 0;
    for (const a of Array.from(doc.querySelectorAll('a[href], area[href]'))) {
      if (!opensNewWindow(a.getAttribute('target'))) continue;
      const href = (a.getAttribute('href') ?? '').trim();
      // mailto:/tel:/javascript: do not open a browsing context; '#x' stays on the page.
      if (!href || /^(?:mailto|tel|javascript|sms):|^#/i.test(href)) continue;
      if (!isShown(page, a)) continue;
      checked++;
      const artifact = linkArtifactFor(page, a);
      const said = `${announcedTextsOf(a, doc)} ${artifact?.name ?? ''} ${artifact?.title ?? ''}`;
      if (NEW_WINDOW_TEXT.test(said)) continue;
      const label = labelOf(a);
      findings.push({
        ...linkEvidence(page, a),
        message: msg(
          `連結「${label}」會開啟新視窗，但文字或 title 沒有註明「另開新視窗」`,
          `The link "${label}" opens a new window, but its text or title does not say so`,
        ),
        data: { href },
      });
    }
    if (checked === 0) return notApplicable();
    return resultOf(capFindings(findings));
  },
};
