// What the fakes of the services the bot calls share: an HTTP server on 127.0.0.1, on a free port, that hands each
// request to the fake with its body read.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How a fake service is down: an HTTP status it answers everything with, or 'hang' (read, never answered). */
export type Outage = number | 'hang';

export abstract class LoopbackFake<O extends Outage = Outage> {
  private server: Server | undefined;
  /** Where the fake answers, once started ('' before). */
  url = '';

  /** How the fake's address ends: a Bot Connector serviceUrl ends with a slash, a Slack API URL does not. */
  protected readonly urlEnd: string = '';

  /** While set, the fake is down (what that covers is each fake's own: see its handle). */
  protected outage: O | undefined;
  /** Requests read while hanging, answered never: dropped when the fake comes back. */
  protected readonly held = new Set<ServerResponse>();

  /** The service goes down. */
  down(outage: O): void {
    this.outage = outage;
  }

  /** The service is back. Requests held unanswered are dropped, as a lost connection: none was carried out. */
  up(): void {
    this.outage = undefined;
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse, raw: string): void | Promise<void>;

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      // A throw in a fake is an unhandled rejection, as from an async handler.
      req.on('end', () => void Promise.resolve().then(() => this.handle(req, res, raw)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${this.urlEnd}`;
    return this;
  }

  /** Closes the server and its open connections; nothing to do if it never started. */
  close(): Promise<void> {
    this.up();
    const server = this.server;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
