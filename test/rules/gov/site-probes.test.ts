import { describe, expect, it } from 'vitest';
import type { FetchedResource, SitemapArtifact } from '../../../core/types.ts';
import { robotsSitemap } from '../../../rules/gov/robots-sitemap.ts';
import { soft404 } from '../../../rules/gov/soft-404.ts';
import { runOnSite } from './run.ts';

const fetched = (url: string, status: number | null, body: string | null = '', headers: Record<string, string> = {}): FetchedResource => ({
  url,
  status,
  headers,
  body,
  error: status === null ? 'ECONNREFUSED' : null,
});
const sitemap = (status: number | null, entries = 3, error: string | null = null): SitemapArtifact => ({
  url: 'https://www.example.gov.tw/sitemap.xml',
  status,
  entries: Array.from({ length: entries }, (_, i) => ({ loc: `https://www.example.gov.tw/${i}`, lastmod: '2026-11-01' })),
  error,
});
const ROBOTS_OK = fetched('https://www.example.gov.tw/robots.txt', 200, 'User-agent: *\nDisallow:\n', { 'content-type': 'text/plain' });

describe('gov/soft-404', () => {
  it('a random path answering 200 is a finding', () => {
    const r = runOnSite(soft404, { soft404: fetched('https://www.example.gov.tw/govcheck-3f9c', 200, '<html>找不到網頁</html>') });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message.en).toContain('HTTP 200');
  });
  it('404 and 410 pass', () => {
    expect(runOnSite(soft404, { soft404: fetched('https://www.example.gov.tw/x', 404) }).findings).toEqual([]);
    expect(runOnSite(soft404, { soft404: fetched('https://www.example.gov.tw/x', 410) }).findings).toEqual([]);
  });
  it('is not applicable when the probe did not run or got no answer', () => {
    expect(runOnSite(soft404, { soft404: null }).applicable).toBe(false);
    expect(runOnSite(soft404, { soft404: fetched('https://www.example.gov.tw/x', null) }).applicable).toBe(false);
  });
});

describe('gov/robots-sitemap', () => {
  it('robots.txt and sitemap.xml both present pass', () => {
    expect(runOnSite(robotsSitemap, { robots: ROBOTS_OK, sitemap: sitemap(200) })).toEqual({ applicable: true, findings: [] });
  });
  it('a missing robots.txt is a finding', () => {
    const r = runOnSite(robotsSitemap, { robots: fetched('https://www.example.gov.tw/robots.txt', 404), sitemap: sitemap(200) });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message.en).toContain('robots.txt is missing (HTTP 404)');
  });
  it('a robots.txt that is really the home page is a finding', () => {
    const html = fetched('https://www.example.gov.tw/robots.txt', 200, '<!DOCTYPE html><html>', { 'content-type': 'text/html' });
    expect(runOnSite(robotsSitemap, { robots: html, sitemap: sitemap(200) }).findings).toHaveLength(1);
  });
  it('a missing or unparsable sitemap.xml is a finding', () => {
    expect(runOnSite(robotsSitemap, { robots: ROBOTS_OK, sitemap: sitemap(404, 0) }).findings[0]!.message.en).toContain('sitemap.xml is missing');
    expect(runOnSite(robotsSitemap, { robots: ROBOTS_OK, sitemap: null }).findings).toHaveLength(1);
    expect(runOnSite(robotsSitemap, { robots: ROBOTS_OK, sitemap: sitemap(200, 0, 'not XML') }).findings).toHaveLength(1);
  });
  it('both missing are two findings', () => {
    expect(runOnSite(robotsSitemap, { robots: fetched('https://www.example.gov.tw/robots.txt', 404), sitemap: sitemap(404, 0) }).findings).toHaveLength(2);
  });
  it('is not applicable when neither probe ran', () => {
    expect(runOnSite(robotsSitemap, { robots: null, sitemap: null }).applicable).toBe(false);
  });
});
