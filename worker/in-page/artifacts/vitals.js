// vitals: navigation timing, transfer size and the web vitals vitals-init.js observed.
// Page script (source text, never transpiled), called with the helpers of common.js.
() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  let transfer = nav ? nav.transferSize || nav.encodedBodySize || 0 : 0;
  for (const r of resources) transfer += r.transferSize || r.encodedBodySize || 0;
  const v = window.__govcheckVitals || {};
  const vitals = {
    lcpMs: v.lcp != null ? Math.round(v.lcp) : null,
    cls: typeof v.cls === 'number' ? Math.round(v.cls * 1000) / 1000 : null,
    fcpMs: v.fcp != null ? Math.round(v.fcp) : null,
    ttfbMs: nav ? Math.round(nav.responseStart) : null,
    domContentLoadedMs: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
    loadMs: nav && nav.loadEventEnd ? Math.round(nav.loadEventEnd) : null,
    transferBytes: transfer,
    requestCount: resources.length + 1,
  };

  return vitals;
}
