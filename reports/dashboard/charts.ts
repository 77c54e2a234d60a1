// Score distribution as an inline SVG bar chart (the trend line chart is reports/sweep-report/svg.ts).
// The chart has a title and description; the page prints the same counts in a table.
import { esc } from '../sweep-report/html-escape.ts';

/** Ten bins: 0–9, 10–19, …, 80–89, 90–100. */
export function scoreBins(scores: (number | null)[]): number[] {
  const bins = new Array<number>(10).fill(0);
  for (const s of scores) if (s !== null) bins[Math.min(9, Math.floor(Math.max(0, s) / 10))]++;
  return bins;
}

export const binLabel = (i: number) => (i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`);

export function histogramSvg(opts: { id: string; title: string; description: string; bins: number[] }): string {
  const width = 640;
  const height = 220;
  const pad = { left: 40, right: 12, top: 12, bottom: 36 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...opts.bins);
  const barW = plotW / opts.bins.length;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" role="img" aria-labelledby="${opts.id}-title ${opts.id}-desc">`,
    `<title id="${opts.id}-title">${esc(opts.title)}</title><desc id="${opts.id}-desc">${esc(opts.description)}</desc>`,
  ];
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  for (const t of ticks) {
    const y = pad.top + plotH - (plotH * t) / max;
    out.push(`<line class="grid" x1="${pad.left}" x2="${width - pad.right}" y1="${y}" y2="${y}"/><text class="axis" x="${pad.left - 6}" y="${y + 4}" text-anchor="end">${t}</text>`);
  }
  opts.bins.forEach((n, i) => {
    const h = (plotH * n) / max;
    const x = pad.left + i * barW;
    if (n > 0) out.push(`<rect class="bar" x="${(x + 3).toFixed(1)}" y="${(pad.top + plotH - h).toFixed(1)}" width="${(barW - 6).toFixed(1)}" height="${h.toFixed(1)}"/>`);
    out.push(`<text class="axis" x="${(x + barW / 2).toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="middle">${binLabel(i)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
