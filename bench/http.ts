// A small HTTP client on node:http with keep-alive, for 127.0.0.1 only (no third-party client is installed).
import { Agent, request } from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
}

export const keepAlive = (sockets: number): Agent => new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });

export function httpRequest(agent: Agent, method: string, url: string, headers: Record<string, string> = {}, body?: string, timeoutMs = 15_000): Promise<HttpResult> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error(`benchmarks only talk to 127.0.0.1, not ${target.hostname}`);
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, method, hostname: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer from ${url} in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads a whole request body (for the fakes). */
export function readBody(req: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (data += d));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
