// Inline SVG charts for the self-contained HTML report (no script, no network). Each chart has a
// title and description for screen readers, and the report prints the same numbers in a table.
import { esc } from './html-escape.ts';

export interface Series {
  name: string;
  /** One value per x position, null for a gap; scores 0–100 (coverage given as a percentage). */
  values: (number | null)[];
  className: string;
  dashed?: boolean;
}

export interface LineChart {
  id: string;
  title: string;
  description: string;
  labels: string[];
  series: Series[];
  width?: number;
  height?: number;
}

export function lineChartSvg(c: LineChart): string {
  const width = c.width ?? 640;
  const height = c.height ?? 240;
  const pad = { left: 40, right: 16, top: 16, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const n = c.labels.length;
  const x = (i: number) => pad.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => pad.top + plotH - (plotH * Math.max(0, Math.min(100, v))) / 100;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" role="img" aria-labelledby="${c.id}-title ${c.id}-desc">`);
  out.push(`<title id="${c.id}-title">${esc(c.title)}</title><desc id="${c.id}-desc">${esc(c.description)}</desc>`);
  for (const tick of [0, 25, 50, 75, 100]) {
    out.push(`<line class="grid" x1="${pad.left}" x2="${width - pad.right}" y1="${y(tick)}" y2="${y(tick)}"/>`);
    out.push(`<text class="axis" x="${pad.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`);
  }
  const every = Math.max(1, Math.ceil(n / 8));
  c.labels.forEach((label, i) => {
    if (i % every === 0 || i === n - 1) out.push(`<text class="axis" x="${x(i)}" y="${height - pad.bottom + 18}" text-anchor="middle">${esc(label)}</text>`);
  });
  for (const s of c.series) {
    // Consecutive non-null values form a segment; a gap breaks the line.
    let seg: string[] = [];
    const flush = () => {
      if (seg.length > 1) out.push(`<polyline class="${s.className}" fill="none"${s.dashed ? ' stroke-dasharray="6 4"' : ''} points="${seg.join(' ')}"/>`);
      seg = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) return flush();
      seg.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    flush();
    s.values.forEach((v, i) => {
      if (v !== null) out.push(`<circle class="${s.className}" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="4"><title>${esc(`${s.name} ${c.labels[i]}: ${v}`)}</title></circle>`);
    });
  }
  out.push('</svg>');
  return out.join('');
}

/** A tiny decorative trend line next to numbers that say the same thing (aria-hidden). */
export function sparklineSvg(values: (number | null)[], className = 'spark'): string {
  const pts = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
  if (pts.length < 2) return '';
  const w = 96;
  const h = 24;
  const x = (i: number) => 2 + ((w - 4) * i) / Math.max(1, values.length - 1);
  const y = (v: number) => 2 + (h - 4) * (1 - v / 100);
  return `<svg class="${className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" aria-hidden="true" focusable="false"><polyline fill="none" points="${pts.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}"/></svg>`;
}
