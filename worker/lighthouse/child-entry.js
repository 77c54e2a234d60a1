// Entry of the Lighthouse child process (host.ts forks it). Plain JavaScript on purpose: Lighthouse's
// ~1,000 modules, and the audits and gatherers its config imports, load here before tsx is
// registered, so they skip tsx's loader hooks (~1.3 CPU s saved per child start, measured). Then tsx
// is registered for govcheck's own TypeScript (child.ts and what it imports).
import 'lighthouse';
import 'puppeteer-core';
import { initializeConfig } from 'lighthouse/core/config/config.js';
import { register } from 'tsx/esm/api';
import { cacheIntlLocales } from './intl-locale-cache.js';

cacheIntlLocales();

// Resolving the full default config imports every gatherer and audit module once.
await initializeConfig('navigation', undefined, {
  onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
}).catch(() => {});
register();
await import('./child.ts');
