// Date labels (更新日期：, 發布日期, Last updated: …) read backwards from where a date starts.
// The label decides whether a date says when content changed ('updated' / 'published' / plain 'date')
// or something else (活動日期, 截止日期, 生效日期, 出生日期: 'other', never a freshness signal).

export type LabelKind = 'updated' | 'published' | 'date' | 'other';

export interface DateLabel {
  text: string;
  kind: LabelKind;
  /** Offset of the label's first character in the searched text. */
  index: number;
}

/** How far back from a date a label may start. */
const LOOKBACK = 28;
/** Between a label and its date: spaces/tabs, a closing bracket, a colon, at most one line break. */
const GAP = String.raw`[ \t]*[\]】)]?[ \t]*[:|]?[ \t]*(?:\n[ \t]*)?$`;
const CJK_LABEL = new RegExp(String.raw`([\u4e00-\u9fff]{0,8}?)(日期|時間|时间|日|於|于|更新|發布|發佈|公告|公布|異動|上版|刊登|張貼)` + GAP);
const EN_LABEL = new RegExp(
  String.raw`\b((?:date[ \t]+of[ \t]+)?last[ \t]+(?:updated?|modified|modification|reviewed|revised|revision|changed)|date[ \t]+of[ \t]+(?:publication|issue|update|revision)|(?:date[ \t]+)?(?:updated?|modified|published|posted|released|issued|created|revised)|(?:publication|publish|post(?:ing)?|release|update|modification|revision|issue|last[ \t]+update)[ \t]+date|date)(?:[ \t]+(?:on|at))?` +
    GAP,
  'i',
);

const UPDATED_WORDS = /更新|修改|修正|異動|异动|修訂|最後|最后|上次|last|update|modifi|revis|changed|reviewed/i;
const PUBLISHED_WORDS = /發布|發佈|发布|公告|公布|上版|上架|上稿|張貼|刊登|發文|發表|出版|登載|刊出|publish|posted|post|release|issue|created/i;
/** 日期 qualifiers that still mean "the date of this content". */
const NEUTRAL_QUALIFIER = /(?:^|資料|網頁|頁面|本頁|網站|文章|內容|新聞|消息|訊息|資訊)$/;

/** The label that ends right before `dateIndex` in `text` (already width-folded), or null. */
export function labelBefore(text: string, dateIndex: number): DateLabel | null {
  const from = Math.max(0, dateIndex - LOOKBACK);
  const window = text.slice(from, dateIndex);
  const cjk = CJK_LABEL.exec(window);
  if (cjk) {
    const label = classifyCjk(cjk[1] ?? '', cjk[2]!);
    if (label) return { ...label, index: from + cjk.index + (cjk[1]!.length - label.qualifierKept) };
  }
  const en = EN_LABEL.exec(window);
  if (en) {
    const text = en[1]!.replace(/\s+/g, ' ');
    const kind: LabelKind = UPDATED_WORDS.test(text) ? 'updated' : /^date$/i.test(text) ? 'date' : 'published';
    return { text, kind, index: from + en.index };
  }
  return null;
}

function classifyCjk(qualifier: string, suffix: string): { text: string; kind: LabelKind; qualifierKept: number } | null {
  const whole = qualifier + suffix;
  const keyword = firstKeyword(whole);
  if (keyword) {
    // Keep the label from its first keyword on: 「本網站最後更新日期」 → 「最後更新日期」; 「資料更新時間」 stays whole.
    const start = whole.slice(0, keyword.index).endsWith('資料') ? keyword.index - 2 : keyword.index;
    return { text: whole.slice(start), kind: keyword.kind, qualifierKept: Math.max(0, qualifier.length - start) };
  }
  if (suffix.length === 1) return null; // 星期日, 成立於 …: not a label
  if (NEUTRAL_QUALIFIER.test(qualifier)) {
    const kept = Math.min(qualifier.length, 2);
    return { text: qualifier.slice(qualifier.length - kept) + suffix, kind: 'date', qualifierKept: kept };
  }
  const kept = Math.min(qualifier.length, 4);
  return { text: qualifier.slice(qualifier.length - kept) + suffix, kind: 'other', qualifierKept: kept };
}

function firstKeyword(s: string): { index: number; kind: LabelKind } | null {
  const u = UPDATED_WORDS.exec(s);
  const p = PUBLISHED_WORDS.exec(s);
  if (u && (!p || u.index <= p.index)) return { index: u.index, kind: 'updated' };
  if (p) return { index: p.index, kind: u ? 'updated' : 'published' };
  return null;
}
