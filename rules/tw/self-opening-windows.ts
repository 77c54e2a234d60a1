// tw/self-opening-windows: the page opens windows or tabs by itself (window.open on load, scripted
// clicks on target=_blank links), without the visitor asking. Screen-reader and keyboard users lose
// their place, and the government convention is that only links saying 「另開新視窗」 open windows.
// The worker blocks every such window, so the page is still checked; this rule reports the count.
import type { PageRule } from '../../core/types.ts';
import { fail, msg, notApplicable, pass } from '../lib/result.ts';

export const selfOpeningWindows: PageRule = {
  meta: {
    id: 'tw/self-opening-windows',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['3.2.5'],
    requires: ['popups'],
    title: msg('網頁不應自行開啟新視窗', 'Pages should not open windows by themselves'),
    description: msg(
      '網頁在使用者未點選的情況下自行開啟新視窗或分頁（例如載入時呼叫 window.open 的彈出視窗），使用螢幕報讀軟體或鍵盤的使用者會失去所在位置。',
      'The page opened new windows or tabs without the visitor asking (e.g. pop-ups from window.open on load); screen-reader and keyboard users lose their place.',
    ),
    howToFix: msg(
      '移除載入時或計時開啟視窗的程式；公告改放在頁面內容中。需要另開視窗時，使用註明「(另開新視窗)」的連結，由使用者自行點選。',
      'Remove scripts that open windows on load or on a timer; put announcements in the page itself. Where a new window is needed, use a link that says "(opens in a new window)" and let the visitor choose.',
    ),
    helpUrl: 'https://www.w3.org/WAI/WCAG21/Understanding/change-on-request.html',
    source: 'WCAG 2.1 3.2.5；政府網站慣例「另開新視窗」',
  },
  check(page) {
    // Artifacts saved before popups were gathered say nothing either way.
    if (page.popups === undefined) return notApplicable();
    const popups = page.popups;
    if (popups === 0) return pass();
    return fail({
      selector: null,
      snippet: null,
      message: msg(`網頁自行開啟了 ${popups} 個視窗（已全部攔截）`, `The page opened ${popups} window(s) by itself (all were blocked)`),
      data: { popups },
    });
  },
};
