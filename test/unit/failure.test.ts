import { describe, expect, it } from 'vitest';
import { classifyFailure, detectBlock, PageTimeoutError } from '../../worker/failure.ts';
import { DnsError } from '../../worker/url-guard.ts';

describe('failure taxonomy', () => {
  it('maps network errors onto statuses and says what to retry', () => {
    expect(classifyFailure(new Error('page.goto: net::ERR_NAME_NOT_RESOLVED at https://x/'))).toMatchObject({ status: 'unreachable', kind: 'dns', retryable: false });
    expect(classifyFailure(new DnsError('x.gov.tw', 'ENOTFOUND'))).toMatchObject({ status: 'unreachable', kind: 'dns', retryable: false });
    expect(classifyFailure(new Error('net::ERR_CERT_DATE_INVALID'))).toMatchObject({ kind: 'tls', retryable: false });
    expect(classifyFailure(new Error('net::ERR_CONNECTION_REFUSED'))).toMatchObject({ status: 'unreachable', kind: 'refused', retryable: true });
    expect(classifyFailure(new PageTimeoutError('navigation', 30000))).toMatchObject({ status: 'timeout', retryable: true });
    expect(classifyFailure(new Error('Target page, context or browser has been closed'))).toMatchObject({ kind: 'browser', retryable: true });
  });

  it('recognises WAF and challenge pages as blocked', () => {
    expect(detectBlock(403, '<html>Forbidden</html>')).toMatch(/403/);
    expect(detectBlock(200, '<title>Request Rejected</title>The requested URL was rejected. Please consult with your administrator. Your support ID is: 123')).toMatch(/WAF/);
    expect(detectBlock(200, '<html><body><h1>最新消息</h1></body></html>')).toBeNull();
  });
});
