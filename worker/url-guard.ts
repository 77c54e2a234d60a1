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
  ['64:ff9b::', 96],
] as const) blocked.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    if (mapped) return blocked.check(mapped[1], 'ipv4');
    return blocked.check(ip, 'ipv6');
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
