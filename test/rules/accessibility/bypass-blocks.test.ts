// a11y/bypass-blocks on saved artifacts: fails only when a block comes before the content and no
// heading, main landmark, working same-page link or skip/collapse control exists.
import { describe, expect, it } from 'vitest';
import type { HeadingArtifact, LandmarkArtifact } from '../../../core/types.ts';
import { bypassBlocks } from '../../../rules/accessibility/bypass-blocks.ts';
import { makePage, makeSite, pageContext } from '../../helpers/artifacts.ts';

const TEXT = '<p>本署負責環境保護政策的規劃與推動，並定期公布空氣品質監測結果與各項統計資料。</p>';

function run(body: string, headings: HeadingArtifact[] = [], landmarks: LandmarkArtifact[] = []) {
  const page = makePage(`<!DOCTYPE html><html lang="zh-Hant"><head><title>t</title></head><body>${body}</body></html>`, { headings, landmarks });
  page.links = page.links.map((l) => ({ ...l, visible: true }));
  return bypassBlocks.check(page, pageContext(makeSite([page]), page));
}

const MENU = '<div class="menu"><a href="/news">最新消息</a><a href="/about">關於本署</a></div>';

describe('a11y/bypass-blocks', () => {
  it('fails a menu before the content with no way past it', () => {
    const r = run(`${MENU}<div id="center">${TEXT}</div>`);
    expect(r.applicable).toBe(true);
    expect(r.findings).toHaveLength(1);
  });

  it('passes with a heading, a main landmark, a working ::: anchor, or a collapse control', () => {
    expect(run(`${MENU}${TEXT}`, [{ level: 1, name: '關於本署', exposed: true, visible: true, selector: 'h1' }]).findings).toEqual([]);
    expect(run(`${MENU}<main>${TEXT}</main>`, [], [{ role: 'main', exposed: true, hasContent: true, selector: 'main' }]).findings).toEqual([]);
    expect(run(`<a href="#C" title="中央內容區塊">:::</a>${MENU}<a name="C"></a>${TEXT}`).findings).toEqual([]);
    expect(run(`<button aria-expanded="true" aria-controls="m">選單</button>${MENU}${TEXT}`).findings).toEqual([]);
  });

  it('does not count hidden headings or landmarks, nor a skip link to a missing target', () => {
    const hidden: HeadingArtifact = { level: 1, name: '關於本署', exposed: false, visible: false, selector: 'h1' };
    expect(run(`<a href="#main">跳到主要內容</a>${MENU}${TEXT}`, [hidden], [{ role: 'main', exposed: false, hasContent: true, selector: 'main' }]).findings).toHaveLength(1);
  });

  it('is not applicable when the content comes first or there is no block', () => {
    expect(run(`${TEXT}${MENU}`).applicable).toBe(false);
    expect(run(TEXT).applicable).toBe(false);
  });
});
