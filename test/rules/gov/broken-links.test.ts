import { describe, expect, it } from 'vitest';
import type { LinkCheck } from '../../../core/types.ts';
import { brokenExternalLinks } from '../../../rules/gov/broken-external-links.ts';
import { brokenLinks } from '../../../rules/gov/broken-links.ts';
import { runOnSite } from './run.ts';

const check = (over: Partial<LinkCheck>): LinkCheck => ({
  url: 'https://www.example.gov.tw/a',
  fromPage: 'https://www.example.gov.tw/',
  status: 200,
  ok: true,
  external: false,
  error: null,
  skipped: false,
  linkText: '連結',
  selector: 'a:nth-of-type(1)',
  ...over,
});

const CHECKS: LinkCheck[] = [
  check({ url: 'https://www.example.gov.tw/ok' }),
  check({ url: 'https://www.example.gov.tw/gone', status: 404, ok: false, linkText: '舊公告', fromPage: 'https://www.example.gov.tw/news' }),
  check({ url: 'https://www.example.gov.tw/err', status: 500, ok: false }),
  check({ url: 'https://www.example.gov.tw/down', status: null, ok: false, error: 'ECONNREFUSED' }),
  check({ url: 'https://www.example.gov.tw/slow', status: 429, ok: false }),
  check({ url: 'https://www.example.gov.tw/never', status: null, ok: false, skipped: true }),
  check({ url: 'https://other.example.org/x', status: 404, ok: false, external: true }),
  check({ url: 'https://third.example.org/y', status: null, ok: false, external: true, skipped: true }),
];

describe('gov/broken-links', () => {
  it('reports same-origin broken links with their status and page', () => {
    const r = runOnSite(brokenLinks, { linkChecks: CHECKS });
    expect(r.findings.map((f) => f.data?.url)).toEqual([
      'https://www.example.gov.tw/gone',
      'https://www.example.gov.tw/err',
      'https://www.example.gov.tw/down',
    ]);
    const gone = r.findings[0]!;
    expect(gone.message.en).toContain('HTTP 404');
    expect(gone.message['zh-TW']).toContain('舊公告');
    expect(gone.pageUrl).toBe('https://www.example.gov.tw/news');
    expect(r.findings[2]!.message.en).toContain('ECONNREFUSED');
  });

  it('passes when every same-origin link is fine, skipped or only external', () => {
    const r = runOnSite(brokenLinks, { linkChecks: [CHECKS[0]!, CHECKS[5]!, CHECKS[6]!] });
    expect(r).toEqual({ applicable: true, findings: [] });
  });

  it('is not applicable when no same-origin link was checked', () => {
    expect(runOnSite(brokenLinks, { linkChecks: [] }).applicable).toBe(false);
    expect(runOnSite(brokenLinks, { linkChecks: [CHECKS[5]!] }).applicable).toBe(false);
  });

  it('reports a link once per page even when it appears twice', () => {
    const r = runOnSite(brokenLinks, { linkChecks: [CHECKS[1]!, CHECKS[1]!] });
    expect(r.findings).toHaveLength(1);
  });
});

describe('gov/broken-external-links', () => {
  it('reports only external links that were fetched and broken, as minor', () => {
    const r = runOnSite(brokenExternalLinks, { linkChecks: CHECKS });
    expect(r.findings.map((f) => f.data?.url)).toEqual(['https://other.example.org/x']);
    expect(brokenExternalLinks.meta.severity).toBe('minor');
  });

  it('is not applicable when external links were skipped (no outside network)', () => {
    expect(runOnSite(brokenExternalLinks, { linkChecks: [CHECKS[0]!, CHECKS[7]!] }).applicable).toBe(false);
  });

  it('passes when fetched external links are fine', () => {
    const r = runOnSite(brokenExternalLinks, { linkChecks: [check({ url: 'https://other.example.org/', external: true })] });
    expect(r).toEqual({ applicable: true, findings: [] });
  });
});
