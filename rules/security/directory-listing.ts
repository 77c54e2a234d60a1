// security/directory-listing: folders that list their files (Apache "Index of /", IIS "Directory Listing
// --" / "[To Parent Directory]"). Taipei's 網站服務作業原則 forbids it (「禁止開放網站瀏覽目錄權限」):
// listings expose drafts, backups and personal data nobody linked to. Evidence: the worker's probes of
// asset folders, plus any sampled page that is itself a listing.
import type { FindingDraft, SiteRule } from '../../core/types.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';

const LISTING_TITLE = /^\s*(?:index of\s*\/|directory listing (?:for|--)|\S+\s+-\s+\/.*)/i;
const LISTING_TEXT = /\[to parent directory\]|parent directory/i;

export function looksLikeListing(title: string, text: string): boolean {
  if (/^\s*(?:index of\s*\/|directory listing (?:for|--))/i.test(title)) return true;
  // IIS titles a listing "host - /path/" and prints "[To Parent Directory]".
  return LISTING_TITLE.test(title) && LISTING_TEXT.test(text.slice(0, 2000));
}

export const directoryListing: SiteRule = {
  meta: {
    id: 'security/directory-listing',
    requires: ['directoryProbes', 'text', 'title'],
    category: 'security',
    severity: 'serious',
    scope: 'site',
    wcag: [],
    title: msg('不應開放目錄瀏覽', 'Directory listings should be disabled'),
    description: msg(
      '網站資料夾可直接列出檔案清單時，未公開的檔案（草稿、備份、個資）可能被任意下載。',
      'When a folder lists its files, unpublished files (drafts, backups, personal data) can be downloaded by anyone.',
    ),
    howToFix: msg(
      '關閉網頁伺服器的目錄瀏覽（Apache：Options -Indexes；IIS：停用「目錄瀏覽」；nginx：autoindex off）。',
      'Turn off directory browsing on the web server (Apache: Options -Indexes; IIS: disable Directory Browsing; nginx: autoindex off).',
    ),
    source: '臺北市各機關網站服務作業原則 參、二、(三)「禁止開放網站瀏覽目錄權限」',
  },
  check(site) {
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const probe of site.directoryProbes) {
      if (!probe.listing || seen.has(probe.url)) continue;
      seen.add(probe.url);
      findings.push({
        message: msg(`${probe.url} 開放目錄瀏覽，列出資料夾內的檔案`, `${probe.url} lists the files in the folder`),
        data: { url: probe.url, status: probe.status },
      });
    }
    for (const page of site.pages) {
      const url = page.finalUrl || page.url;
      if (seen.has(url) || !looksLikeListing(page.title, page.text)) continue;
      seen.add(url);
      findings.push({
        pageUrl: page.url,
        message: msg(`${url} 是目錄清單頁面`, `${url} is a directory listing`),
        data: { url, title: page.title },
      });
    }
    // With no folder probed and no listing seen there is nothing to judge (sampled pages alone are weak evidence of absence).
    if (findings.length === 0 && site.directoryProbes.length === 0) return notApplicable();
    return resultOf(findings);
  },
};
