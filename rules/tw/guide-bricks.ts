// tw/guide-bricks: 導盲磚 — the `:::` anchors with accesskey U (上方功能區塊, header), C (中央內容區塊, main)
// and a footer brick that Taiwanese government templates put at the start of each region, so Alt+U/C/…
// jumps there. The footer key varies with the template (Z 下方功能區塊 on HyUI, F 頁尾區, B FatFooter …), so
// any key counts for the footer; some sites carry only U and C. A convention of the spec-1.0 era kept by
// HyUI and most agency templates, not a Freego C code, hence minor. Checks: U and C present, each brick
// resolves to a place on the page, titled with its region, no key used twice, regions in page order; a
// missing footer brick is its own (minor) finding.
import type { FindingDraft, PageArtifacts, PageRule } from '../../core/types.ts';
import { documentOf, normalizeText, snippetOf } from '../lib/dom.ts';
import { fail, msg, notApplicable, resultOf } from '../lib/result.ts';
import { fragmentTargetOf, isShown, linkEvidence, visibleTextOf } from './lib/markup.ts';
import { BRICK_REGION, isGuideBrickText, SIDE_BRICK_REGION } from './lib/patterns.ts';

/** The region a brick marks: header (key U), main content (key C) or footer (Z, F, B or any other key). */
type BrickRole = 'U' | 'C' | 'Z';
const ROLES: BrickRole[] = ['U', 'C', 'Z'];
const REGION_NAME: Record<BrickRole, { zh: string; en: string }> = {
  U: { zh: '上方功能區塊', en: 'header' },
  C: { zh: '中央內容區塊', en: 'main content' },
  Z: { zh: '下方功能區塊（頁尾）', en: 'footer' },
};

interface Brick {
  /** The accesskey as written (upper case). */
  key: string;
  role: BrickRole;
  el: Element;
  label: string;
  selector: string;
  snippet: string;
}

function keysOf(el: Element): string[] {
  return (el.getAttribute('accesskey') ?? '').split(/\s+/).filter(Boolean).map((k) => k.toUpperCase());
}

function labelOf(el: Element): string {
  const text = visibleTextOf(el);
  return normalizeText(el.getAttribute('title') || el.getAttribute('aria-label') || (isGuideBrickText(text) ? '' : text));
}

/**
 * A U/C accesskey counts as a guide brick when it looks like one (`:::` text, an in-page href, or a
 * region title), so a login form's accesskey="u" on "User ID" is not mistaken for the header brick.
 */
function looksLikeBrick(el: Element, key: 'U' | 'C'): boolean {
  if (isGuideBrickText(visibleTextOf(el))) return true;
  if ((el.getAttribute('href') ?? '').trim().startsWith('#')) return true;
  return BRICK_REGION[key].test(labelOf(el));
}

interface Candidate {
  key: string;
  el: Element;
  label: string;
  colons: boolean;
}

/**
 * Every brick of the page with its role. U and C are fixed by the convention. The footer brick takes any
 * key: Z, or another key whose title names the footer (F 頁尾區, B FatFooter), or — untitled — the last
 * `:::` brick after C. The search key S and side bricks (L/R, 左側/右側) are not regions judged here.
 */
function collectBricks(page: PageArtifacts): Brick[] {
  const candidates: Candidate[] = [];
  for (const el of Array.from(documentOf(page).querySelectorAll('[accesskey]'))) {
    if (!isShown(page, el)) continue;
    const colons = isGuideBrickText(visibleTextOf(el));
    for (const key of keysOf(el)) candidates.push({ key, el, label: labelOf(el), colons });
  }
  const bricks: Brick[] = [];
  const add = (c: Candidate, role: BrickRole) =>
    bricks.push({ key: c.key, role, el: c.el, label: c.label, selector: linkEvidence(page, c.el).selector, snippet: snippetOf(c.el) });
  const unassigned: Candidate[] = [];
  for (const c of candidates) {
    if (c.key === 'U' || c.key === 'C') {
      if (looksLikeBrick(c.el, c.key)) add(c, c.key);
    } else if (c.key === 'S' || !/^[A-Z]$/.test(c.key)) {
      continue;
    } else if (c.label && SIDE_BRICK_REGION.test(c.label) && !BRICK_REGION.Z.test(c.label)) {
      continue;
    } else if (c.key === 'Z' && (c.colons || (c.el.getAttribute('href') ?? '').trim().startsWith('#') || BRICK_REGION.Z.test(c.label))) {
      add(c, 'Z');
    } else if (BRICK_REGION.Z.test(c.label) && (c.colons || c.el.tagName === 'A')) {
      add(c, 'Z');
    } else if (c.colons && !c.label) {
      unassigned.push(c);
    }
  }
  // An untitled ::: brick with an unusual key is the footer brick when it is the last brick after C.
  if (!bricks.some((b) => b.role === 'Z') && unassigned.length) {
    const order = documentOrder(page);
    const main = bricks.find((b) => b.role === 'C');
    const last = unassigned.reduce((a, b) => (order.get(b.el)! > order.get(a.el)! ? b : a));
    if (!main || order.get(last.el)! > order.get(main.el)!) add(last, 'Z');
  }
  return bricks;
}

const NATIVELY_FOCUSABLE = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'IFRAME', 'SUMMARY']);

/** Where pressing the key lands: the href target, or the brick itself when it is focusable. undefined = cannot judge. */
function landingOf(page: PageArtifacts, brick: Brick): { el: Element | null; problem: FindingDraft['message'] | null } | undefined {
  const { el } = brick;
  const focusable = el.hasAttribute('tabindex') || NATIVELY_FOCUSABLE.has(el.tagName);
  if (el.tagName === 'A' && el.hasAttribute('href')) {
    const target = fragmentTargetOf(page, el.getAttribute('href'));
    if (target.kind === 'in-page') {
      if (target.exists) return { el: documentOf(page).getElementById(target.fragment) ?? findNamed(page, target.fragment), problem: null };
      return {
        el: null,
        problem: msg(
          `導盲磚 ${brick.key} 的連結 #${target.fragment} 在頁面中找不到對應的 id 或 name`,
          `Guide brick ${brick.key} links to #${target.fragment}, but no element on the page has that id or name`,
        ),
      };
    }
    if (target.kind === 'other-page') {
      return {
        el: null,
        problem: msg(
          `導盲磚 ${brick.key} 連到其他頁面（${target.href}），而不是本頁的${REGION_NAME[brick.role].zh}`,
          `Guide brick ${brick.key} links to another page (${target.href}) instead of this page's ${REGION_NAME[brick.role].en}`,
        ),
      };
    }
    // A bare "#" with no click handler of its own scrolls to the top of the page: the brick marks no
    // region (HyUI templates delivered with placeholder bricks). javascript: links are left to their script.
    if (/^#!?$/.test((el.getAttribute('href') ?? '').trim()) && !el.hasAttribute('onclick')) {
      return {
        el: null,
        problem: msg(
          `導盲磚 ${brick.key} 的連結只有「#」，按 Alt+${brick.key} 只會回到頁面頂端，不會移動到${REGION_NAME[brick.role].zh}`,
          `Guide brick ${brick.key} links only to "#", so Alt+${brick.key} goes to the top of the page instead of the ${REGION_NAME[brick.role].en}`,
        ),
      };
    }
    return undefined; // javascript: or a "#" with its own click handler — a script may handle it
  }
  if (focusable) return { el, problem: null };
  return {
    el: null,
    problem: msg(
      `導盲磚 ${brick.key} 沒有 href 也無法取得焦點，按 Alt+${brick.key} 不會移動到${REGION_NAME[brick.role].zh}`,
      `Guide brick ${brick.key} has no href and cannot take focus, so Alt+${brick.key} does not move to the ${REGION_NAME[brick.role].en}`,
    ),
  };
}

function findNamed(page: PageArtifacts, name: string): Element | null {
  return Array.from(documentOf(page).querySelectorAll('a[name]')).find((a) => a.getAttribute('name') === name) ?? null;
}

function documentOrder(page: PageArtifacts): Map<Element, number> {
  const order = new Map<Element, number>();
  Array.from(documentOf(page).querySelectorAll('*')).forEach((el, i) => order.set(el, i));
  return order;
}

function searchKeyPresent(page: PageArtifacts): boolean {
  return Array.from(documentOf(page).querySelectorAll('[accesskey]')).some((el) => keysOf(el).includes('S'));
}

export const guideBricks: PageRule = {
  meta: {
    id: 'tw/guide-bricks',
    category: 'governance',
    severity: 'minor',
    scope: 'page',
    pages: 'all',
    wcag: ['2.4.1'],
    title: msg('導盲磚（::: 快速鍵錨點）應存在且正確', 'Guide bricks (::: accesskey anchors) should be present and working'),
    description: msg(
      '政府網站慣例以 ::: 導盲磚標示區塊：Alt+U 上方功能區塊、Alt+C 中央內容區塊及頁尾導盲磚（HyUI 為 Alt+Z，其他範本亦見 F、B 等；搜尋框可設 Alt+S）。導盲磚的連結須指向頁面中存在的錨點，title 應說明區塊名稱，且同一快速鍵不可重複。',
      'Taiwanese government sites mark page regions with ::: guide bricks: Alt+U header, Alt+C main content and a footer brick (Alt+Z on HyUI; F or B on other templates), optionally Alt+S on the search box. Each brick must point at an anchor that exists, carry a title naming its region, and no key may be used twice.',
    ),
    howToFix: msg(
      '在各區塊開頭放置 <a href="#U" id="U" name="U" accesskey="U" title="上方功能區塊">:::</a>（C、Z 同理），並在網站導覽頁說明快速鍵。',
      'Put <a href="#U" id="U" name="U" accesskey="U" title="上方功能區塊 (header)">:::</a> at the start of each region (likewise C and Z) and explain the keys on the sitemap page.',
    ),
    requires: ['html', 'links'],
    helpUrl: 'https://accessibility.moda.gov.tw/Accessible/Guide/68',
    source: '政府網站慣例（HyUI 範本；網站無障礙規範 1.0 H309204 accesskey）',
  },
  check(page) {
    if (!page.html) return notApplicable();
    const bricks = collectBricks(page);
    if (bricks.length === 0) {
      const colonAnchors = Array.from(documentOf(page).querySelectorAll('a')).filter((a) => isGuideBrickText(visibleTextOf(a)) && isShown(page, a));
      return fail({
        message: colonAnchors.length
          ? msg('頁面有 ::: 錨點，但沒有設定 accesskey（U、C）的導盲磚', 'The page has ::: anchors, but none carries an accesskey (U, C)')
          : msg('頁面沒有導盲磚（::: 快速鍵錨點 U、C 及頁尾）', 'The page has no guide bricks (::: accesskey anchors U, C and footer)'),
        selector: colonAnchors[0] ? linkEvidence(page, colonAnchors[0]).selector : undefined,
        data: { keys: [], colonAnchorsWithoutKey: colonAnchors.length },
      });
    }

    const findings: FindingDraft[] = [];
    const present = new Set(bricks.map((b) => b.role));
    const missing = (['U', 'C'] as const).filter((k) => !present.has(k));
    if (missing.length) {
      findings.push({
        message: msg(
          `缺少導盲磚：${missing.map((k) => `${k}（${REGION_NAME[k].zh}）`).join('、')}`,
          `Missing guide bricks: ${missing.map((k) => `${k} (${REGION_NAME[k].en})`).join(', ')}`,
        ),
        data: { missing },
      });
    }

    // The same key on two different elements: only one of them can be reached.
    const byKey = new Map<string, Brick[]>();
    for (const b of bricks) byKey.set(b.key, [...(byKey.get(b.key) ?? []), b]);
    for (const [key, same] of byKey) {
      if (new Set(same.map((b) => b.el)).size > 1) {
        findings.push({
          selector: same[1]!.selector,
          snippet: same[1]!.snippet,
          message: msg(`快速鍵 ${key} 重複設定於 ${same.length} 個元素`, `Access key ${key} is assigned to ${same.length} elements`),
          data: { key, count: same.length },
        });
      }
    }

    const landing = new Map<BrickRole, Element>();
    const judged = new Set<BrickRole>();
    for (const brick of bricks) {
      if (judged.has(brick.role)) continue; // duplicates already reported; judge the first
      judged.add(brick.role);
      const where = landingOf(page, brick);
      if (where?.problem) findings.push({ selector: brick.selector, snippet: brick.snippet, message: where.problem, data: { key: brick.key } });
      else if (where?.el) landing.set(brick.role, where.el);

      const own = BRICK_REGION[brick.role];
      if (!brick.label) {
        // An untitled footer brick is recognised by its place; the header and main bricks must say what they are.
        if (brick.role === 'Z' && brick.key !== 'Z') continue;
        findings.push({
          selector: brick.selector,
          snippet: brick.snippet,
          message: msg(
            `導盲磚 ${brick.key} 沒有 title 說明區塊名稱（如「${REGION_NAME[brick.role].zh}」）`,
            `Guide brick ${brick.key} has no title naming its region (e.g. "${REGION_NAME[brick.role].en}")`,
          ),
          data: { key: brick.key },
        });
      } else if (!own.test(brick.label)) {
        const other = ROLES.find((k) => k !== brick.role && BRICK_REGION[k].test(brick.label));
        if (other) {
          findings.push({
            selector: brick.selector,
            snippet: brick.snippet,
            message: msg(
              `導盲磚 ${brick.key} 的 title「${brick.label}」描述的是${REGION_NAME[other].zh}，與快速鍵不符`,
              `Guide brick ${brick.key} is titled "${brick.label}", which names the ${REGION_NAME[other].en}, not its own region`,
            ),
            data: { key: brick.key, title: brick.label },
          });
        }
      }
    }

    // Regions should come in page order: header (U) before main (C) before the footer brick.
    const order = documentOrder(page);
    const pos = (k: BrickRole) => (landing.has(k) ? order.get(landing.get(k)!) : undefined);
    const [u, c, z] = [pos('U'), pos('C'), pos('Z')];
    if ((u !== undefined && c !== undefined && u > c) || (c !== undefined && z !== undefined && c > z)) {
      const keyOf = (r: BrickRole) => bricks.find((b) => b.role === r)!.key;
      findings.push({
        message: msg('導盲磚指向的區塊順序不符（應為 U 上方、C 中央、頁尾最後）', 'Guide bricks point at regions out of order (U header, then C main, then the footer)'),
        data: { order: ROLES.filter((k) => pos(k) !== undefined).sort((a, b) => pos(a)! - pos(b)!).map(keyOf) },
      });
    }

    // Some templates carry only U and C: a minor finding of its own, not "missing Z".
    if (!present.has('Z')) {
      findings.push({
        severity: 'minor',
        message: msg(
          '沒有頁尾區的導盲磚（如 accesskey Z「下方功能區塊」或 F「頁尾區」）',
          'No guide brick marks the footer (e.g. accesskey Z "下方功能區塊" or F "頁尾區")',
        ),
        data: { missingFooterBrick: true },
      });
    }

    if (findings.length) {
      const keys = bricks.map((b) => b.key).filter((k, i, a) => a.indexOf(k) === i);
      const footerKey = bricks.find((b) => b.role === 'Z')?.key ?? null;
      findings[0] = { ...findings[0]!, data: { ...findings[0]!.data, keys, footerKey, searchKey: searchKeyPresent(page) } };
    }
    return resultOf(findings);
  },
};
