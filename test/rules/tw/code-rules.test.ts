// The 網站無障礙規範 code rules on hand-built pages: metadata against the code catalogue (level, codes per
// edition), and the edge cases each predicate must get right.
import { describe, expect, it } from 'vitest';
import { levelRank, twCode } from '../../../core/tw-a11y.ts';
import type { PageRule, Rule } from '../../../core/types.ts';
import { TW_EDITIONS } from '../../../core/types.ts';
import { absoluteLineHeight } from '../../../rules/tw/absolute-line-height.ts';
import { adjacentLinkDuplicate } from '../../../rules/tw/adjacent-link-duplicate.ts';
import { bidiDirection } from '../../../rules/tw/bidi-direction.ts';
import { descendantLang } from '../../../rules/tw/descendant-lang.ts';
import { emptyNav } from '../../../rules/tw/empty-nav.ts';
import { fieldsetLegend } from '../../../rules/tw/fieldset-legend.ts';
import { fixedColours } from '../../../rules/tw/fixed-colours.ts';
import { formFieldLabel } from '../../../rules/tw/form-field-label.ts';
import { groupedChoices } from '../../../rules/tw/grouped-choices.ts';
import { headingStructure } from '../../../rules/tw/heading-structure.ts';
import { frameTitle, iframeTitle } from '../../../rules/tw/iframe-title.ts';
import { imgAltAttribute } from '../../../rules/tw/img-alt-attribute.ts';
import { twRules } from '../../../rules/tw/index.ts';
import { absoluteLineHeightTest, absoluteMaxWidthTest, declarationHitsInStylesheet } from '../../../rules/tw/lib/css.ts';
import { linkInContext } from '../../../rules/tw/lib/markup.ts';
import { linkTitleInContext } from '../../../rules/tw/link-title-in-context.ts';
import { linkTitleStandalone } from '../../../rules/tw/link-title-standalone.ts';
import { pageHeadings } from '../../../rules/tw/page-headings.ts';
import { selectOptgroup } from '../../../rules/tw/select-optgroup.ts';
import { tableHeaderScope } from '../../../rules/tw/table-header-scope.ts';
import { textArtTitle } from '../../../rules/tw/text-art-title.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { parseHTML } from 'linkedom';
import { run } from './helpers.ts';

const doc = (body: string, lang = 'zh-Hant-TW', head = '') => `<!DOCTYPE html><html lang="${lang}"><head><title>t</title>${head}</head><body>${body}</body></html>`;
const check = (rule: PageRule, body: string, lang?: string, head?: string) => run(rule, makePage(doc(body, lang, head)));
const count = (rule: PageRule, body: string, lang?: string) => check(rule, body, lang).findings.length;

const CODE_RULES: Rule[] = twRules.filter((r) => r.meta.twCodes && Object.values(r.meta.twCodes).some((c) => c.some((x) => x.endsWith('C') || x.endsWith('C_1'))));

describe('code rule metadata', () => {
  it('every machine-check code a tw rule carries is in the catalogue of its edition, and the rule level is its codes\' lowest', () => {
    expect(CODE_RULES.length).toBeGreaterThanOrEqual(22);
    for (const rule of CODE_RULES) {
      expect(rule.meta.requires?.length, rule.meta.id).toBeGreaterThan(0);
      for (const ed of TW_EDITIONS) {
        const codes = (rule.meta.twCodes?.[ed] ?? []).filter((c) => !c.endsWith('E'));
        const levels = codes.map((c) => {
          const entry = twCode(ed, c);
          expect(entry, `${rule.meta.id} ${ed} ${c}`).toBeDefined();
          return levelRank(entry!.level);
        });
        if (levels.length) expect(levelRank(rule.meta.level!), `${rule.meta.id} ${ed}`).toBe(Math.min(...levels));
      }
    }
  });

  it('keys renumbered codes per edition: fieldset is HM1130103C in 110.07 and HM1130105C in 115.11; optgroup the other way', () => {
    expect(fieldsetLegend.meta.twCodes).toEqual({ '115.11': ['HM1130105C'], '110.07': ['HM1130103C'] });
    expect(selectOptgroup.meta.twCodes).toEqual({ '115.11': ['HM1130103C'], '110.07': ['HM1130103C_1'] });
    expect(groupedChoices.meta.twCodes).toEqual({ '115.11': ['HM1130105C'] });
    expect(frameTitle.meta.twCodes).toEqual({ '110.07': ['HM1410201C'] });
    expect(iframeTitle.meta.twCodes?.['115.11']).toEqual(['HM1410201C']);
  });

  it('AAA rules are marked AAA', () => {
    const aaa = twRules.filter((r) => r.meta.level === 'AAA').map((r) => r.meta.id).sort();
    expect(aaa).toEqual(['tw/absolute-column-width', 'tw/absolute-line-height', 'tw/fixed-colours', 'tw/link-title-standalone', 'tw/page-headings']);
  });
});

describe('HM1130104C tw/form-field-label', () => {
  it('fails a placeholder-only field and accepts label for, a wrapping label, title, aria-label and aria-labelledby', () => {
    expect(count(formFieldLabel, '<input placeholder="關鍵字">')).toBe(1);
    expect(count(formFieldLabel, '<textarea placeholder="意見"></textarea>')).toBe(1);
    expect(count(formFieldLabel, '<label for="k">關鍵字</label><input id="k" placeholder="關鍵字">')).toBe(0);
    expect(count(formFieldLabel, '<label>關鍵字 <input placeholder="關鍵字"></label>')).toBe(0);
    expect(count(formFieldLabel, '<input title="關鍵字" placeholder="關鍵字">')).toBe(0);
    expect(count(formFieldLabel, '<input aria-label="關鍵字" placeholder="關鍵字">')).toBe(0);
    expect(count(formFieldLabel, '<span id="l">關鍵字</span><input aria-labelledby="l" placeholder="關鍵字">')).toBe(0);
  });

  it('leaves unnamed fields without a placeholder to axe, and skips hidden and button-type inputs', () => {
    expect(count(formFieldLabel, '<input name="q">')).toBe(0);
    expect(count(formFieldLabel, '<label for="x"> </label><input id="x" placeholder="空的標籤">')).toBe(1);
    expect(check(formFieldLabel, '<input type="hidden" placeholder="x"><input type="submit" placeholder="x">').applicable).toBe(false);
    expect(count(formFieldLabel, '<div style="display:none"><input placeholder="x"></div>')).toBe(0);
  });
});

describe('HM1240401C / HM3240900C: links in context and stand-alone links', () => {
  const linkIn = (body: string) => parseHTML(doc(body)).document.querySelector('a')!;
  it('a link has context when its block holds other letters or digits; separators and other links do not count', () => {
    expect(linkInContext(linkIn('<p>詳見<a href="/a">公告</a>。</p>'))).toBe(true);
    expect(linkInContext(linkIn('<li><a href="/a">停水</a><span>115-11-21</span></li>'))).toBe(true);
    expect(linkInContext(linkIn('<li><a href="/a">首頁</a> | <a href="/b">English</a></li>'))).toBe(false);
    expect(linkInContext(linkIn('<li><a href="/a">服務</a><ul><li>子選單文字</li></ul></li>'))).toBe(false);
    expect(linkInContext(linkIn('<td><a href="/a"><img src="x.gif" alt="下載"></a></td>'))).toBe(false);
  });

  it('in context: title required; stand-alone: text and title required', () => {
    expect(count(linkTitleInContext, '<p>詳見<a href="/a">公告</a>。</p>')).toBe(1);
    expect(count(linkTitleInContext, '<p>詳見<a href="/a" title=" ">公告</a>。</p>')).toBe(1);
    expect(count(linkTitleInContext, '<p>詳見<a href="/a" title="停電公告">公告</a>。</p>')).toBe(0);
    expect(check(linkTitleInContext, '<p><a href="/a">公告</a></p>').applicable).toBe(false);
    const standalone = check(linkTitleStandalone, '<p><a href="/a">公告</a></p><p><a href="/b" title="下載"><img src="x" alt=""></a></p><p><a href="/c" title="首頁">首頁</a></p>');
    expect(standalone.findings.map((f) => f.data?.missing)).toEqual(['title', 'text']);
  });
});

describe('HM1130101C tw/table-header-scope', () => {
  const twoWay = (first: string, rowHeader: string, cell = '<td>15元</td>') => `<table><tr>${first}<th scope="col">規費</th></tr><tr>${rowHeader}${cell}</tr></table>`;
  it('in tables with header cells in more than one row, requires scope or a headers reference on every th', () => {
    expect(count(tableHeaderScope, twoWay('<th>項目</th>', '<th>謄本</th>'))).toBe(2);
    expect(count(tableHeaderScope, twoWay('<th scope="col">項目</th>', '<th scope="row">謄本</th>'))).toBe(0);
    expect(count(tableHeaderScope, twoWay('<th scope="colgroup">項目</th>', '<th scope="rowgroup">謄本</th>'))).toBe(0);
    expect(count(tableHeaderScope, twoWay('<th id="i">項目</th>', '<th id="r" headers="i">謄本</th>', '<td headers="r">15元</td>'))).toBe(0);
    // An id nothing points to is no association.
    expect(count(tableHeaderScope, twoWay('<th id="i">項目</th>', '<th scope="row">謄本</th>'))).toBe(1);
    expect(count(tableHeaderScope, `<table><tr><td><table><tr><th>內層</th></tr><tr><th>x</th></tr></table></td></tr></table>`)).toBe(2);
  });
  it('leaves alone a single header row, layout tables and tables without header cells', () => {
    expect(check(tableHeaderScope, '<table><tr><th>名稱</th><th>日期</th></tr><tr><td>a</td><td>b</td></tr></table>').applicable).toBe(false);
    expect(check(tableHeaderScope, '<table role="presentation"><tr><th>x</th></tr><tr><th>y</th></tr></table>').applicable).toBe(false);
    expect(check(tableHeaderScope, '<table><tr><td>x</td></tr></table>').applicable).toBe(false);
  });
});

describe('HM1410201C tw/iframe-title', () => {
  it('fails an iframe named only by ARIA; leaves unnamed iframes to axe and skips aria-hidden ones', () => {
    expect(count(iframeTitle, '<iframe src="about:blank" aria-label="地圖"></iframe>')).toBe(1);
    expect(count(iframeTitle, '<iframe src="about:blank" title=" " aria-label="地圖"></iframe>')).toBe(1);
    expect(count(iframeTitle, '<iframe src="about:blank" title="地圖" aria-label="地圖"></iframe>')).toBe(0);
    expect(count(iframeTitle, '<iframe src="about:blank"></iframe>')).toBe(0);
    expect(count(iframeTitle, '<iframe src="about:blank" aria-label="x" aria-hidden="true"></iframe>')).toBe(0);
  });
});

describe('HM1130100C / HM3241000C headings', () => {
  it('fails no headings at all, and role=heading without aria-level', () => {
    expect(check(headingStructure, '<p>內容</p>').findings).toHaveLength(1);
    expect(check(pageHeadings, '<p>內容</p>').findings).toHaveLength(1);
    expect(count(headingStructure, '<div role="heading">最新消息</div>')).toBe(1);
    expect(count(headingStructure, '<div role="heading" aria-level="2">最新消息</div>')).toBe(0);
    expect(check(pageHeadings, '<div role="heading" aria-level="2">最新消息</div>').findings).toEqual([]);
  });
  it('does not count hidden or presentational headings', () => {
    expect(check(pageHeadings, '<h1 style="display:none">隱藏</h1><h2 role="presentation">裝飾</h2>').findings).toHaveLength(1);
  });
});

describe('HM1110100C tw/img-alt-attribute', () => {
  it('fails an img relying on aria-label, title or role=presentation; alt="" passes; no name at all is axe\'s', () => {
    expect(check(imgAltAttribute, '<img src="a" aria-label="a"><img src="b" title="b"><img src="c" role="presentation"><img src="d" alt=""><img src="e">').findings.map((f) => f.data?.instead)).toEqual(['aria-label', 'title', 'role="presentation"']);
  });
});

describe('HM1240400C tw/adjacent-link-duplicate', () => {
  it('compares consecutive links to the same URL (fragment ignored), image alt against text', () => {
    expect(count(adjacentLinkDuplicate, '<a href="/n#x"><img src="i" alt="最新 消息"></a><a href="/n">最新消息</a>')).toBe(1);
    expect(count(adjacentLinkDuplicate, '<a href="/n"><img src="i" alt="更多"></a><a href="/n">最新消息</a>')).toBe(0);
    expect(check(adjacentLinkDuplicate, '<a href="/a"><img src="i" alt="最新消息"></a><a href="/b">最新消息</a>').applicable).toBe(false);
  });
});

describe('HM2310200C tw/descendant-lang', () => {
  it('fails lang="" and a lang equal to the page\'s (any case); other languages and regions pass', () => {
    expect(check(descendantLang, '<p lang="">x</p><p lang="ZH-hant-tw">y</p><p lang="zh-TW">z</p><p lang="en">w</p><svg lang=""></svg>').findings.map((f) => f.data?.kind)).toEqual(['empty', 'same-as-page']);
    expect(check(descendantLang, '<p>x</p>').applicable).toBe(false);
  });
});

describe('HM1130103C / HM1130105C form grouping', () => {
  const options = (n: number, f = (i: number) => `選項${i}`) => Array.from({ length: n }, (_, i) => `<option>${f(i)}</option>`).join('');
  it('select: unlabelled optgroup fails; more than 8 ungrouped options fail unless a plain sequence', () => {
    expect(count(selectOptgroup, `<select title="s">${options(9)}</select>`)).toBe(1);
    expect(count(selectOptgroup, `<select title="s">${options(8)}</select>`)).toBe(0);
    expect(count(selectOptgroup, `<select title="s">${options(31, (i) => `${i + 1}日`)}</select>`)).toBe(0);
    expect(count(selectOptgroup, `<select title="s"><optgroup label=" ">${options(2)}</optgroup></select>`)).toBe(1);
  });
  it('fieldset needs a legend with text; same-name choices need a fieldset or a named ARIA group, per form', () => {
    expect(count(fieldsetLegend, '<fieldset><legend><img src="x" alt="性別"></legend></fieldset>')).toBe(0);
    expect(count(fieldsetLegend, '<fieldset><p><legend>錯位</legend></p></fieldset>')).toBe(1);
    expect(count(groupedChoices, '<input type="radio" name="a"><input type="radio" name="a">')).toBe(1);
    expect(count(groupedChoices, '<div role="radiogroup" aria-label="性別"><input type="radio" name="a"><input type="radio" name="a"></div>')).toBe(0);
    expect(check(groupedChoices, '<form><input type="radio" name="a"></form><form><input type="radio" name="a"></form>').applicable).toBe(false);
  });
});

describe('HM1130200C tw/bidi-direction and HM1240102C tw/empty-nav', () => {
  it('bidi: dir on an ancestor, <bdi> or LRM/RLM marks pass; pages without RTL text are not applicable', () => {
    expect(count(bidiDirection, '<p>Hebrew שלום here</p>')).toBe(1);
    expect(count(bidiDirection, '<div dir="ltr"><p>Hebrew שלום here</p></div>')).toBe(0);
    expect(count(bidiDirection, '<p>Hebrew \u200fשלום\u200f here</p>')).toBe(0);
    expect(check(bidiDirection, '<p>只有中文與 English</p>').applicable).toBe(false);
  });
  it('nav: fails only without child elements', () => {
    expect(count(emptyNav, '<nav></nav><nav><ul><li>x</li></ul></nav><nav hidden></nav>')).toBe(1);
  });
});

describe('HM1110103C tw/text-art-title (review only)', () => {
  it('lists emoji, kaomoji and ASCII art without a title for review, never as findings; ©, titled and hidden ones are left out', () => {
    const art = '<pre>  /\\_/\\\n ( o.o )\n  > ^ <\n =======</pre>';
    const r = check(textArtTitle, `<p>好消息 🎉</p><p>謝謝 (＾▽＾)</p>${art}<p>© 2026 臺北市政府</p><p title="讚">👍</p><p aria-hidden="true">😀</p>`);
    expect(r.applicable).toBe(false);
    expect(r.findings).toEqual([]);
    expect(r.needsReview?.map((f) => f.data?.kind)).toEqual(['emoji', 'emoticon', 'ascii-art']);
  });
});

describe('AAA CSS rules', () => {
  it('line-height: absolute units (also in the font shorthand) fail; unitless, em and % pass; no line-height at all fails', () => {
    expect(declarationHitsInStylesheet('a{line-height:20px}b{font:12px/18px serif}c{line-height:1.5}d{line-height:1.2em}e{font:1rem/150% serif}', absoluteLineHeightTest).map((h) => h.selector)).toEqual(['a', 'b']);
    expect(check(absoluteLineHeight, '<p>x</p>', 'zh-Hant-TW', '<style>p{line-height:1.6}</style>').findings).toEqual([]);
    expect(check(absoluteLineHeight, '<p>x</p>', 'zh-Hant-TW', '<style>p{color:red}</style>').findings[0]!.data).toEqual({ count: 0 });
  });
  it('max-width: absolute units fail; media-query conditions, %, ch and calc with relative units do not', () => {
    expect(declarationHitsInStylesheet('@media (max-width: 768px){.a{max-width:300px}}.b{max-width:100%}.c{max-width:70ch}.d{max-width:calc(100% - 20px)}', absoluteMaxWidthTest).map((h) => h.selector)).toEqual(['.a']);
  });
  it('colours: both set on main content with no alternative fail; a switch, prefers-color-scheme or an alternate sheet pass', () => {
    const both = '<style>body{color:#333}main{background-color:#fff}</style>';
    expect(check(fixedColours, `${both}<main>x</main>`).findings).toHaveLength(1);
    expect(check(fixedColours, '<style>.header{color:#333;background:#fff}</style>').findings).toEqual([]);
    expect(check(fixedColours, '<style>body{color:#333;background:url(bg.png) no-repeat}</style>').findings).toEqual([]);
    expect(check(fixedColours, `${both}<button>深色模式</button>`).findings).toEqual([]);
    expect(check(fixedColours, `${both}<style>@media (prefers-contrast: more){body{color:#000}}</style>`).findings).toEqual([]);
    expect(check(fixedColours, both, 'zh-Hant-TW', '<link rel="alternate stylesheet" href="hc.css" title="高對比">').findings).toEqual([]);
  });
});

describe('levels and review items through assembly', () => {
  const assemble = async (level: 'A' | 'AA' | 'AAA', html: string) => {
    const { assembleSiteResult } = await import('../../../worker/assemble.ts');
    const { defaultConfig } = await import('../../../core/config.ts');
    const { makeSite } = await import('../../helpers/artifacts.ts');
    const config = defaultConfig();
    config.level = level;
    config.twEdition = '115.11';
    const engines = { govcheck: 't', 'axe-core': 't', lighthouse: null, chromium: null, ruleset: 't' };
    return assembleSiteResult({ site: makeSite([makePage(html)]), categories: ['governance'], config, now: new Date('2026-12-01T00:00:00Z'), lang: 'en', engines, startedAt: new Date(), skippedPages: [] });
  };
  const html = doc('<p>好消息 🎉 <a href="/a">公告</a></p><style>p{line-height:20px}</style>');

  it('AAA code rules run only at level AAA', async () => {
    const rulesAt = async (level: 'A' | 'AA' | 'AAA') => new Set((await assemble(level, html)).pages[0]!.findings.map((f) => f.rule));
    expect((await rulesAt('AA')).has('tw/absolute-line-height')).toBe(false);
    expect((await rulesAt('AA')).has('tw/link-title-in-context')).toBe(true);
    const aaa = await rulesAt('AAA');
    expect(aaa.has('tw/absolute-line-height')).toBe(true);
    expect([...aaa].filter((r) => r.startsWith('tw/')).length).toBeGreaterThan([...(await rulesAt('AA'))].filter((r) => r.startsWith('tw/')).length);
  });

  it('review items of a rule reach the page needsReview with the rule id, and findings carry the edition\'s codes', async () => {
    const page = (await assemble('AA', html)).pages[0]!;
    const review = page.needsReview.find((n) => n.rule === 'tw/text-art-title');
    expect(review?.nodes).toHaveLength(1);
    expect(review?.nodes[0]!.reason).toContain('emoji');
    expect(page.findings.find((f) => f.rule === 'tw/link-title-in-context')?.twCodes).toEqual(['HM1240401C']);
  });
});
