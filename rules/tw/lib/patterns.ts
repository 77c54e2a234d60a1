// Wording Taiwanese government sites use (繁體, with 簡體 look-alikes seen on vendor templates) and the
// English equivalents. Every pattern runs on NFKC-normalised, whitespace-collapsed text.

const IN = '[內内]'; // 內 (traditional) / 内 (simplified)

/**
 * Skip-to-content wording, written as a family rather than a list of phrases:
 * a move (跳/跳至/跳到/略過/移至/前往/直達, or 按Enter到…) + optionally the main region (主要/主/中央/中間)
 * + the content (內容/內文, 內容區/內容區塊/內容區域): 跳至內容區, 跳到主要內容區塊, 按Enter到主內容區,
 * 移至中央內容區; or skipping the navigation (跳過導覽列, 略過選單); or the bare region name (主要內容區).
 * English: skip to (main) content / skip navigation, jump|go to (main) content, (please) press Enter to content.
 */
const MOVE = '(?:跳|略過|略过|移|前往|直達|直达|直接|快速|到|至|往)[至到往過过入]?';
const ENTER = '(?:請|请)?按?enter(?:鍵|键)?(?:可|即可)?(?:到|至|跳至|跳到|前往|進入|进入|移至)';
const REGION = '(?:本頁|本页|此頁|此页|頁面|页面)?(?:的)?(?:主要?|中央|中間|中间|中心)?(?:的)?';
const CONTENT = `(?:${IN}容|${IN}文)(?:區塊|区块|區域|区域|區|区|部分|部份)?`;
const SKIP_ZH = new RegExp(
  [
    `(?:${MOVE}|${ENTER})${REGION}${CONTENT}`,
    '(?:跳過|跳过|略過|略过)(?:主|上方)?(?:導覽|导览|選單|选单|菜單|菜单|導航|导航|功能|區塊|区块)',
    `^(?:主要?|中央)${CONTENT}$`,
  ].join('|'),
  'i',
);
const SKIP_EN =
  /\bskip\b[^\n]{0,24}?\b(?:content|main|navigation|nav|menu|links)\b|\b(?:jump|go|move|enter)\s+to\s+(?:the\s+)?(?:main\s+)?content\b|^main\s+content$/i;

/** Longer names are sentences or headlines that merely mention content, not a skip link's name. */
const MAX_SKIP_NAME = 60;

/** Whether a link's text, title or accessible name says it skips to the main content. */
export function isSkipLinkText(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (!t || t.length > MAX_SKIP_NAME) return false;
  // CJK wording is matched without spaces (「跳到 主要 內容」 is split over spans on some templates).
  const compact = t.replace(/\s+/g, '');
  return SKIP_ZH.test(compact) || SKIP_EN.test(t.replace(/\s+/g, ' '));
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
