// Interface language: zh-TW or English. Default from the environment's locale (zh* → zh-TW).
import type { Lang, Localized } from './types.ts';

export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.GOVCHECK_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale || '';
  return /^zh/i.test(locale) ? 'zh-TW' : 'en';
}

export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang | null {
  if (value === undefined) return detectLang(env);
  if (/^zh(-tw|-hant|_tw)?$/i.test(value)) return 'zh-TW';
  if (/^en(-\w+)?$/i.test(value)) return 'en';
  return null;
}

export function t(text: Localized, lang: Lang): string {
  return text[lang] || text.en;
}

export const L = (zh: string, en: string): Localized => ({ 'zh-TW': zh, en });
