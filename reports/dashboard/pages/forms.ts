// Login, dispute, the oversight's waiver decisions, downloads and error pages.
import type { Lang } from '../../../core/types.ts';
import { ruleTitleLocalized } from '../../rule-text.ts';
import { esc } from '../../sweep-report/html-escape.ts';
import { timeOf } from '../../sweep-report/html.ts';
import { labelOf, SEVERITY_LABEL } from '../labels.ts';
import { csrfField, href, lx, outLink, renderPage, scrollTable, section, type Label } from '../layout.ts';
import type { FindingRow, SiteRow } from '../queries.ts';
import type { Principal, RenderContext } from '../types.ts';
import { REASON_MAX, type WaiverRow } from '../waivers.ts';
import { waiverTable } from './agency.ts';
import { ruleTitleHtml } from './fragments.ts';

type Anonymous = { lang: Lang; principal: Principal | null; csrf: string; path: string; query: URLSearchParams };

export function renderLogin(ctx: Anonymous, next: string, failed: boolean): string {
  const L = lx(ctx.lang);
  const body = `<p>${L(['請輸入監督機關或本機關的存取權杖。', 'Enter your oversight or agency access token.'])}</p>
<form method="post" action="/login">
${ctx.lang === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}<input type="hidden" name="next" value="${esc(next)}">
<label for="token">${L(['存取權杖', 'Access token'])}</label>
<input type="password" id="token" name="token" autocomplete="current-password" required${failed ? ' aria-invalid="true" aria-describedby="token-error"' : ''}>
${failed ? `<p id="token-error" class="flash error">${L(['權杖無效或已撤銷。', 'The token is not valid or was revoked.'])}</p>` : ''}
<p><button type="submit">${L(['登入', 'Log in'])}</button></p>
</form>
<p class="muted">${L(['權杖由管理者以 govcheck serve --create-token 建立。', 'Tokens are created by the administrator with govcheck serve --create-token.'])}</p>`;
  return renderPage(ctx, { title: ['登入', 'Log in'], body });
}

export function renderDispute(ctx: RenderContext, site: SiteRow, f: FindingRow, error: string | null = null): string {
  const { lang } = ctx;
  const L = lx(lang);
  const body = `<dl>
<dt>${L(['網站', 'Site'])}</dt><dd>${esc(site.name ?? site.url)}</dd>
<dt>${L(['規則', 'Rule'])}</dt><dd>${ruleTitleHtml(f.rule, ruleTitleLocalized(f.rule), lang)}</dd>
<dt>${L(['嚴重度', 'Severity'])}</dt><dd>${L(labelOf(SEVERITY_LABEL, f.severity))}</dd>
<dt>${L(['頁面', 'Page'])}</dt><dd>${outLink(f.pageUrl)}</dd>
${f.selector ? `<dt>${L(['選擇器', 'Selector'])}</dt><dd><code>${esc(f.selector)}</code></dd>` : ''}
<dt>${L(['訊息', 'Message'])}</dt><dd>${esc(f.message)}</dd>
</dl>
${f.snippet ? `<pre class="snippet"><code>${esc(f.snippet.slice(0, 600))}</code></pre>` : ''}
<form method="post" action="/findings/${f.id}/dispute">
${csrfField(ctx)}
<label for="reason">${L(['申覆理由（為何這是誤判）', 'Reason (why this finding is wrong)'])}</label>
<textarea id="reason" name="reason" required maxlength="${REASON_MAX}"${error ? ' aria-invalid="true" aria-describedby="reason-error"' : ''}></textarea>
${error ? `<p id="reason-error" class="flash error">${esc(error)}</p>` : ''}
<p class="actions"><button type="submit">${L(['送出申覆', 'Send dispute'])}</button> <a href="${href(lang, `/sites/${site.id}`)}">${L(['取消', 'Cancel'])}</a></p>
</form>
<p class="muted">${L(['監督機關核准後，此問題不再列於未修正清單；已記錄的分數不變。', 'Once oversight approves, the finding leaves the open list; recorded scores do not change.'])}</p>`;
  return renderPage(ctx, {
    title: ['提出申覆', 'Dispute a finding'],
    crumbs: [
      [esc(site.agencyName), href(lang, `/agencies/${encodeURIComponent(site.agencyId)}`)],
      [esc(site.name ?? site.url), href(lang, `/sites/${site.id}`)],
    ],
    body,
  });
}

export function renderWaivers(ctx: RenderContext, list: WaiverRow[], flash: { kind: 'ok' | 'error'; html: string } | null): string {
  const { lang } = ctx;
  const L = lx(lang);
  if (ctx.principal.role !== 'oversight') {
    return renderPage(ctx, { title: ['申覆與豁免', 'Disputes and waivers'], body: waiverTable(ctx, list, 'waivers'), flash });
  }
  const pending = list.filter((w) => w.state === 'requested');
  const decided = list.filter((w) => w.state !== 'requested');
  const pendingHtml = pending.length
    ? scrollTable(
        'pending',
        L(['待核定的申覆', 'Disputes waiting for a decision']),
        [L(['機關', 'Agency']), L(['網站', 'Site']), L(['規則與位置', 'Rule and location']), L(['理由', 'Reason']), L(['提出時間', 'Asked']), L(['核定', 'Decision'])],
        pending.map(
          (w) => `<tr><td>${esc(w.agencyName)}</td><th scope="row"><a href="${href(lang, `/sites/${w.siteId}`)}">${esc(w.siteName ?? w.siteUrl)}</a></th><td><code>${esc(w.rule)}</code><br>${outLink(w.pageUrl)}${
            w.selector ? `<br><code>${esc(w.selector)}</code>` : ''
          }</td><td>${esc(w.reason)}</td><td>${esc(timeOf(w.requestedAt))}</td><td><form method="post" action="/waivers/${w.id}/decide">${csrfField(ctx)}<label for="note-${w.id}">${L(['說明（選填）', 'Note (optional)'])}</label><input type="text" id="note-${w.id}" name="note" maxlength="${REASON_MAX}"><p class="actions"><button type="submit" name="decision" value="approve">${L(['核准', 'Approve'])}</button> <button type="submit" name="decision" value="reject" class="secondary">${L(['駁回', 'Reject'])}</button></p></form></td></tr>`,
        ),
      )
    : `<p>${L(['沒有待核定的申覆。', 'No dispute is waiting.'])}</p>`;
  const body = [section('pending', L(['待核定', 'Waiting']), pendingHtml), section('decided', L(['已核定', 'Decided']), waiverTable(ctx, decided, 'decided-list'))].join('\n');
  return renderPage(ctx, { title: ['申覆與豁免', 'Disputes and waivers'], body, flash });
}

export function renderDownloads(ctx: RenderContext, sweep: { id: number; nowAt: string } | null): string {
  const L = lx(ctx.lang);
  const body = sweep
    ? `<p>${L(['最近一次全國檢測', 'Latest national sweep'])} #${sweep.id}（${esc(timeOf(sweep.nowAt))}）${ctx.principal.role === 'agency' ? L(['，僅含本機關。', ', your agency only.']) : ''}</p>
<ul>
<li><a href="${href(ctx.lang, '/download/sweep.csv')}">${L(['CSV（UTF-8 含 BOM，可直接以 Excel 開啟）', 'CSV (UTF-8 with BOM, opens in Excel)'])}</a></li>
<li><a href="${href(ctx.lang, '/download/sweep.json')}">JSON</a></li>
</ul>`
    : `<p>${L(['資料庫中尚無全國檢測。', 'The database has no national sweep yet.'])}</p>`;
  return renderPage(ctx, { title: ['下載', 'Downloads'], body });
}

export const ERROR_TITLE: Record<number, Label> = {
  400: ['請求有誤', 'Bad request'],
  401: ['需要登入', 'Authentication required'],
  403: ['沒有權限', 'Forbidden'],
  404: ['找不到頁面', 'Not found'],
  405: ['不支援的方法', 'Method not allowed'],
  409: ['狀態衝突', 'Conflict'],
  413: ['內容過大', 'Request too large'],
  422: ['無法重新檢測', 'Cannot re-check'],
  503: ['暫時無法使用', 'Not available'],
};

export function renderError(ctx: Anonymous, status: number, message: Label): string {
  const L = lx(ctx.lang);
  return renderPage(ctx, {
    title: ERROR_TITLE[status] ?? ['錯誤', 'Error'],
    body: `<p>${L(message)}</p><p><a href="${href(ctx.lang, '/')}">${L(['回首頁', 'Back to the start page'])}</a></p>`,
  });
}

