// Audit titles in the other language. Lighthouse localizes an LHR into one locale, but govcheck's
// findings carry zh-TW and English; Lighthouse's own swapLocale re-renders messages from the
// icuMessagePaths it records. We feed it only the failing audits' titles, not the whole LHR.
import { swapLocale } from 'lighthouse/shared/localization/swap-locale.js';
import type { LhrLike } from './slim.ts';

export function otherLocaleTitles(lhr: LhrLike, auditIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const from = lhr.configSettings?.locale === 'zh-TW' ? 'zh-TW' : 'en';
  const to = from === 'zh-TW' ? 'en-US' : 'zh-TW';
  const wanted = new Set(auditIds.map((id) => `audits[${id}].title`));
  const paths: Record<string, (string | { path: string; values?: unknown })[]> = {};
  for (const [icuId, instances] of Object.entries(lhr.i18n?.icuMessagePaths ?? {})) {
    const kept = instances.filter((i) => wanted.has(typeof i === 'string' ? i : i.path));
    if (kept.length) paths[icuId] = kept;
  }
  const audits = Object.fromEntries(auditIds.map((id) => [id, { title: lhr.audits[id]?.title }]));
  try {
    const mini = { configSettings: { locale: from }, audits, i18n: { icuMessagePaths: paths } };
    const swapped = swapLocale(mini as never, to as never).lhr as unknown as { audits: Record<string, { title: string }> };
    for (const id of auditIds) if (swapped.audits[id]?.title) out.set(id, swapped.audits[id].title);
  } catch {
    // A title we cannot translate stays in the run's language; never fail a run over it.
  }
  return out;
}
