// Three home pages in the markup styles real Taiwanese government sites use. Each is "good" for the
// Taiwan-convention rules unless noted; tests derive failing variants with small edits. The pages live in
// test/captures/pages/, so the unedited ones are also captured from real Chromium (npm run capture).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/cli.ts';

const page = (name: string) => readFileSync(join(ROOT, 'test/captures/pages', `${name}.html`), 'utf8');

/** Hyweb / HyUI style: div.header / div.main / div.footer, goCenter skip link, ::: bricks, Download.ashx files. */
export const HYWEB = page('tw-hyweb');

/**
 * Legacy table layout: no semantic regions, <font> tags, image links, a spacer-image skip link, ::: bricks
 * with name anchors, px font sizes, and a 2016 A+ mark on handicap-free.nat.gov.tw (expired by 2026).
 */
export const LEGACY = page('tw-legacy');

/** Modern semantic layout in English: header/nav/main/footer, visually-hidden new-window text, rem sizes. */
export const MODERN = page('tw-modern');

export const STYLES = { hyweb: HYWEB, legacy: LEGACY, modern: MODERN } as const;
