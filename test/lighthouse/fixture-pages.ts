// Fixture pages of known heaviness for the Lighthouse tests and benchmark, served on 127.0.0.1 by
// startFixtureServer routes (generated in memory: a 1.5 MB noise image does not belong in git).
//   /light.html          small static page: should score well on every metric
//   /blocking.html       a ~300 KB synchronous script in <head> (render-blocking) that also runs
//                        long main-thread tasks after load (total blocking time)
//   /shift.html          a big image without width/height that arrives late and pushes the text
//                        down (cumulative layout shift, unsized-images, heavy transfer)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { RouteHandler } from '../../fixtures/server.ts';

const TEXT = '本局提供民眾便捷的線上服務，包括申辦、查詢與意見信箱。The bureau offers online services, enquiries and a mailbox. ';

function page(title: string, head: string, body: string): string {
  return `<!DOCTYPE html><html lang="zh-Hant-TW"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${title}">
<title>${title}</title>
<style>body{font-family:sans-serif;margin:0 1em;line-height:1.5}img{max-width:100%}</style>
${head}</head><body><header><h1>${title}</h1></header><main>${body}</main>
<footer><p>更新日期：115年11月2日</p></footer></body></html>`;
}

const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>${i + 1}. ${TEXT.repeat(3)}</p>`).join('\n');

export const LIGHT_HTML = page('輕量頁面 Light page', '', paragraphs(6));

export const BLOCKING_HTML = page(
  '重腳本頁面 Blocking script page',
  '<script src="/heavy.js"></script>',
  paragraphs(6),
);

export const SHIFT_HTML = page(
  '版面位移頁面 Layout shift page',
  '',
  `<p>${TEXT}</p><img src="/big.png" alt="活動照片 Event photo">${paragraphs(6)}`,
);

/** Wall-clock busy loop: the observed task length does not depend on how loaded the machine is. */
function heavyScript(): string {
  // Never-called functions make the file big and mostly unused (unused-javascript), and the
  // synchronous <script> in <head> blocks the first paint (render-blocking-resources).
  const filler = Array.from(
    { length: 2500 },
    (_, i) => `function unusedHelper${i}(a, b) { var total = 0; for (var k = 0; k < a; k++) { total += (k * ${i}) % (b + 1); } return total + ${i}; }`,
  ).join('\n');
  return `${filler}
function busy(ms) { var end = Date.now() + ms; var x = 0; while (Date.now() < end) { x += Math.sqrt(x + 1); } return x; }
busy(150);
window.addEventListener('load', function () {
  // Long tasks after the first paint: each one counts towards total blocking time.
  for (var i = 0; i < 4; i++) setTimeout(function () { busy(250); }, 50 * i);
});
`;
}

/** A truecolor PNG of random noise: incompressible, so its transfer size is its pixel size. */
export function noisePng(width: number, height: number): Buffer {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) randomBytes(width * 3).copy(raw, y * row + 1); // filter byte 0
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolor RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const send = (type: string, body: string | Buffer, delayMs = 0): RouteHandler => async (_req: IncomingMessage, res: ServerResponse) => {
  if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache' });
  res.end(body);
};

const HTML = 'text/html; charset=utf-8';

/** Routes for startFixtureServer({ routes }). */
export function heavinessRoutes(): Record<string, RouteHandler> {
  const png = noisePng(800, 600);
  return {
    '/light.html': send(HTML, LIGHT_HTML),
    '/blocking.html': send(HTML, BLOCKING_HTML),
    '/heavy.js': send('text/javascript; charset=utf-8', heavyScript()),
    '/shift.html': send(HTML, SHIFT_HTML),
    // Late enough that the text paints first and then moves down when the image lands.
    '/big.png': send('image/png', png, 1200),
    '/robots.txt': send('text/plain; charset=utf-8', 'User-agent: *\nAllow: /\n'),
    '/favicon.ico': (_req, res) => void res.writeHead(204).end(),
  };
}

/** A page whose response never arrives: for timeout handling. */
export const hangingRoute: RouteHandler = () => new Promise<void>(() => {});
