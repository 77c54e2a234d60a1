// Rule titles and how-to-fix text for reports and the dashboard, in zh-TW or English, looked up
// from the rule registry (and axe-core's own rule metadata for axe/* ids).
import { createRequire } from 'node:module';
import type { Lang, Localized, RuleMeta } from '../core/types.ts';
import { ruleById } from '../rules/index.ts';
import { zhHelp } from '../rules/accessibility/axe-rules.ts';

const require = createRequire(import.meta.url);
let axeMeta: Map<string, { help: string; helpUrl: string; description: string }> | null = null;

function axeRule(id: string) {
  if (!axeMeta) {
    const axe = require('axe-core') as { getRules(): { ruleId: string; help: string; helpUrl: string; description: string }[] };
    axeMeta = new Map(axe.getRules().map((r) => [r.ruleId, r]));
  }
  return axeMeta.get(id);
}

export function ruleMeta(ruleId: string): RuleMeta | null {
  return ruleById(ruleId)?.meta ?? null;
}

export function ruleTitleLocalized(ruleId: string): Localized | null {
  if (ruleId.startsWith('axe/')) {
    const id = ruleId.slice(4);
    const en = axeRule(id)?.help;
    if (!en) return null;
    return { 'zh-TW': zhHelp(id) ?? en, en };
  }
  if (ruleId.startsWith('perf/') && !ruleMeta(ruleId)) {
    // Lighthouse audit ids: the finding itself carries Lighthouse's localized title.
    const audit = ruleId.slice(5);
    return { 'zh-TW': `Lighthouse 效能稽核：${audit}`, en: `Lighthouse performance audit: ${audit}` };
  }
  return ruleMeta(ruleId)?.title ?? null;
}

export function ruleTitle(ruleId: string, lang: Lang): string | null {
  const t = ruleTitleLocalized(ruleId);
  return t ? t[lang] || t.en : null;
}

export function ruleHowToFix(ruleId: string, lang: Lang): string | null {
  if (ruleId.startsWith('axe/')) {
    const r = axeRule(ruleId.slice(4));
    return r ? (lang === 'zh-TW' ? `請參考說明：${r.helpUrl}` : `${r.description}. See ${r.helpUrl}`) : null;
  }
  const m = ruleMeta(ruleId);
  return m ? m.howToFix[lang] || m.howToFix.en : null;
}

export function ruleHelpUrl(ruleId: string): string | null {
  if (ruleId.startsWith('axe/')) return axeRule(ruleId.slice(4))?.helpUrl ?? null;
  return ruleMeta(ruleId)?.helpUrl ?? null;
}

/** Alt text of a finding's element screenshot: which element, for which rule (unescaped: the caller escapes). */
export function screenshotAlt(ruleId: string, selector: string | null, lang: Lang): string {
  return lang === 'en' ? `Screenshot of the element ${selector ?? ''} (${ruleId})` : `元素 ${selector ?? ''} 的截圖（${ruleId}）`;
}
