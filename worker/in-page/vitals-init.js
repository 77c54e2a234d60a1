// Installed in every document before its scripts run: buffers LCP, CLS and FCP for the gatherer.
// Plain JS on purpose: it is injected as source text, never transpiled.
(() => {
  if (window.__govcheckVitals) return;
  const v = { lcp: null, cls: 0, fcp: null, sessionValue: 0, sessionStart: 0, sessionLast: 0, maxSession: 0 };
  window.__govcheckVitals = v;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) v.lcp = e.renderTime || e.loadTime || e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {}
  try {
    // CLS as Chrome defines it: the largest session window (gap < 1 s, window < 5 s).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        if (v.sessionValue && e.startTime - v.sessionLast < 1000 && e.startTime - v.sessionStart < 5000) {
          v.sessionValue += e.value;
        } else {
          v.sessionValue = e.value;
          v.sessionStart = e.startTime;
        }
        v.sessionLast = e.startTime;
        v.maxSession = Math.max(v.maxSession, v.sessionValue);
        v.cls = v.maxSession;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') v.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {}
})();
