// Installed in every document before its scripts run: the page cannot open windows by itself, and
// every attempt is counted, so a page that opens windows on load (even 1000 of them) is checked like
// any other page. window.open opens nothing; a scripted (untrusted) click on a link with a target
// that would open a new window is cancelled. Plain JS on purpose: injected as source, never transpiled.
(() => {
  if (Object.prototype.hasOwnProperty.call(window, '__govcheckPopups')) return;
  let count = 0;
  try {
    // Writable: a page that wraps window.open keeps working (it wraps this one).
    Object.defineProperty(window, 'open', { value: function open() { count++; return null; }, writable: true, configurable: true });
  } catch {}
  const named = /^(_self|_parent|_top)?$/i;
  // Registered before any page script: the first capturing listener on the window runs first.
  window.addEventListener(
    'click',
    (e) => {
      if (e.isTrusted || !e.target || typeof e.target.closest !== 'function') return;
      const a = e.target.closest('a[href][target], area[href][target]');
      if (!a || named.test((a.getAttribute('target') || '').trim())) return;
      count++;
      e.preventDefault();
    },
    true,
  );
  Object.defineProperty(window, '__govcheckPopups', { get: () => count, configurable: false, enumerable: false });
})();
