// An in-process forward proxy that every browser connection of a guarded check goes through.
// Playwright's request routing does not see redirect hops, so a public page redirecting to
// 169.254.169.254 would slip past it; a proxy sees every connection (navigations, redirects,
// subresources, websockets), resolves the host itself, refuses private addresses and connects to the
// vetted IP, which also defeats DNS rebinding between our check and the browser's own lookup.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { AddressPolicy } from './url-guard.ts';

export interface RefusedConnection {
  host: string;
  reason: string;
}

export class GuardProxy {
  private server: Server | null = null;
  private sockets = new Set<Duplex>();
  /** Refused connections per policy, so a check can say why a page did not load. */
  readonly refused: RefusedConnection[] = [];
  port = 0;

  constructor(private readonly policyFor: (proxyAuth: string | undefined) => AddressPolicy | undefined) {}

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.on('connect', (req, socket, head) => void this.onConnect(req, socket, head));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = null;
  }

  private async vet(host: string, port: number, auth: string | undefined): Promise<string> {
    const policy = this.policyFor(auth);
    if (!policy) throw new Error('unknown proxy client');
    const ip = await policy.resolve(host, port);
    return ip;
  }

  private async onConnect(req: IncomingMessage, client: Duplex, head: Buffer) {
    const [host, portText] = splitHostPort(req.url ?? '', 443);
    let upstream: Socket | null = null;
    client.on('error', () => upstream?.destroy());
    try {
      const ip = await this.vet(host, portText, req.headers['proxy-authorization']);
      upstream = netConnect(portText, ip, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream!.write(head);
        upstream!.pipe(client);
        client.pipe(upstream!);
      });
      upstream.on('error', () => client.destroy());
    } catch (e) {
      this.refused.push({ host, reason: (e as Error).message });
      client.end(`HTTP/1.1 403 Forbidden\r\nX-Govcheck-Refused: ${encodeURIComponent((e as Error).message)}\r\nContent-Length: 0\r\n\r\n`);
    }
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse) {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    try {
      const ip = await this.vet(target.hostname.replace(/^\[|\]$/g, ''), Number(target.port || 80), req.headers['proxy-authorization']);
      const headers = { ...req.headers };
      delete headers['proxy-authorization'];
      delete headers['proxy-connection'];
      const upstream = httpRequest({ host: ip, port: Number(target.port || 80), method: req.method, path: `${target.pathname}${target.search}`, headers, setHost: false }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', (e) => {
        if (!res.headersSent) res.writeHead(502, { 'x-govcheck-error': e.message });
        res.end();
      });
      req.pipe(upstream);
    } catch (e) {
      this.refused.push({ host: target.hostname, reason: (e as Error).message });
      res.writeHead(403, { 'x-govcheck-refused': encodeURIComponent((e as Error).message), 'content-type': 'text/plain' }).end('refused by govcheck');
    }
  }
}

function splitHostPort(authority: string, defaultPort: number): [string, number] {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(authority) ?? /^([^:]+)(?::(\d+))?$/.exec(authority);
  if (!m) return [authority, defaultPort];
  return [m[1], m[2] ? Number(m[2]) : defaultPort];
}
