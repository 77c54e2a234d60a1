// The dashboard's page shell and small shared fragments. No script, no external asset: styles and
// charts are inline. zh-TW first with English beside it (`?lang=en` for English only).
// Everything from scanned pages or the registry goes through esc()/safeHref().
import type { Lang } from '../../core/types.ts';
import { esc, safeHref } from '../sweep-report/html-escape.ts';
import { label, STYLE, type Label } from '../sweep-report/html.ts';
import type { Principal, RenderContext } from './types.ts';

export type { Label };

export type Lx = (l: Label) => string;

export const lx =
  (lang: Lang): Lx =>
  (l) =>
    label(l, lang);

/** Text for attributes and <title>, where markup is not allowed. */
export function plain([zh, en]: Label, lang: Lang): string {
  return lang === 'en' || zh === en ? en : `${zh} ${en}`;
}

/** A dashboard link that keeps the chosen language. */
export function href(lang: Lang, path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  if (lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return esc(s ? `${path}?${s}` : path);
}

/** An outside URL (a scanned site): linked only when http(s), never sending the dashboard URL along. */
export function outLink(url: string | null | undefined, text?: string | null): string {
  const h = safeHref(url);
  const shown = esc(text ?? url ?? '');
  return h ? `<a href="${h}" rel="noopener noreferrer">${shown}</a>` : shown;
}

export function csrfField(ctx: { csrf: string; lang: Lang }): string {
  return `<input type="hidden" name="_csrf" value="${esc(ctx.csrf)}">${ctx.lang === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}`;
}

export interface PageInput {
  title: Label;
  /** Page heading as HTML (already escaped); defaults to the title. */
  heading?: string;
  body: string;
  /** Breadcrumb trail before the current page: [label html, href]. */
  crumbs?: [string, string][];
  flash?: { kind: 'ok' | 'error'; html: string } | null;
}

export function renderPage(ctx: RenderContext | { lang: Lang; principal: Principal | null; csrf: string; path: string; query: URLSearchParams }, page: PageInput): string {
  const { lang } = ctx;
  const L = lx(lang);
  const en = lang === 'en';
  const p = ctx.principal;
  const nav: string[] = [];
  if (p?.role === 'oversight') nav.push(`<li><a href="${href(lang, '/')}">${L(['全國總覽', 'National overview'])}</a></li>`);
  if (p?.role === 'agency') nav.push(`<li><a href="${href(lang, `/agencies/${encodeURIComponent(p.agencyId)}`)}">${L(['本機關', 'My agency'])}</a></li>`);
  if (p) {
    nav.push(`<li><a href="${href(lang, '/waivers')}">${L(['申覆與豁免', 'Disputes and waivers'])}</a></li>`);
    nav.push(`<li><a href="${href(lang, '/downloads')}">${L(['下載', 'Downloads'])}</a></li>`);
  }
  const switchLang = en
    ? `<a href="${href('zh-TW', ctx.path, queryWithoutLang(ctx.query))}" lang="zh-Hant-TW" hreflang="zh-Hant-TW">中文</a>`
    : `<a href="${href('en', ctx.path, queryWithoutLang(ctx.query))}" lang="en" hreflang="en">English</a>`;
  const logout =
    p && p.tokenId !== null
      ? `<form method="post" action="/logout" class="inline">${csrfField(ctx)}<button type="submit" class="secondary">${esc(plain(['登出', 'Log out'], lang))}</button></form>`
      : '';
  const who = p ? (p.role === 'oversight' ? L(['監督機關', 'Oversight']) : `${L(['機關', 'Agency'])} ${esc(p.agencyId)}`) : '';
  const crumbs = page.crumbs?.length
    ? `<nav aria-label="${esc(plain(['頁面路徑', 'Breadcrumb'], lang))}" class="crumbs"><ol>${page.crumbs.map(([t, h]) => `<li><a href="${h}">${t}</a></li>`).join('')}<li aria-current="page">${page.heading ?? L(page.title)}</li></ol></nav>`
    : '';
  const flash = page.flash ? `<p class="flash ${page.flash.kind}" role="${page.flash.kind === 'error' ? 'alert' : 'status'}">${page.flash.html}</p>` : '';
  return `<!DOCTYPE html>
<html lang="${en ? 'en' : 'zh-Hant-TW'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(plain(page.title, lang))} · govcheck</title>
<style>${STYLE}${EXTRA_STYLE}</style>
</head>
<body>
<a class="skip" href="#main">${L(['跳到主要內容', 'Skip to main content'])}</a>
<header class="bar">
<p class="brand">${L(['政府網站檢測儀表板', 'Government website dashboard'])}</p>
<nav aria-label="${esc(plain(['主選單', 'Main menu'], lang))}"><ul>${nav.join('')}<li>${switchLang}</li></ul></nav>
<p class="who">${who}${logout}</p>
</header>
<main id="main" tabindex="-1">
${crumbs}
<h1>${page.heading ?? L(page.title)}</h1>
${flash}
${page.body}
</main>
<footer>
<p>${L(['分數為自動檢測結果；無法檢測的網站不計分（不以 0 分計），只降低涵蓋率。', 'Scores come from automated checks; a site that could not be checked is not scored (never as 0) and lowers coverage instead.'])}</p>
</footer>
</body>
</html>
`;
}

function queryWithoutLang(q: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of q) if (k !== 'lang' && k !== 'msg') out[k] = v;
  return out;
}

export function section(id: string, heading: string, body: string, level = 2): string {
  return `<section id="${id}" aria-labelledby="${id}-h">
<h${level} id="${id}-h">${heading}</h${level}>
${body}
</section>`;
}

/** A wide table in a keyboard-scrollable region. */
export function scrollTable(id: string, caption: string, head: string[], rows: string[]): string {
  return `<div class="scroll" role="region" aria-labelledby="${id}-caption" tabindex="0">
<table>
<caption id="${id}-caption">${caption}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>
</div>`;
}

const EXTRA_STYLE = `
header.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;max-width:none;background:#0b3d6e;color:#fff;padding:.5rem 1rem}
header.bar a{color:#fff}header.bar a:focus{outline-color:#ffd166}
header.bar .brand{font-weight:700;margin:0}
header.bar nav{margin:0;padding:0;max-width:none}header.bar nav ul{margin:0}
.crumbs{margin:0;padding:0}
header.bar .who{margin:0 0 0 auto;display:flex;gap:.75rem;align-items:center}
main{padding-bottom:2rem}main:focus{outline:none}
h1{font-size:1.6rem}
.crumbs ol{list-style:none;padding:0;margin:.75rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem}
.crumbs li+li::before{content:"›";margin-right:.25rem;color:var(--muted)}
form.inline{display:inline;margin:0}
button{font:inherit;padding:.3rem .8rem;border:2px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}
header.bar .en,button .en{color:inherit}
header.bar button.secondary{border-color:#fff}
button:focus,input:focus,textarea:focus,select:focus,summary:focus{outline:3px solid #f0a500;outline-offset:2px}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}
input[type=text],input[type=password],textarea{font:inherit;width:100%;max-width:40rem;padding:.4rem;border:1px solid #767676;border-radius:3px}
textarea{min-height:6rem}
.flash{padding:.5rem .75rem;border-left:4px solid var(--good);background:#e6f4ea}
.flash.error{border-left-color:var(--poor);background:#fde8e8}
.life{display:inline-block;padding:0 .35rem;border-radius:3px;font-size:.85em;white-space:nowrap}
.life-new{background:#fde8e8;color:#8a1010}.life-open{background:#eef2f7;color:#1b1b1b}.life-regressed{background:#fff1d6;color:#6b4000}.life-fixed{background:#e6f4ea;color:#0b5c28}.life-waived{background:#ece8f7;color:#3d2a80}
img.shot{max-width:100%;height:auto;border:1px solid var(--line)}
pre.snippet{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;border:1px solid var(--line);padding:.4rem;margin:.25rem 0;font-size:.85em;max-height:12rem;overflow:auto}
ul.findings{list-style:none;padding:0}ul.findings>li{border-top:1px solid var(--line);padding:.5rem 0}
details{margin:.25rem 0}summary{cursor:pointer;color:var(--accent)}
svg .bar{fill:#0b57a4}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:.35rem}
.nowrap,button{white-space:nowrap}
th .actions{font-weight:400}
`;
