import { describe, expect, it } from 'vitest';
import { AddressPolicy, isPrivateAddress, parseSiteUrl, UnsafeUrlError } from '../../worker/url-guard.ts';

describe('url guard', () => {
  it('classifies special-purpose addresses as private', () => {
    for (const ip of ['127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '224.0.0.1']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '203.66.1.1', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });

  it('refuses non-http schemes and credentials', () => {
    for (const u of ['file:///etc/passwd', 'ftp://example.gov.tw/', 'javascript:alert(1)', 'gopher://x/', 'http://user:pw@example.gov.tw/', 'not a url']) {
      expect(() => parseSiteUrl(u), u).toThrow(UnsafeUrlError);
    }
    expect(parseSiteUrl('https://www.example.gov.tw/a?b=1').hostname).toBe('www.example.gov.tw');
  });

  it('refuses loopback hosts unless private addresses are allowed', async () => {
    const strict = new AddressPolicy(false);
    expect(await strict.check('http://127.0.0.1:8080/')).toMatch(/refused/);
    expect(await strict.check('http://localhost/')).toMatch(/refused/);
    expect(await strict.check('http://[::1]/')).toMatch(/refused/);
    expect(await strict.check('http://0x7f000001/')).toMatch(/refused/); // WHATWG URL normalises to 127.0.0.1
    expect(await new AddressPolicy(true).check('http://127.0.0.1/')).toBeNull();
  });
});
