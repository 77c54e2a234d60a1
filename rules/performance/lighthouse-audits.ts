// Failing Lighthouse performance audits as findings: one `perf/<audit id>` finding per audit per
// page Lighthouse ran on (contract), with Lighthouse's title in both languages and its estimated
// savings. The numbers come from the slim record (mobile, simulated throttling by default).
import type { FindingDraft, LighthouseSlim, SiteArtifacts, SiteRule } from '../../core/types.ts';
import { msg, notApplicable, resultOf } from '../lib/result.ts';

type Audit = LighthouseSlim['failingAudits'][number];

/** Below this Lighthouse score a failing audit is 'serious' (red in Lighthouse's report). */
const SERIOUS_BELOW = 0.5;

// Rounded in integer steps: (1650 / 1000).toFixed(1) would give '1.6' through binary floating point.
const seconds = (ms: number) => (ms < 10_000 ? (Math.round(ms / 100) / 10).toFixed(1) : String(Math.round(ms / 1000)));
const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;

/** The measured value of a metric audit ('8.0 s', '0.21'); null for other audits. */
function measured(a: Audit): { zh: string; en: string } | null {
  if (typeof a.numericValue !== 'number') return null;
  if (a.numericUnit === 'millisecond') return { zh: `${seconds(a.numericValue)} 秒`, en: `${seconds(a.numericValue)} s` };
  if (a.numericUnit === 'unitless') return { zh: a.numericValue.toFixed(3), en: a.numericValue.toFixed(3) };
  return null;
}

function details(a: Audit): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  const value = a.savingsMs === null && a.savingsBytes === null ? measured(a) : null;
  if (value) {
    zh.push(`測得 ${value.zh}`);
    en.push(`measured ${value.en}`);
  }
  if (a.savingsMs || a.savingsBytes) {
    const zhParts: string[] = [];
    const enParts: string[] = [];
    if (a.savingsMs) {
      zhParts.push(`${seconds(a.savingsMs)} 秒`);
      enParts.push(`${seconds(a.savingsMs)} s`);
    }
    if (a.savingsBytes) {
      zhParts.push(kib(a.savingsBytes));
      enParts.push(kib(a.savingsBytes));
    }
    zh.push(`估計可節省 ${zhParts.join('、')}`);
    en.push(`estimated savings ${enParts.join(', ')}`);
  }
  if (!value && !a.savingsMs && !a.savingsBytes && a.displayValue) {
    zh.push(a.displayValue);
    en.push(a.displayValue);
  }
  const score = a.score === null ? '' : `${Math.round(a.score * 100)}/100`;
  return {
    zh: [...zh, score && `Lighthouse 分數 ${score}`].filter(Boolean).join('；'),
    en: [...en, score && `Lighthouse score ${score}`].filter(Boolean).join('; '),
  };
}

/** The sampled page a Lighthouse record belongs to (runs use the final URL of the start page). */
function pageUrlOf(run: LighthouseSlim, site: SiteArtifacts): string {
  const page = site.pages.find((p) => p.url === run.url || p.finalUrl === run.url || (run.finalUrl !== null && p.finalUrl === run.finalUrl));
  return page?.url ?? run.url;
}

export function auditFinding(a: Audit, run: LighthouseSlim, pageUrl: string): FindingDraft {
  const title = a.titles ?? { 'zh-TW': a.title, en: a.title };
  const d = details(a);
  return {
    rule: `perf/${a.id}`,
    severity: a.score !== null && a.score < SERIOUS_BELOW ? 'serious' : 'moderate',
    message: msg(`${title['zh-TW']}（${d.zh}）`, `${title.en} (${d.en})`),
    help: a.helpUrl ?? undefined,
    pageUrl,
    data: {
      audit: a.id,
      score: a.score,
      savingsMs: a.savingsMs,
      savingsBytes: a.savingsBytes,
      displayValue: a.displayValue,
      numericValue: a.numericValue ?? null,
      formFactor: run.formFactor,
      lighthouseVersion: run.lighthouseVersion,
    },
  };
}

export const lighthouseAudits: SiteRule = {
  meta: {
    id: 'perf/lighthouse',
    requires: ['lighthouse'],
    category: 'performance',
    severity: 'moderate',
    scope: 'site',
    wcag: [],
    title: msg('Lighthouse 效能稽核', 'Lighthouse performance audits'),
    description: msg(
      '在抽樣頁面上以 Lighthouse（行動裝置、模擬節流）量測載入效能；每個未通過（分數低於 0.9）的稽核項目一筆發現，並附上 Lighthouse 估計可節省的時間與位元組。',
      'Lighthouse (mobile, simulated throttling) on the sampled pages; one finding per audit scoring below 0.9, with the time and bytes Lighthouse estimates a fix would save.',
    ),
    howToFix: msg(
      '依各稽核項目的說明連結處理，優先處理估計節省最多者；常見做法：壓縮與延後載入 JavaScript、啟用文字壓縮、提供適當尺寸與新格式的圖片並標明寬高。',
      "Follow each audit's help link, largest estimated savings first; typical fixes: trim and defer JavaScript, enable text compression, serve right-sized modern image formats with width and height set.",
    ),
    helpUrl: 'https://developer.chrome.com/docs/lighthouse/performance/',
    source: 'Lighthouse',
    tags: ['lighthouse'],
  },
  check(site) {
    const runs = site.lighthouse.filter((r) => !r.runtimeError);
    if (runs.length === 0) return notApplicable();
    const findings: FindingDraft[] = [];
    for (const run of runs) {
      const pageUrl = pageUrlOf(run, site);
      for (const a of run.failingAudits) {
        // Records without a category predate that field; they only ever held performance audits.
        if (a.category && a.category !== 'performance') continue;
        findings.push(auditFinding(a, run, pageUrl));
      }
    }
    return resultOf(findings);
  },
};
