// SSRF guard: a scanner that fetches whatever URL it is given must not become a way into the
// network it runs in. Loopback, private, link-local and other special addresses are refused after
// DNS resolution (and on every redirect hop, see AddressPolicy.check) unless explicitly allowed.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export class UnsafeUrlError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

export class DnsError extends Error {
  constructor(
    readonly host: string,
    readonly code: string,
  ) {
    super(`cannot resolve host ${host} (${code})`);
    this.name = 'DnsError';
  }
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  // NAT64 local-use prefix (RFC 8215): a private translator by definition.
  ['64:ff9b:1::', 48],
  ['100::', 64],
] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address (zone id dropped, embedded dotted IPv4 allowed); null when not IPv6. */
export function ipv6Bytes(ip: string): Uint8Array | null {
  const text = ip.replace(/%.*$/, '');
  if (isIP(text) !== 6) return null;
  let head = text;
  const tail: number[] = [];
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1].split('.').map(Number);
    tail.push((parts[0] << 8) | parts[1], (parts[2] << 8) | parts[3]);
    head = text.slice(0, text.length - dotted[1].length);
    if (!head.endsWith('::')) head = head.replace(/:$/, '');
  }
  const hex = (s: string) => (s === '' ? [] : s.split(':').map((h) => parseInt(h, 16)));
  let words: number[];
  const gap = head.indexOf('::');
  if (gap >= 0) {
    const left = hex(head.slice(0, gap));
    const right = [...hex(head.slice(gap + 2)), ...tail];
    words = [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  } else words = [...hex(head), ...tail];
  if (words.length !== 8 || words.some((w) => !Number.isInteger(w) || w < 0 || w > 0xffff)) return null;
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  return bytes;
}

const v4 = (b: Uint8Array, at: number, xor = 0) => [0, 1, 2, 3].map((i) => (b[at + i] ^ xor).toString()).join('.');
const zeros = (b: Uint8Array, from: number, to: number) => b.subarray(from, to).every((x) => x === 0);

/**
 * The IPv4 addresses an IPv6 address carries to the IPv4 network, by the standard embeddings:
 * IPv4-compatible ::/96, IPv4-mapped ::ffff:0:0/96, SIIT ::ffff:0:0:0/96, NAT64 64:ff9b::/96,
 * 6to4 2002::/16 and Teredo 2001::/32 (server and de-obfuscated client). A private IPv4 address in
 * any of them is as private as the address itself.
 */
export function embeddedIpv4(ip: string): string[] {
  const b = ipv6Bytes(ip);
  if (!b) return [];
  const out: string[] = [];
  // ::a.b.c.d (compatible), ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (SIIT)
  if (zeros(b, 0, 10) && ((b[10] === 0 && b[11] === 0) || (b[10] === 0xff && b[11] === 0xff))) out.push(v4(b, 12));
  if (zeros(b, 0, 8) && b[8] === 0xff && b[9] === 0xff && b[10] === 0 && b[11] === 0) out.push(v4(b, 12));
  // 64:ff9b::a.b.c.d (NAT64 well-known prefix)
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(b, 4, 12)) out.push(v4(b, 12));
  // 2002:aabb:ccdd::/48 (6to4)
  if (b[0] === 0x20 && b[1] === 0x02) out.push(v4(b, 2));
  // 2001:0000:server:flags:port:client^ffff (Teredo)
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) out.push(v4(b, 4), v4(b, 12, 0xff));
  return out;
}

export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip.replace(/%.*$/, ''));
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    const embedded = embeddedIpv4(ip);
    if (embedded.some((a) => blocked.check(a, 'ipv4'))) return true;
    const bytes = ipv6Bytes(ip)!;
    // The unspecified and loopback addresses are the only members of ::/96 that are not IPv4.
    return blocked.check(ip.replace(/%.*$/, ''), 'ipv6') || (zeros(bytes, 0, 15) && bytes[15] <= 1);
  }
  return true;
}

/** Parse and check the scheme; throws UnsafeUrlError with a one-line reason. */
export function parseSiteUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new UnsafeUrlError(`not a valid URL: "${input}" (expected http:// or https://…)`, input);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsafeUrlError(`refused scheme "${url.protocol}" in ${input}: only http and https are checked`, input);
  }
  if (url.username || url.password) throw new UnsafeUrlError(`refused URL with credentials: ${url.origin}`, input);
  return url;
}

export interface AddressPolicyOptions {
  /** Permit loopback and private addresses (--allow-private). */
  allowPrivate: boolean;
  /** Exact addresses permitted even though they are private (a narrower allowance than allowPrivate). */
  allowAddresses?: string[];
}

interface Verdict {
  /** The vetted address to connect to, when permitted. */
  address: string | null;
  reason: string | null;
}

/** Resolves hosts once per policy (per site check) and remembers the verdict. */
export class AddressPolicy {
  private verdicts = new Map<string, Promise<Verdict>>();
  readonly allowPrivate: boolean;
  private readonly allowAddresses: Set<string>;

  constructor(opts: boolean | AddressPolicyOptions) {
    const o = typeof opts === 'boolean' ? { allowPrivate: opts } : opts;
    this.allowPrivate = o.allowPrivate;
    this.allowAddresses = new Set(o.allowAddresses ?? []);
  }

  private verdict(host: string): Promise<Verdict> {
    let v = this.verdicts.get(host);
    if (!v) {
      v = this.decide(host);
      this.verdicts.set(host, v);
    }
    return v;
  }

  private permitted(ip: string): boolean {
    return this.allowPrivate || this.allowAddresses.has(ip) || !isPrivateAddress(ip);
  }

  private async decide(host: string): Promise<Verdict> {
    const hint = '(use --allow-private to permit)';
    if (isIP(host)) return this.permitted(host) ? { address: host, reason: null } : { address: null, reason: `refused private or loopback address ${host} ${hint}` };
    if (!this.allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) return { address: null, reason: `refused loopback host ${host} ${hint}` };
    let addresses: { address: string }[];
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (e) {
      throw new DnsError(host, (e as NodeJS.ErrnoException).code ?? 'ENOTFOUND');
    }
    const bad = addresses.find((a) => !this.permitted(a.address));
    if (bad) return { address: null, reason: `refused ${host}: it resolves to private or loopback address ${bad.address} ${hint}` };
    return { address: addresses[0]?.address ?? null, reason: addresses.length ? null : `cannot resolve host ${host}` };
  }

  /** Returns null when the URL may be fetched, else the reason it may not. DNS failures reject with DnsError. */
  async check(url: string | URL): Promise<string | null> {
    let u: URL;
    try {
      u = typeof url === 'string' ? new URL(url) : url;
    } catch {
      return `not a valid URL: ${String(url)}`;
    }
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return null;
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'ws:' && u.protocol !== 'wss:') return `refused scheme ${u.protocol}`;
    return (await this.verdict(u.hostname.replace(/^\[|\]$/g, ''))).reason;
  }

  /** The vetted address to connect to for a host; throws UnsafeUrlError / DnsError when refused. */
  async resolve(host: string, port: number): Promise<string> {
    const v = await this.verdict(host);
    if (v.reason || !v.address) throw new UnsafeUrlError(v.reason ?? `cannot resolve ${host}`, `${host}:${port}`);
    return v.address;
  }

  /** Throws UnsafeUrlError / DnsError instead of returning a reason. */
  async assert(url: string | URL): Promise<void> {
    const reason = await this.check(url);
    if (reason) throw new UnsafeUrlError(reason, String(url));
  }
}
