// Describes document.activeElement after a Tab press (source text, never transpiled; called with the
// element identity of worker/gatherers/in-page.ts).
(_args, identity) => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const collapse = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const raw = el.getAttribute('href');
  let targetExists = null;
  if (raw && raw.startsWith('#') && raw.length > 1) {
    let id = raw.slice(1);
    try { id = decodeURIComponent(id); } catch {}
    targetExists = !!(document.getElementById(id) || document.getElementsByName(id).length);
  } else if (raw === '#') targetExists = false;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const text = collapse(el.innerText || el.textContent);
  const imgAlt = Array.from(el.querySelectorAll ? el.querySelectorAll('img') : []).map((i) => i.getAttribute('alt') || '').join(' ');
  return {
    tag: el.tagName.toLowerCase(),
    href: el.href || null,
    rawHref: raw,
    text,
    name: collapse(el.getAttribute('aria-label')) || text || collapse(imgAlt) || collapse(el.getAttribute('title')) || collapse(el.value),
    accesskey: el.getAttribute('accesskey'),
    ref: identity.refOf(el),
    selector: identity.selectorOf(el),
    targetExists,
    visibleWhenFocused: r.width > 1 && r.height > 1 && style.visibility !== 'hidden' && r.bottom > 0 && r.right > 0,
  };
}
