import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../../scheduler/progress.ts';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, columns: 120, write: (s: string) => out.push(s) } };
}

describe('sweep progress', () => {
  it('writes one plain line per site when not on a terminal, with done/failed, pages/min and ETA', () => {
    let now = 0;
    const { out, stream } = sink(false);
    const p = createProgress(stream, { clock: () => now });
    p.start(4, 1);
    now = 60_000;
    p.siteDone({ url: 'https://a.gov.tw/', status: 'ok', overall: 83, pages: 5, error: null, durationMs: 12_300 });
    now = 120_000;
    p.siteDone({ url: 'https://b.gov.tw/', status: 'timeout', overall: null, pages: 0, error: 'navigation timeout', durationMs: 30_000 });
    p.finish();
    expect(out).toEqual([
      'govcheck sweep: 4 sites, 1 already recorded\n',
      '[2/4] https://a.gov.tw/ ok 83 (5 pages, 12.3s) · failed 0 · 5.0 pages/min · ETA 2m00s\n',
      '[3/4] https://b.gov.tw/ timeout: navigation timeout (0 pages, 30.0s) · failed 1 · 2.5 pages/min · ETA 1m00s\n',
    ]);
    expect(out.join('')).not.toContain('\r');
  });

  it('redraws a single bar on a terminal and prints failures above it', () => {
    let now = 0;
    const { out, stream } = sink(true);
    const p = createProgress(stream, { clock: () => now });
    p.start(2, 0);
    now = 30_000;
    p.siteDone({ url: 'https://b.gov.tw/', status: 'blocked', overall: null, pages: 0, error: 'HTTP 403', durationMs: 1000 });
    p.finish();
    const text = out.join('');
    expect(text).toContain('\r\x1b[2K');
    expect(text).toContain('✗ https://b.gov.tw/: blocked: HTTP 403\n');
    expect(out.at(-2)).toMatch(/1\/2 完成 done · 1 失敗 failed · 0\.0 頁\/分 pages\/min · ETA 30s$/);
  });

  it('is silent with quiet', () => {
    const { out, stream } = sink(true);
    const p = createProgress(stream, { quiet: true });
    p.start(1, 0);
    p.finish();
    expect(out).toEqual([]);
  });

  it('formats durations', () => {
    expect([formatDuration(4_400), formatDuration(125_000), formatDuration(3 * 3600_000 + 5 * 60_000)]).toEqual(['4s', '2m05s', '3h05m']);
  });
});
