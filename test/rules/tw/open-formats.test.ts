import { describe, expect, it } from 'vitest';
import { fileFormatOf } from '../../../rules/tw/lib/files.ts';
import { openFormats } from '../../../rules/tw/open-formats.ts';
import { makePage } from '../../helpers/artifacts.ts';
import { parseHTML } from 'linkedom';
import { HYWEB, LEGACY, MODERN } from './fixtures.ts';
import { edit, run } from './helpers.ts';

const body = (inner: string) => `<html><body><main>${inner}</main></body></html>`;
const flagged = (html: string) => run(openFormats, makePage(html)).findings.map((f) => f.data?.href);

describe('tw/open-formats', () => {
  it('reports a Hyweb download offered only as DOCX (zh and en)', () => {
    let html = edit(HYWEB, /<a href="\/Download\.ashx\?u=LzAwMS9VcGxvYWQv&amp;[^>]*>ODT<\/a>/, '');
    html = edit(html, /<a href="\/Download\.ashx\?u=LzAwMS9VcGxvYWQw&amp;[^>]*>PDF<\/a>/, '');
    const { findings } = run(openFormats, makePage(html));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message['zh-TW']).toContain('提供 .docx 檔下載，但同一項目沒有 ODF 或 PDF 版本');
    expect(findings[0]!.message.en).toContain('is offered as .docx without an ODF or PDF version');
    expect(findings[0]!.data).toMatchObject({ format: 'docx', proprietaryLinks: 1, withoutAlternative: 1 });
  });

  it('reports the legacy table row whose only alternative is in another row', () => {
    const html = edit(LEGACY, /<td><a href="download\/aid\.ods">.*?<\/a><\/td>/, '<td></td>');
    expect(flagged(html)).toEqual(['download/aid.xls']);
  });

  it('reports the modern list item when the PDF is removed', () => {
    const html = edit(MODERN, '<a href="/files/annual-report-2025.pdf">PDF</a> ', '');
    expect(flagged(html)).toEqual(['/files/annual-report-2025.docx']);
  });

  it('does not borrow an alternative from a sibling item', () => {
    const html = body(`<ul>
      <li>會議紀錄 <a href="/f/minutes.docx">下載</a></li>
      <li>年度預算 <a href="/f/budget.pdf">下載</a></li></ul>
      <div class="list"><div class="item"><a href="/f/a.xlsx">A.xlsx</a> 統計表</div><div class="item"><a href="/f/b.ods">B.ods</a> 名冊</div></div>
      <ul><li><a href="/f/plan.doc">plan.doc</a></li><li><a href="/f/report.odt">report.odt</a></li></ul>`);
    expect(flagged(html)).toEqual(['/f/minutes.docx', '/f/a.xlsx', '/f/plan.doc']);
  });

  it('accepts alternatives by format slot, same basename, or side by side', () => {
    const html = body(`
      <div class="item"><h3>申請表</h3><ul><li><a href="/dl?id=1">ODT</a></li><li><a href="/dl?id=2">DOCX</a></li></ul></div>
      <p>附件：<a href="/upload/附件一.docx">附件一.docx</a></p>
      <section><h2>其他格式</h2><a href="/upload/%E9%99%84%E4%BB%B6%E4%B8%80.pdf">附件一.pdf</a></section>
      <table><tr><td>人口統計</td><td><a href="/stat.xls">XLS</a></td><td><a href="/stat.csv">CSV</a></td></tr></table>
      <li>簡報 <a href="/s.pptx">pptx</a> | <a href="/s.odp">odp</a></li>`);
    expect(flagged(html)).toEqual([]);
  });

  it('reads the format from query values, download attributes and titles', () => {
    const { document } = parseHTML(`<body>
      <a id="a" href="/Download.ashx?u=x&amp;n=5a6J.docx&amp;icon=..docx">下載</a>
      <a id="b" href="/GetFile?id=3" download="名冊.xlsx">名冊</a>
      <a id="c" href="/File.aspx?id=4" title="計畫書.pptx(另開新視窗)">計畫書</a>
      <a id="d" href="/News_Content.aspx?n=1">新聞.docx 說明</a>
      <a id="e" href="/report.PDF?v=2">Report</a></body>`);
    const fmt = (id: string) => fileFormatOf(document.getElementById(id)!, 'https://www.example.gov.tw/');
    expect(fmt('a')).toEqual({ ext: 'docx', basename: '5a6j' });
    expect(fmt('b')).toEqual({ ext: 'xlsx', basename: '名冊' });
    expect(fmt('c')).toEqual({ ext: 'pptx', basename: '計畫書' });
    expect(fmt('d')).toBeNull();
    expect(fmt('e')).toEqual({ ext: 'pdf', basename: 'report' });
  });

  it('is not applicable when the page offers no doc/xls/ppt download', () => {
    expect(run(openFormats, makePage(body('<a href="/a.pdf">PDF</a>'))).applicable).toBe(false);
  });
});
