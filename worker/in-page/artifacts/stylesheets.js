// stylesheets: the text of the page's own (readable, same-origin) style sheets, up to a budget.
// Page script (source text, never transpiled), called with the helpers of common.js.
(h) => {
  const stylesheets = [];
  let cssBudget = h.opts.maxCss;
  for (const sheet of Array.from(document.styleSheets)) {
    if (cssBudget <= 0) break;
    let text = '';
    try {
      text = Array.from(sheet.cssRules || []).map((r) => r.cssText).join('\n');
    } catch { continue; } // cross-origin sheets are not readable, and not the site's own CSS anyway
    if (!text) continue;
    text = text.slice(0, cssBudget);
    cssBudget -= text.length;
    stylesheets.push({ url: sheet.href || null, text });
  }
  return stylesheets;
}
