// vitals: navigation timing, transfer size and the web vitals vitals-init.js observed.
// Page script (source text, never transpiled), called with the helpers of common.js.
() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  let transfer = nav ? nav.transferSize || nav.encodedBodySize || 0 : 0;
  for (const r of resources) transfer += r.transferSize || r.encodedBodySize || 0;
  // The buffer lives on the page's window, where page scripts can reach it: only finite numbers count.
  const v = window.__govcheckVitals || {};
  const finite = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const vitals = {
    lcpMs: finite(v.lcp) !== null ? Math.round(v.lcp) : null,
    cls: finite(v.cls) !== null ? Math.round(v.cls * 1000) / 1000 : null,
    fcpMs: finite(v.fcp) !== null ? Math.round(v.fcp) : null,
    ttfbMs: nav ? Math.round(nav.responseStart) : null,
    domContentLoadedMs: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
    loadMs: nav && nav.loadEventEnd ? Math.round(nav.loadEventEnd) : null,
    transferBytes: transfer,
    requestCount: resources.length + 1,
  };
  return vitals;
}
