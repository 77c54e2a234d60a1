// Wording Taiwanese government sites use (繁體, with 簡體 look-alikes seen on vendor templates) and the
// English equivalents. Every pattern runs on NFKC-normalised, whitespace-collapsed text.

const IN = '[內内]'; // 內 (traditional) / 内 (simplified)

/**
 * Skip-to-content wording: 跳到主要內容, 跳至主內容區, 移至主要內容, 前往主要內容, 跳過導覽列, 略過選單,
 * 按Enter到主內容區 (HyUI goCenter), Skip to (main) content, Skip navigation, Jump to content.
 */
const SKIP_ZH = new RegExp(
  [
    `(?:跳|移|前往|直達|直接|快速|略過|到|至)[^\\n]{0,6}?(?:主要?|中央|中間|中间)[^\\n]{0,2}?(?:${IN}容|${IN}文|區塊|区块|區域|区域)`,
    '(?:跳過|跳过|略過|略过)[^\\n]{0,4}?(?:導覽|导览|選單|选单|菜單|菜单|導航|导航|功能)',
    `Enter[^\\n]{0,6}?主要?${IN}容`,
    `^(?:至|到)?(?:主要?|中央)${IN}容(?:區|区|區塊|区块)?$`,
  ].join('|'),
  'i',
);
const SKIP_EN =
  /\bskip\b[^\n]{0,24}?\b(?:content|main|navigation|nav|menu|links)\b|\bjump\s+to\s+(?:the\s+)?(?:main\s+)?content\b|\bgo\s+to\s+(?:the\s+)?main\s+content\b|^main\s+content$/i;

export function isSkipLinkText(text: string): boolean {
  return SKIP_ZH.test(text) || SKIP_EN.test(text);
}

/** 導盲磚 text: three colons, ASCII or full-width (NFKC maps ： to :). */
export function isGuideBrickText(text: string): boolean {
  return /^\s*:{3}\s*$/.test(text.normalize('NFKC'));
}

/** Region names a guide brick's title should carry (上方功能區塊 / 中央內容區塊 / 下方功能區塊 and variants). */
export const BRICK_REGION: Record<'U' | 'C' | 'Z', RegExp> = {
  U: /上方|上端|上面|頁首|页首|頁頭|页头|頁眉|頂端|顶端|標題|标题|選單|选单|導覽|导览|header|top|banner|menu|navigation|\bnav\b/i,
  C: new RegExp(`中央|中間|中间|中心|主要|主${IN}容|${IN}容|content|main|cent(?:er|re)`, 'i'),
  Z: /下方|下端|下面|頁尾|页尾|頁腳|页脚|底部|底端|footer|bottom|fat\s*footer/i,
};

/** Side-column bricks (L 左側, R 右側): optional, never the footer. */
export const SIDE_BRICK_REGION = /左側|左方|左邊|右側|右方|右邊|側欄|侧栏|側邊|left|right|side/i;

/** A link name that says it opens a new window or tab. */
export const NEW_WINDOW_TEXT =
  /另(?:開|开|啟|启|跳)(?:啟|启)?(?:新)?(?:的)?(?:視窗|视窗|窗口|頁面|页面|分頁|分页|網頁|网页|頁籤|页签)|開(?:啟|启)?新(?:的)?(?:視窗|视窗|窗口|頁面|页面|分頁|分页|網頁|网页|頁籤)|开(?:启)?新(?:的)?(?:视窗|窗口|页面|分页|网页)|新(?:視窗|视窗|窗口|分頁|分页|頁籤|页签)|彈出視窗|弹出视窗|\bnew\s+(?:browser\s+)?(?:window|tab)\b|\bopens?\s+(?:in\s+)?(?:a\s+)?new\b|\bpop-?up\b|\bexternal\s+window\b/i;

/** target values that open a new browsing context (target="blank" without underscore is common and works too). */
export function opensNewWindow(target: string | null): boolean {
  if (!target) return false;
  return ['_blank', 'blank', '_new', 'new'].includes(target.trim().toLowerCase());
}
