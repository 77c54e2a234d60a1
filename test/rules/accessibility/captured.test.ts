// govcheck's own accessibility rules on captured artifacts of real Chromium loads (test/captures).
import { describe, expect, it } from 'vitest';
import { rowsInTableOrder } from '../../../rules/accessibility/lib/table-headers.ts';
import { findingsOf, loadCapture, outcomeOf, replayed } from '../../helpers/captures.ts';

describe('a11y/* on captured pages', () => {
  it('a header cell labelling no cell and light text over a gradient fail, with the element as evidence', () => {
    const r = replayed('a11y');
    expect(findingsOf(r, 'a11y/table-header-has-cells').map((f) => f.snippet)).toEqual(['<th>備註</th>']);
    const contrast = findingsOf(r, 'a11y/contrast-over-backgrounds');
    expect(contrast).toHaveLength(1);
    expect(contrast[0].snippet).toContain('class="banner"');
    expect(r.scores.accessibility).toBeLessThan(80);
  });

  it('a news table whose headers label cells passes; pages without tables or backgrounds are not judged', () => {
    expect(outcomeOf(replayed('news'), 'a11y/table-header-has-cells')).toBe('pass');
    // The browser reports row groups in markup order (the tfoot sits before the tbody); the table model puts it last.
    const news = loadCapture('news').site.pages[0]!.tables![0]!;
    const text = (rows: typeof news.rows) => rows.map((r) => r.cells[0]!.text);
    expect(text(news.rows)).toEqual(['標題', '共 3 則', '本局辦理年度業務說明會', '春節期間服務時間調整', '年度預算公告']);
    expect(text(rowsInTableOrder(news))).toEqual(['標題', '本局辦理年度業務說明會', '春節期間服務時間調整', '年度預算公告', '共 3 則']);
    expect(outcomeOf(replayed('tw-good'), 'a11y/contrast-over-backgrounds')).toBe('inapplicable');
  });
});
