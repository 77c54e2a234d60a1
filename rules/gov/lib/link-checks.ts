// Turning the worker's link checks into findings, shared by the same-origin and external rules.
import type { FindingDraft, LinkCheck } from '../../../core/types.ts';
import { msg } from '../../lib/result.ts';

/** Findings per rule per site; the rest are counted on the last one. */
export const MAX_LINK_FINDINGS = 100;

/** 429 says "slow down", not "gone": the link is not broken, we were too fast. */
const NOT_BROKEN = new Set([429]);
/** A login wall or a firewall refusing the scanner: reported, but softly. */
const MAYBE_BROKEN = new Set([401, 403]);

/** A checked link that is broken: fetched (not skipped), not ok, and not merely rate-limited. */
export function isBroken(check: LinkCheck): boolean {
  return !check.skipped && !check.ok && !(check.status !== null && NOT_BROKEN.has(check.status));
}

export function brokenLinkFindings(checks: LinkCheck[], external: boolean): FindingDraft[] {
  const seen = new Set<string>();
  const broken = checks.filter((c) => {
    const key = `${c.fromPage} ${c.url}`;
    if (!isBroken(c) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const shown = broken.slice(0, MAX_LINK_FINDINGS);
  const kindZh = external ? '外部連結' : '站內連結';
  const kindEn = external ? 'External link' : 'Link';
  return shown.map((c, i) => {
    const why = c.status !== null ? `HTTP ${c.status}` : (c.error ?? 'no response');
    const whyZh = c.status !== null ? `HTTP ${c.status}` : `無法連線（${c.error ?? '無回應'}）`;
    const text = c.linkText ? `「${c.linkText}」` : '';
    const textEn = c.linkText ? ` "${c.linkText}"` : '';
    return {
      message: msg(`${kindZh}${text}失效：${c.url} 回應 ${whyZh}。`, `${kindEn}${textEn} is broken: ${c.url} returned ${why}.`),
      selector: c.selector,
      pageUrl: c.fromPage,
      severity: c.status !== null && MAYBE_BROKEN.has(c.status) ? 'minor' : undefined,
      data: {
        url: c.url,
        status: c.status,
        error: c.error,
        ...(i === shown.length - 1 && broken.length > shown.length ? { moreBrokenLinks: broken.length - shown.length } : {}),
      },
    };
  });
}
