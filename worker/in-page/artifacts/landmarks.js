// landmarks: landmark regions (main, navigation, banner, contentinfo…) with exposure and content.
// Page script (source text, never transpiled), called with the helpers of common.js.
(h) => {
  const { roleOf, exposedEl, refOf, selectorOf } = h;
  const LANDMARK_TAGS = { MAIN: 'main', NAV: 'navigation', ASIDE: 'complementary', SEARCH: 'search' };
  const LANDMARK_ROLES = ['main', 'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'region', 'form'];
  const landmarks = [];
  for (const el of document.querySelectorAll('main, nav, aside, search, header, footer, [role]')) {
    if (landmarks.length >= 200) break;
    const explicit = roleOf(el);
    let role = explicit && LANDMARK_ROLES.includes(explicit) ? explicit : explicit ? null : LANDMARK_TAGS[el.tagName] || null;
    // header/footer are banner/contentinfo only when not inside sectioning content.
    if (!explicit && (el.tagName === 'HEADER' || el.tagName === 'FOOTER') && !el.parentElement.closest('article, aside, main, nav, section')) role = el.tagName === 'HEADER' ? 'banner' : 'contentinfo';
    if (!role) continue;
    landmarks.push({ role, exposed: exposedEl(el), hasContent: /\S/.test(el.textContent || ''), ref: refOf(el), selector: selectorOf(el) });
  }
  return landmarks;
}
