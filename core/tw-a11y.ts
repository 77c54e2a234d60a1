// 網站無障礙規範 machine-check ("C") codes, as data: the catalogue of both editions and the one table that
// maps axe-core rules to codes. A code string only means something with its edition (HM1130103C is the
// fieldset check in 110.07 and the optgroup check in 115.11), so everything here is keyed on (edition, code).
// Source: ../shared/research/tw-a11y-115.md (annex 附件一 of 115.11; Freego 110.07 web index ids).
import { taipeiDateOf } from './taipei.ts';
import type { A11yLevel, Localized, TwEdition } from './types.ts';
import { A11Y_LEVELS, TW_EDITIONS } from './types.ts';
import { L } from './i18n.ts';

export interface TwCode {
  edition: TwEdition;
  code: string;
  level: A11yLevel;
  /** WCAG success criterion, e.g. '1.3.1'. */
  sc: string;
  title: Localized;
  helpUrl: string;
  /** How the code relates to the other edition, when it differs (renumbered, dropped, reworded). */
  note?: Localized;
}

/** The day 115.11 takes effect (數位政府字第11540006711號); scans before it default to 110.07. */
export const TW_115_11_EFFECTIVE = '2026-11-30';

/** 115.11 annex (附件一) on the MODA law site. */
const ANNEX_115_11 = 'https://law.moda.gov.tw/LawContent.aspx?id=GL000192';
/** 110.07 code pages on accessibility.moda.gov.tw (Freego's links). */
const detail110 = (webId: number) => `https://accessibility.moda.gov.tw/Download/Detail/${webId}?Category=63`;

type Row = [code: string, level: A11yLevel, sc: string, zh: string, en: string, note?: Localized];

/** The 28 C codes of 115.11, in annex order. */
const ROWS_115_11: Row[] = [
  ['HM1110100C', 'A', '1.1.1', '圖片<img>組件需有替代文字(alt)屬性', 'Every <img> has an alt attribute'],
  ['HM1110101C', 'A', '1.1.1', '影像地圖<map>的區域<area>組件需有替代文字(alt)屬性，且其值不得為空字串或空白', 'Image-map <area> elements have a non-empty alt'],
  ['HM1110103C', 'A', '1.1.1', '字符圖案、表情符號等挪用文字外型表意之內容，需透過合適組件的標題(title)屬性提供替代文字，且其值不得為空字串或空白', 'ASCII art, emoticons and emoji used for meaning have a non-empty title on a suitable element'],
  ['HM1110104C', 'A', '1.1.1', '型別(type)屬性值為圖片之輸入<input>組件，需有替代文字(alt)屬性，且其值不得為空字串或空白', '<input type="image"> has a non-empty alt'],
  ['HM1110105C', 'A', '1.1.1', '物件組件(如<applet>、<embed>、<object>)需有替代文字內容', 'Objects (<applet>, <embed>, <object>) have alternative content'],
  ['HM1110106C', 'A', '1.1.1', '替代文字(alt)屬性值為空字串的圖片<img>組件，不得有標題(title)屬性', 'An <img> with alt="" has no title attribute'],
  ['HM1130100C', 'A', '1.3.1', '網頁中的標頭組件(<h1>～<h6>)必須要按照正確的巢狀層次結構來配置', 'Headings <h1>–<h6> are properly nested'],
  ['HM1130101C', 'A', '1.3.1', '使用範疇(scope)屬性，來建立表格行列標題儲存格與資料儲存格之間的關連', 'Table header cells are associated with data cells through scope'],
  ['HM1130102C', 'A', '1.3.1', '使用對應識別碼(id)與標頭(headers)屬性，來建立表格行列標題儲存格與資料儲存格之間的關連', 'Data cells are associated with header cells through id/headers'],
  ['HM1130103C', 'A', '1.3.1', '表單選擇<select>組件需以選項分群<optgroup>組件來將選項<option>組件加以分群', '<select> options are grouped in labelled <optgroup>s', L('115.11 新意義：110.07 的 HM1130103C_1（optgroup）；110.07 的 HM1130103C（fieldset）改為 HM1130105C', 'New meaning in 115.11: was HM1130103C_1 (optgroup) in 110.07; the 110.07 HM1130103C (fieldset) is now HM1130105C')],
  ['HM1130104C', 'A', '1.3.1', '可見的表單控制元件均需有對應的標籤<label>組件，或有標題(title)屬性，且其內容或值均不得為空字串或空白', 'Visible form controls have an associated <label> or a non-empty title'],
  ['HM1130105C', 'A', '1.3.1', '相關的表單控制元件需以欄位集<fieldset>組件分群，並以說明<legend>組件提供非空白之群組名稱', 'Related form controls are grouped in a <fieldset> with a non-empty <legend>', L('115.11 新編號：原 110.07 的 HM1130103C', 'New number in 115.11: was HM1130103C in 110.07')],
  ['HM1130200C', 'A', '1.3.2', '混用多國語言內容，出現文字走向不同的內容時，需有萬國碼的右至左標記(RLM)或左至右標記(LRM)，或以行內組件搭配文字方向(dir)屬性', 'Mixed-direction text has RLM/LRM marks or dir on an inline element'],
  ['HM1240102C', 'A', '2.4.1', '以導覽<nav>組件將相關鏈結組件做分群', 'Related links are grouped with <nav>'],
  ['HM1240200C', 'A', '2.4.2', '網頁需有標題<title>組件，且其值不得為空字串或空白', 'The page has a non-empty <title>'],
  ['HM1240400C', 'A', '2.4.4', '連往相同資源的毗鄰圖片與文字，其由替代文字及文字內容產生之鏈結文字只能有一份', 'An adjacent image and text linking to the same resource give the link text once'],
  ['HM1240401C', 'A', '2.4.4', '具有連結目的之鏈結<a>組件均需有鏈結文字，且不得為空字串或空白；若此鏈結前後尚有其他內容，則亦需有非空白之標題(title)屬性', 'Links have non-empty link text; a link with other content around it also needs a non-empty title'],
  ['HM1310100C', 'A', '3.1.1', '網頁根組件需有語言(lang)屬性，且其值必須合於規範，不得為空字串或空白', 'The root element has a valid, non-empty lang'],
  ['ME1320200C', 'A', '3.2.2', '提供下載之檔案格式應為開放格式如ODF、PDF、HTML等檔案格式', 'Downloads are offered in open formats (ODF, PDF, HTML)'],
  ['HM1410200C', 'A', '4.1.2', '所有使用者介面元件均需依據規格，提供可由程式判讀之角色、名稱、屬性及值', 'Every user interface component exposes its role, name, properties and value per specification', L('115.11 範圍擴大：110.07 僅為「依據規格使用表單控制組件及鏈結組件」', 'Wider in 115.11: 110.07 covered only form controls and links')],
  ['HM1410201C', 'A', '4.1.2', '內嵌式頁框<iframe>組件需有標題(title)屬性，且其值不得為空字串或空白', '<iframe> has a non-empty title attribute', L('115.11 僅限 iframe（110.07 含 frame）', '115.11: iframe only (110.07 also covered frame)')],
  ['CS2140401C', 'AA', '1.4.4', '任何CSS樣式規則均使用具名字型尺寸，或者使用百分比或em等相對字型尺寸單位', 'CSS font sizes are named or relative (%, em), never absolute units'],
  ['HM2310200C', 'AA', '3.1.2', '使用不同人類語言的內容區段，必須以合於語意的組件標記，並有合於規範、非空白的語言(lang)屬性', 'Passages in another language are marked with a valid, non-empty lang'],
  ['CS3140800C', 'AAA', '1.4.8', '僅有單一樣式表且無切換方式時，主要內容不得以CSS同時指定文字與背景顏色', 'With one style sheet and no switcher, CSS does not set both text and background colour of the main content'],
  ['CS3140801C', 'AAA', '1.4.8', '需有CSS樣式規則使用百分比數值或相對長度單位來設定欄寬，且最大欄寬不得超過80個字母(中日韓語系的40個文字)', 'Column widths use relative units; at most 80 Latin / 40 CJK characters per line'],
  ['CS3140802C', 'AAA', '1.4.8', '需有CSS樣式規則指定行距', 'CSS sets line spacing (line-height)'],
  ['HM3240900C', 'AAA', '2.4.9', '任何單獨具有連結目的之鏈結組件均需有鏈結文字及標題(title)屬性，且其內容及值均不得為空字串或空白', 'Every stand-alone link has both non-empty link text and a non-empty title', L('115.11 限單獨鏈結', '115.11: stand-alone links only')],
  ['HM3241000C', 'AAA', '2.4.10', '網頁需使用標題(headings)組件', 'The page uses heading elements'],
];

/** The C codes of 110.07 (Freego's numbering), with their web ids on accessibility.moda.gov.tw. */
const ROWS_110_07: Row[] = [];
const WEB_IDS_110_07: Record<string, number> = {};
function row110(webId: number, ...r: Row): void {
  ROWS_110_07.push(r);
  WEB_IDS_110_07[r[0]] = webId;
}
row110(1499, 'HM1110100C', 'A', '1.1.1', '圖片<img>組件需有替代文字(alt)屬性', 'Every <img> has an alt attribute');
row110(1500, 'HM1110101C', 'A', '1.1.1', '影像地圖<map>的區域<area>組件需有替代文字(alt)屬性，且其值不得為空字串或空白', 'Image-map <area> elements have a non-empty alt');
row110(1501, 'HM1110102C', 'A', '1.1.1', '圖片<img>組件之長描述(longdesc)屬性值需為有效之URI，且其目的資源末端能以超連結回到此圖片組件', 'An <img> longdesc is a valid URI whose target links back to the image', L('115.11 已刪除', 'Dropped in 115.11'));
row110(1502, 'HM1110103C', 'A', '1.1.1', '字符圖案、表情符號、其他挪用文字外型作為表意功能之語言形式等內容，需透過合適組件的標題(title)屬性來提供替代文字，且其值不得為空字串或空白', 'ASCII art, emoticons and emoji used for meaning have a non-empty title on a suitable element');
row110(1503, 'HM1110104C', 'A', '1.1.1', '型別(type)屬性值為圖片<img>之輸入<input>組件，需有替代文字(alt)屬性，且其值不得為空字串或空白', '<input type="image"> has a non-empty alt');
row110(1504, 'HM1110105C', 'A', '1.1.1', '物件組件(如<applet>、<embed>、<object>)需有替代文字內容', 'Objects (<applet>, <embed>, <object>) have alternative content');
row110(1505, 'HM1110106C', 'A', '1.1.1', '替代文字(alt)屬性值為空字串的圖片<img>組件，不得有標題(title)屬性', 'An <img> with alt="" has no title attribute');
row110(1506, 'HM1130100C', 'A', '1.3.1', '網頁中的標頭組件必須要按照正確的巢狀層次結構來配置', 'Headings are properly nested');
row110(1507, 'HM1130101C', 'A', '1.3.1', '使用範疇(scope)屬性，來建立表格行列標題儲存格與資料儲存格之間的關連', 'Table header cells are associated with data cells through scope');
row110(1508, 'HM1130102C', 'A', '1.3.1', '使用對應識別碼(id)與標頭(headers)屬性，來建立表格行列標題儲存格與資料儲存格之間的關連', 'Data cells are associated with header cells through id/headers');
row110(1509, 'HM1130103C', 'A', '1.3.1', '表單控制項群組需以欄位集<fieldset>及說明<legend>組件建立結構關係', 'Groups of form controls are structured with <fieldset> and <legend>', L('115.11 改為 HM1130105C；HM1130103C 在 115.11 指 optgroup', 'Renumbered HM1130105C in 115.11; HM1130103C means optgroup in 115.11'));
row110(1510, 'HM1130103C_1', 'A', '1.3.1', '表單選擇<select>組件則需以選項分群<optgroup>組件來將選項<option>組件加以分群', '<select> options are grouped in labelled <optgroup>s', L('115.11 改為 HM1130103C', 'Renumbered HM1130103C in 115.11'));
row110(1512, 'HM1130104C', 'A', '1.3.1', '可見的表單控制元件均需有對應的標籤<label>組件，或有標題(title)屬性，且其內容或值均不得為空字串或空白', 'Visible form controls have an associated <label> or a non-empty title');
row110(1513, 'HM1130200C', 'A', '1.3.2', '混用多國語言內容，出現已知文字走向不同的內容時，需有萬國碼的右至左標記(RLM)或左至右標記(LRM)，或以行內組件搭配使用文字方向(dir)屬性', 'Mixed-direction text has RLM/LRM marks or dir on an inline element');
row110(1514, 'HM1240102C', 'A', '2.4.1', '以導覽<nav>標籤將相關鏈結組件做分群', 'Related links are grouped with <nav>');
row110(1515, 'HM1240200C', 'A', '2.4.2', '網頁需有標題<title>組件，且其值不得為空字串或空白', 'The page has a non-empty <title>');
row110(1516, 'HM1240400C', 'A', '2.4.4', '連往相同資源的毗鄰圖片與文字，其由替代文字及文字內容產生之鏈結文字只能有一份', 'An adjacent image and text linking to the same resource give the link text once');
row110(1517, 'HM1240401C', 'A', '2.4.4', '具有連結目的之鏈結<a>組件均需有鏈結文字，且其內容不得為空字串或空白；若此鏈結<a>組件前後尚有其他內容，則亦需有標題(title)屬性，且其值不得為空字串或空白', 'Links have non-empty link text; a link with other content around it also needs a non-empty title');
row110(1520, 'HM1310100C', 'A', '3.1.1', '網頁根組件需有語言(lang)屬性，且其值必須合於規範，不得為空字串或空白', 'The root element has a valid, non-empty lang');
row110(1522, 'ME1320200C', 'A', '3.2.2', '提供下載之檔案格式應為開放格式如ODF、PDF、HTML等檔案格式', 'Downloads are offered in open formats (ODF, PDF, HTML)');
row110(1524, 'HM1410100C', 'A', '4.1.1', '網頁完全符合W3C標準規格，並通過W3C驗證', 'Markup conforms to W3C specifications and validates', L('115.11 已刪除（WCAG 2.2 刪除 4.1.1）', 'Dropped in 115.11 (4.1.1 deleted in WCAG 2.2)'));
row110(1525, 'HM1410200C', 'A', '4.1.2', '依據規格使用表單控制組件及鏈結組件', 'Form controls and links are used per specification (role and name)');
row110(1526, 'HM1410201C', 'A', '4.1.2', '頁框<frame>組件及內嵌式頁框<iframe>組件需有標題(title)屬性，且其值不得為空字串或空白', '<frame> and <iframe> have a non-empty title attribute');
row110(1528, 'CS2140401C', 'AA', '1.4.4', '任何CSS樣式規則均使用具名字型尺寸，或者使用百分比或em等相對字型尺寸單位', 'CSS font sizes are named or relative (%, em), never absolute units');
row110(1521, 'HM2310200C', 'AA', '3.1.2', '網頁內容中，使用不同人類語言的內容區段，必須以合於語意的組件標記，該組件並要有語言(lang)屬性，且其值必須合於規範，不得為空字串或空白', 'Passages in another language are marked with a valid, non-empty lang');
row110(1530, 'CS3140800C', 'AAA', '1.4.8', '僅有單一樣式表且無切換方式時，不得以CSS同時指定文字與背景顏色', 'With one style sheet and no switcher, CSS does not set both text and background colour');
row110(1531, 'CS3140801C', 'AAA', '1.4.8', '需有CSS樣式規則使用百分比數值或相對長度單位來設定欄寬，且最大欄寬不得超過80個字母(中日韓語系的40個文字)', 'Column widths use relative units; at most 80 Latin / 40 CJK characters per line');
row110(1532, 'CS3140802C', 'AAA', '1.4.8', '需有CSS樣式規則指定行距', 'CSS sets line spacing (line-height)');
row110(1518, 'HM3240900C', 'AAA', '2.4.9', '任何具有連結目的之鏈結組件均需有鏈結文字及標題屬性，且鏈結文字之內容及標題屬性之值均不得為空字串或空白', 'Every link has both non-empty link text and a non-empty title');
row110(1519, 'HM3241000C', 'AAA', '2.4.10', '使用標題(headings)組件來組織網頁內容', 'Headings organise the page content');
row110(1523, 'HM3330500C', 'AAA', '3.3.5', '使用標題(title)屬性來提供針對脈絡而作的協助說明', 'The title attribute gives context-sensitive help', L('115.11 已刪除（改為 E 碼 GN3330502E）', 'Dropped in 115.11 (now E code GN3330502E)'));

function build(edition: TwEdition, rows: Row[], help: (code: string) => string): TwCode[] {
  return rows.map(([code, level, sc, zh, en, note]) => ({ edition, code, level, sc, title: L(zh, en), helpUrl: help(code), ...(note ? { note } : {}) }));
}

/** Every C code per edition, in annex order. */
export const TW_CODES: Readonly<Record<TwEdition, readonly TwCode[]>> = {
  '115.11': build('115.11', ROWS_115_11, () => ANNEX_115_11),
  '110.07': build('110.07', ROWS_110_07, (code) => detail110(WEB_IDS_110_07[code]!)),
};

const index = new Map<string, TwCode>(TW_EDITIONS.flatMap((ed) => TW_CODES[ed].map((c) => [`${ed}|${c.code}`, c] as [string, TwCode])));

/** The catalogue entry of a code in an edition, or undefined (E codes and unknown codes). */
export function twCode(edition: TwEdition, code: string): TwCode | undefined {
  return index.get(`${edition}|${code}`);
}

/** levelRank('A') = 1 … 'AAA' = 3. */
export function levelRank(level: A11yLevel): number {
  return A11Y_LEVELS.indexOf(level) + 1;
}

/** The C codes to pass for a level: that level's codes and every lower level's (Freego's cumulative rule). */
export function codesForLevel(edition: TwEdition, level: A11yLevel): TwCode[] {
  return TW_CODES[edition].filter((c) => levelRank(c.level) <= levelRank(level));
}

/** Shape of any 網站無障礙規範 code: C (machine) or E (human) codes, e.g. HM1110100C, GN1240100E, HM1130103C_1. */
export const TW_CODE_PATTERN = /^[A-Z]{2}\d{7}[CE](_\d+)?$/;

/** Whether a string names a code of an edition: a catalogued C code, or any well-formed E code. */
export function isKnownCode(edition: TwEdition, code: string): boolean {
  return twCode(edition, code) !== undefined || (TW_CODE_PATTERN.test(code) && code.endsWith('E'));
}

/** Scan date → default edition: 115.11 from 2026-11-30 (Asia/Taipei), else 110.07. */
export function defaultEdition(now: Date): TwEdition {
  const taipei = taipeiDateOf(now);
  return taipei >= TW_115_11_EFFECTIVE ? '115.11' : '110.07';
}

// ------------------------------------------------------------------ axe-core rule → codes (one table)

/**
 * Which codes an axe-core rule's violation evidences, per edition. Only rules whose check covers the core
 * of a code are listed (research §2/§3); ★ deltas (where the annex is stricter) are own rules elsewhere.
 */
export const AXE_TW_CODES: Readonly<Record<string, Partial<Record<TwEdition, readonly string[]>>>> = {
  'image-alt': { '115.11': ['HM1110100C'], '110.07': ['HM1110100C'] },
  'role-img-alt': { '115.11': ['HM1110100C'], '110.07': ['HM1110100C'] },
  'svg-img-alt': { '115.11': ['HM1110100C'], '110.07': ['HM1110100C'] },
  'area-alt': { '115.11': ['HM1110101C', 'HM1410200C'], '110.07': ['HM1110101C', 'HM1410200C'] },
  'input-image-alt': { '115.11': ['HM1110104C'], '110.07': ['HM1110104C'] },
  'object-alt': { '115.11': ['HM1110105C'], '110.07': ['HM1110105C'] },
  'heading-order': { '115.11': ['HM1130100C'], '110.07': ['HM1130100C'] },
  'empty-heading': { '115.11': ['HM1130100C'], '110.07': ['HM1130100C'] },
  'scope-attr-valid': { '115.11': ['HM1130101C'], '110.07': ['HM1130101C'] },
  'th-has-data-cells': { '115.11': ['HM1130101C'], '110.07': ['HM1130101C'] },
  'td-headers-attr': { '115.11': ['HM1130102C'], '110.07': ['HM1130102C'] },
  'td-has-header': { '115.11': ['HM1130102C'], '110.07': ['HM1130102C'] },
  label: { '115.11': ['HM1130104C'], '110.07': ['HM1130104C'] },
  'select-name': { '115.11': ['HM1130104C', 'HM1410200C'], '110.07': ['HM1130104C', 'HM1410200C'] },
  'aria-input-field-name': { '115.11': ['HM1130104C', 'HM1410200C'], '110.07': ['HM1130104C', 'HM1410200C'] },
  'document-title': { '115.11': ['HM1240200C'], '110.07': ['HM1240200C'] },
  'image-redundant-alt': { '115.11': ['HM1240400C'], '110.07': ['HM1240400C'] },
  'link-name': { '115.11': ['HM1240401C', 'HM1410200C', 'HM3240900C'], '110.07': ['HM1240401C', 'HM1410200C', 'HM3240900C'] },
  'html-has-lang': { '115.11': ['HM1310100C'], '110.07': ['HM1310100C'] },
  'html-lang-valid': { '115.11': ['HM1310100C'], '110.07': ['HM1310100C'] },
  'html-xml-lang-mismatch': { '115.11': ['HM1310100C'], '110.07': ['HM1310100C'] },
  'button-name': { '115.11': ['HM1410200C'], '110.07': ['HM1410200C'] },
  'input-button-name': { '115.11': ['HM1410200C'], '110.07': ['HM1410200C'] },
  'aria-command-name': { '115.11': ['HM1410200C'], '110.07': ['HM1410200C'] },
  'aria-toggle-field-name': { '115.11': ['HM1410200C'], '110.07': ['HM1410200C'] },
  'summary-name': { '115.11': ['HM1410200C'], '110.07': ['HM1410200C'] },
  // 115.11 widened HM1410200C to role, attributes and value of every component; 110.07 checked names only.
  'aria-roles': { '115.11': ['HM1410200C'] },
  'aria-valid-attr': { '115.11': ['HM1410200C'] },
  'aria-valid-attr-value': { '115.11': ['HM1410200C'] },
  'aria-allowed-attr': { '115.11': ['HM1410200C'] },
  'aria-required-attr': { '115.11': ['HM1410200C'] },
  'aria-prohibited-attr': { '115.11': ['HM1410200C'] },
  'aria-required-children': { '115.11': ['HM1410200C'] },
  'aria-required-parent': { '115.11': ['HM1410200C'] },
  'aria-hidden-focus': { '115.11': ['HM1410200C'] },
  'nested-interactive': { '115.11': ['HM1410200C'] },
  'frame-title': { '115.11': ['HM1410201C'], '110.07': ['HM1410201C'] },
  'valid-lang': { '115.11': ['HM2310200C'], '110.07': ['HM2310200C'] },
  // 110.07 only: 4.1.1 parsing (deprecated in axe, runs only when asked for by id).
  'duplicate-id': { '110.07': ['HM1410100C'] },
};

/** Codes an axe rule evidences in an edition ([] when none). */
export function axeTwCodes(axeRuleId: string, edition: TwEdition): string[] {
  return [...(AXE_TW_CODES[axeRuleId]?.[edition] ?? [])];
}

/** axe rule ids that evidence any code of the given list (for choosing which rules must run). */
export function axeRulesForCodes(edition: TwEdition, codes: readonly string[]): string[] {
  const want = new Set(codes);
  return Object.entries(AXE_TW_CODES)
    .filter(([, byEd]) => (byEd[edition] ?? []).some((c) => want.has(c)))
    .map(([id]) => id);
}

/** Parse '115.11' / '110.07' (also '110.7'); undefined for anything else. */
export function parseEdition(v: string): TwEdition | undefined {
  const s = v.trim() === '110.7' ? '110.07' : v.trim();
  return (TW_EDITIONS as readonly string[]).includes(s) ? (s as TwEdition) : undefined;
}

/** Parse 'A' / 'AA' / 'AAA' (case-insensitive); undefined for anything else. */
export function parseLevel(v: string): A11yLevel | undefined {
  const s = v.trim().toUpperCase();
  return (A11Y_LEVELS as readonly string[]).includes(s) ? (s as A11yLevel) : undefined;
}
