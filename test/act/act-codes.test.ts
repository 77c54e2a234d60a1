// The code layer of `npm run eval:act` on hand-built results: which codes bear on an ACT rule, when a case
// agrees, and the per-code counts (caught failed / reported on passed+inapplicable).
import { describe, expect, it } from 'vitest';
import type { Finding, SiteResult } from '../../core/types.ts';
import { bearingCodes, codesLine, codeTallies, concernsCodedSc, scoreCase, type ActCase, type Expected } from './act-corpus.ts';

function actCase(ruleId: string, expected: Expected, axeRules: string[], successCriteria: string[]): ActCase {
  return {
    ruleId,
    ruleName: ruleId,
    caseId: `${ruleId}-${expected}`,
    title: `${expected} example`,
    expected,
    path: `cases/${ruleId}/${expected}.html`,
    successCriteria,
    axeRules,
    axeReportConsistency: 'complete',
    inLatestVersion: true,
    missingAssets: [],
    externalResources: [],
  };
}

const finding = (rule: string, twCodes: string[]): Finding => ({ rule, category: 'accessibility', severity: 'serious', wcag: [], selector: 'x', snippet: null, message: 'm', help: null, fingerprint: 'f', twCodes });
const result = (findings: Finding[]) => ({ status: 'ok', error: null, pages: [{ findings, needsReview: [], error: null }], skippedPages: [] }) as unknown as SiteResult;

describe('eval:act code layer', () => {
  const iframe = (e: Expected) => actCase('cae760', e, ['frame-title'], ['4.1.2']);

  it('codes bearing on an ACT rule are those its mapped rules carry, up to level AA', () => {
    expect(bearingCodes(iframe('failed'))).toEqual(['HM1410201C']);
    // link-name also evidences HM3240900C, an AAA code: not scored at AA.
    expect(bearingCodes(actCase('c487ae', 'failed', ['area-alt', 'link-name'], ['2.4.4', '2.4.9', '4.1.2']))).toEqual(['HM1110101C', 'HM1240401C', 'HM1410200C']);
    expect(bearingCodes(actCase('b4f0c3', 'failed', ['meta-viewport'], ['1.4.4']))).toEqual([]);
    expect(concernsCodedSc(actCase('b4f0c3', 'failed', ['meta-viewport'], ['1.4.4']))).toBe(true);
    expect(concernsCodedSc(actCase('xxxxxx', 'failed', [], ['2.5.8']))).toBe(false);
  });

  it('counts any finding carrying a bearing code, from axe or an own rule; other codes do not count', () => {
    const caught = scoreCase(iframe('failed'), result([finding('axe/frame-title', ['HM1410201C'])]), 0);
    expect(caught.codes).toEqual({ bearing: ['HM1410201C'], reported: ['HM1410201C'], agree: true });
    const falseReport = scoreCase(iframe('passed'), result([finding('tw/iframe-title', ['HM1410201C']), finding('tw/heading-structure', ['HM1130100C'])]), 0);
    expect(falseReport.codes).toEqual({ bearing: ['HM1410201C'], reported: ['HM1410201C'], agree: false });
    // The rule-id layer is unchanged: tw/iframe-title is not mapped to cae760.
    expect(falseReport.agree).toBe(true);
    const clean = scoreCase(iframe('inapplicable'), result([finding('tw/heading-structure', ['HM1130100C'])]), 0);
    expect(clean.codes?.agree).toBe(true);
    const errored = scoreCase(iframe('failed'), null, 0, 'check threw');
    expect(errored.codes?.agree).toBe(false);
    expect(scoreCase(actCase('b4f0c3', 'failed', ['meta-viewport'], ['1.4.4']), result([]), 0).codes).toBeUndefined();
  });

  it('tallies per code and names codes reported on more clean cases than failed ones caught', () => {
    const outcomes = [
      scoreCase(iframe('failed'), result([finding('axe/frame-title', ['HM1410201C'])]), 0),
      scoreCase(iframe('passed'), result([finding('tw/iframe-title', ['HM1410201C'])]), 0),
      scoreCase(iframe('passed'), result([finding('tw/iframe-title', ['HM1410201C'])]), 0),
      scoreCase(iframe('inapplicable'), result([]), 0),
    ];
    expect(codeTallies(outcomes)).toEqual([{ code: 'HM1410201C', failed: 1, caught: 1, clean: 3, falseReports: 2 }]);
    expect(codesLine(outcomes)).toBe('codes: 115.11 AA agree 2/4 50.0%; codes reported on more passed/inapplicable than caught failed: HM1410201C');
  });
});
