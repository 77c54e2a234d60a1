// Page sampling: the start page plus same-origin pages that cover the government-site core pages
// (網站導覽, news list and item, contact, policies) and then as many distinct templates as the budget
// allows (after EU 2018/1524 Annex I and Unlighthouse's template grouping). Deterministic: the same
// inputs give the same sample, so sweeps are comparable.
import type { LinkArtifact } from '../core/types.ts';

export interface SampledPage {
  url: string;
  reason: string;
}

const CORE_PAGES: { reason: string; text: RegExp; href?: RegExp }[] = [
  { reason: 'news-list', text: /^(最新消息|新聞(稿|發布|公告)?|公告(事項|訊息)?|最新公告|活動訊息|news(room)?|latest news|announcements?|press releases?)$/i, href: /news\.aspx|lp\.asp|\/news\/?$/i },
  { reason: 'sitemap-page', text: /網站導覽|網站地圖|^site ?map$/i },
  { reason: 'contact', text: /聯絡(我們|資訊|方式)|首長信箱|民意信箱|^contact( us)?$/i },
  { reason: 'privacy-policy', text: /隱私權|個資保護|privacy/i },
  { reason: 'open-data-declaration', text: /資料開放宣告|open data declaration/i },
];

const NEWS_ITEM_HREF = /news_content\.aspx|cp\.aspx\?n=|ct\.asp\?xitem=|\/news\/[^/?#]+\/?$|[?&](id|sn|xitem)=\d+/i;
const SKIP_EXTENSIONS = /\.(pdf|docx?|xlsx?|pptx?|od[tspg]|zip|rar|7z|gz|tgz|jpe?g|png|gif|svg|webp|bmp|ico|mp[34]|m4a|wav|avi|mov|wmv|csv|xml|json|rss|txt|exe|msi|apk|iso)$/i;
const SKIP_PATHS = /logout|signout|login\.|\/admin\/|\/cart|\/download\b|\/print\b|javascript:/i;

/** Template key: Hyweb/GIP CMS page types by their script + node parameter, else the first path segment + extension. */
export function templateKey(url: URL): string {
  const path = url.pathname.toLowerCase();
  const file = path.split('/').pop() ?? '';
  if (/\.(aspx?|php|jsp|do|cfm)$/.test(file)) {
    const params = [...url.searchParams.keys()].map((k) => k.toLowerCase()).sort().join(',');
    return `${path.replace(/\/[^/]*$/, '')}/${file}?${params}`;
  }
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return '/';
  const ext = /\.([a-z0-9]+)$/.exec(file)?.[1] ?? '';
  return `/${segments[0]}/${segments.length > 1 ? '*' : ''}${ext ? `.${ext}` : ''}:${Math.min(segments.length, 3)}`;
}

function normalise(href: string, origin: string): string | null {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.origin !== origin) return null;
  if (SKIP_EXTENSIONS.test(u.pathname) || SKIP_PATHS.test(u.href)) return null;
  u.hash = '';
  return u.href;
}

export interface SampleInput {
  startUrl: string;
  origin: string;
  links: LinkArtifact[];
  sitemapUrls: string[];
  maxPages: number;
}

export function samplePages(input: SampleInput): SampledPage[] {
  const chosen: SampledPage[] = [];
  const seen = new Set<string>([stripHash(input.startUrl)]);
  const templates = new Set<string>([templateKey(new URL(input.startUrl))]);
  const budget = Math.max(0, input.maxPages - 1);
  const take = (url: string, reason: string) => {
    if (chosen.length >= budget || seen.has(url)) return false;
    seen.add(url);
    templates.add(templateKey(new URL(url)));
    chosen.push({ url, reason });
    return true;
  };
  const links = input.links
    .filter((l) => l.href && l.visible !== false)
    .map((l) => ({ link: l, url: normalise(l.href, input.origin) }))
    .filter((x): x is { link: LinkArtifact; url: string } => x.url !== null);

  // "更多最新消息 »", "最新消息 more+" and the like name the same page as "最新消息".
  const label = (name: string) => name.normalize('NFKC').replace(/^(更多|more)\s*|\s*(更多|more|[»›>+…]|\.\.\.)+$/gi, '').trim();
  for (const core of CORE_PAGES) {
    const hit = links.find(({ link, url }) => core.text.test(label(link.name)) || (core.href?.test(url) ?? false));
    if (hit) take(hit.url, core.reason);
  }
  const newsItem = links.find(({ link, url }) => link.region !== 'nav' && NEWS_ITEM_HREF.test(url) && link.name.length > 6);
  if (newsItem) take(newsItem.url, 'news-item');

  // Distinct templates: navigation and main-content links first, then the sitemap.
  const regionRank: Record<string, number> = { nav: 0, header: 1, main: 2, other: 3, aside: 4, footer: 5 };
  const ordered = [...links].sort((a, b) => (regionRank[a.link.region] ?? 9) - (regionRank[b.link.region] ?? 9));
  for (const { url, link } of ordered) {
    if (chosen.length >= budget) break;
    const key = templateKey(new URL(url));
    if (!templates.has(key)) take(url, `template:${key} (${link.region} link)`);
  }
  for (const raw of input.sitemapUrls) {
    if (chosen.length >= budget) break;
    const url = normalise(raw, input.origin);
    if (!url) continue;
    const key = templateKey(new URL(url));
    if (!templates.has(key)) take(url, `template:${key} (sitemap.xml)`);
  }
  // Budget left but templates exhausted: more pages of seen templates, in link order.
  for (const { url } of ordered) {
    if (chosen.length >= budget) break;
    take(url, 'more-pages');
  }
  return chosen;
}

function stripHash(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}
