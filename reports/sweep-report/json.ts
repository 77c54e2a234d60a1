// `govcheck report --format json` (CONTRACT "govcheck report"): agencies in rank order (1 = best),
// unranked agencies (no site could be checked) last. Fields beyond the contract are additions.
import type { SweepReportModel } from './model.ts';

const ratio = (v: number) => Math.round(v * 1000) / 1000;

export function renderJson(model: SweepReportModel): string {
  const doc = {
    sweep: {
      id: model.sweep.id,
      startedAt: model.sweep.startedAt,
      finishedAt: model.sweep.finishedAt,
      sites: model.sweep.sites,
      ok: model.sweep.ok,
      failed: model.sweep.failed,
      pending: model.sweep.pending,
      coverage: ratio(model.sweep.coverage),
      now: model.sweep.nowAt,
      lane: model.sweep.lane,
      categories: model.sweep.categories,
      maxPages: model.sweep.maxPages,
      engines: model.sweep.engines,
      previousSweep: model.previous?.id ?? null,
      scores: model.national.scores,
      changes: model.national.changes,
    },
    agencies: model.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      rank: a.rank,
      scores: a.scores,
      parent: a.parentId,
      coverage: ratio(a.coverage),
      fullCoverage: a.fullCoverage,
      sitesRegistered: a.sitesRegistered,
      sitesOk: a.sitesOk,
      sitesFailed: a.sitesFailed,
      sitesPending: a.sitesPending,
      previousRank: a.previousRank,
      changes: a.changes,
      sites: a.sites.map((s) => ({
        url: s.url,
        status: s.status,
        scores: s.scores,
        lastUpdated: s.lastUpdated,
        findings: s.findings,
        name: s.name,
        error: s.error,
        failureKind: s.failureKind,
        findingsBySeverity: s.bySeverity,
        pages: s.pages,
        twEdition: s.conformance.edition,
        level: s.conformance.level,
        conformance: s.conformance.level ? { meets: s.conformance.meets, codes: s.codes.map((c) => ({ code: c.code, level: c.level, status: c.status, pages: c.pages, findings: c.findings })) } : null,
      })),
      conformance: a.conformance,
    })),
    topRules: model.topRules,
    codes: model.codes,
    trend: model.trend,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
