import { describe, expect, it } from 'vitest';
import { AddressPolicy, embeddedIpv4, isPrivateAddress, parseSiteUrl, UnsafeUrlError } from '../../worker/url-guard.ts';

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

  describe('refuses every IPv6 form that embeds a refused IPv4 address', () => {
    const forms: [string, string, string, string][] = [
      // [form, private example, its embedded IPv4, public example of the same form]
      ['IPv4-compatible ::/96 (dotted)', '::127.0.0.1', '127.0.0.1', '::8.8.8.8'],
      ['IPv4-compatible ::/96 (hex)', '::a00:1', '10.0.0.1', '::808:808'],
      ['IPv4-mapped ::ffff:0:0/96 (hex)', '::ffff:7f00:1', '127.0.0.1', '::ffff:808:808'],
      ['SIIT ::ffff:0:0:0/96', '::ffff:0:10.0.0.1', '10.0.0.1', '::ffff:0:8.8.8.8'],
      ['SIIT ::ffff:0:0:0/96 (hex)', '::ffff:0:a9fe:a9fe', '169.254.169.254', '::ffff:0:808:808'],
      ['6to4 2002::/16', '2002:c0a8:101::1', '192.168.1.1', '2002:808:808::1'],
      ['6to4 2002::/16 (loopback)', '2002:7f00:1::', '127.0.0.1', '2002:cb42:101::'],
      ['NAT64 64:ff9b::/96', '64:ff9b::10.1.2.3', '10.1.2.3', '64:ff9b::8.8.8.8'],
      ['Teredo 2001::/32 (client 127.0.0.1 obfuscated)', '2001:0:4136:e378:8000:63bf:80ff:fffe', '127.0.0.1', '2001:0:4136:e378:8000:63bf:f7f7:f7f7'],
    ];
    for (const [form, ip, v4, publicIp] of forms) {
      it(`refuses ${form}: ${ip} carries ${v4}`, () => {
        expect(embeddedIpv4(ip)).toContain(v4);
        expect(isPrivateAddress(v4)).toBe(true);
        expect(isPrivateAddress(ip)).toBe(true);
        expect(isPrivateAddress(publicIp)).toBe(false);
      });
    }

    it('refuses the embedded forms as URL hosts too', async () => {
      const strict = new AddressPolicy(false);
      for (const host of ['[::127.0.0.1]', '[::ffff:0:7f00:1]', '[2002:7f00:1::]', '[64:ff9b::a00:1]']) {
        expect(await strict.check(`http://${host}/`), host).toMatch(/refused/);
      }
    });

    it('refuses the NAT64 local-use prefix 64:ff9b:1::/48 whatever it embeds', () => {
      expect(isPrivateAddress('64:ff9b:1::808:808')).toBe(true);
    });
  });
});
