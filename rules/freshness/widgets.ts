// Regions whose dates say nothing about when content changed.
// - Widgets (left out of the page text entirely): calendars and date pickers (every day of a month),
//   weather boxes, disaster/traffic alert tickers, marquees, clocks and countdowns, visitor and
//   "online now" counters; <marquee>, role=timer and role=marquee.
// - Live regions (aria-live, role=status/alert/log) hold either a ticker or, often, a news carousel
//   (Slick and Swiper mark their track aria-live): only a date there that is the scan date — what a
//   clock or a "today" box shows — is left out (extract.ts).

/** Calendar and date-picker widgets: every day of a month, none of it content. Matched inside class/id. */
const CALENDAR = /calendar|datepicker|date-picker|datetimepicker|flatpickr|daterangepicker|pika-|\bcal-|行事曆/i;
/** Live-data widgets, matched inside class/id (camelCase and -/_ compounds: weatherBox, news-ticker, alert_bar). */
const LIVE_WIDGET = new RegExp(
  [
    'weather', 'forecast', '天氣', '氣象', 'marquee', '(?<!s)ticker', 'clock', 'countdown', 'count-down',
    'visitor-?(?:counts?|counter|num|number|stats?)', 'webcounter', 'hit-?counter', 'hitcount', 'online-?(?:now|users?|counts?|people|visitors?)', 'onlineuser',
    '(?:disaster|emergency|typhoon|earthquake|quake|traffic|road)[-_]?(?:alert|warning|ticker|marquee|bar|info|news)',
    'alert[-_]?(?:bar|ticker|marquee|banner|news|scroll)', 'current-?(?:date|time)', 'today-?(?:date|time)',
    'date-?today', 'now-?(?:date|time)', 'sys-?(?:date|time)',
  ].join('|'),
  'i',
);
/** A whole class token "counter"/"visitors"/"online" (not "counter-box" stats: harmless, but keep the list tight). */
const WIDGET_TOKEN = /^(?:counter|counters|visitors?|online|uv|aqi|pm25)$/i;
const WIDGET_ROLES = new Set(['timer', 'marquee']);
const LIVE_ROLES = new Set(['status', 'alert', 'log']);
/** Carousels mark their track aria-live (Slick, Swiper): a news carousel, not a live widget. */
const CAROUSEL = /swiper|slick|carousel|slider|owl-|splide|glide|flickity|slideshow/i;

function marksOf(el: Element): string {
  return `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
}

/** Whether `el` itself is a calendar, date picker or live-data widget (its whole subtree is left out). */
export function isWidget(el: Element, tag: string): boolean {
  if (tag === 'marquee') return true;
  const role = el.getAttribute('role');
  if (role && WIDGET_ROLES.has(role.trim().toLowerCase())) return true;
  const marks = marksOf(el);
  if (!marks.trim()) return false;
  if (CALENDAR.test(marks) || LIVE_WIDGET.test(marks)) return true;
  return marks.split(/\s+/).some((t) => WIDGET_TOKEN.test(t));
}

/** The live region (aria-live polite/assertive, role=status/alert/log) an element sits in, unless it is a carousel track. */
export function liveRegionOf(el: Element): Element | null {
  for (let n: Element | null = el, depth = 0; n && depth < 12; n = n.parentElement, depth++) {
    const tag = n.localName;
    if (tag === 'body' || tag === 'html') return null;
    const live = (n.getAttribute('aria-live') ?? '').trim().toLowerCase();
    const role = (n.getAttribute('role') ?? '').trim().toLowerCase();
    if ((live === 'polite' || live === 'assertive') || LIVE_ROLES.has(role)) return CAROUSEL.test(marksOf(n)) ? null : n;
  }
  return null;
}
