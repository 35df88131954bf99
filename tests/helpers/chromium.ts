// Debian's Chromium for the card rendering test: installed with apt-get when missing (never downloaded by a
// library), started headless with an empty profile, driven over the DevTools protocol on a pipe (fds 3 and 4),
// so no extra dependency and no port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = '/usr/bin/chromium';

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });

/**
 * Makes sure /usr/bin/chromium is there: nothing (and nothing printed) when it is; otherwise `apt-get install -y
 * chromium`, after one `apt-get update` if apt knows no candidate. Returns why it cannot, or undefined.
 */
export function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) return `${CHROMIUM} is missing and this is not a Debian system with apt-get: install Debian's chromium package`;
  if (process.getuid?.() !== 0) return `${CHROMIUM} is missing and installing it needs root: run apt-get install -y chromium`;
  const candidate = () => /Candidate:\s*(?!\(none\))\S+/.test(run('apt-cache', ['policy', 'chromium']).stdout ?? '');
  if (!candidate()) {
    const update = run('apt-get', ['update', '-q']);
    if (update.status !== 0 || !candidate()) return `apt has no chromium package to install (apt-get update: ${update.status === 0 ? 'ok' : (update.stderr || 'failed').trim().split('\n').pop()})`;
  }
  const install = run('apt-get', ['install', '-y', '-q', 'chromium']);
  if (install.status !== 0 || !existsSync(CHROMIUM)) return `apt-get install -y chromium failed: ${(install.stderr || install.stdout || '').trim().split('\n').pop()}`;
  return undefined;
}

interface Pending {
  resolve: (value: any) => void;
  reject: (err: Error) => void;
}

/** One headless Chromium and one page, spoken to in DevTools protocol messages. */
export class Browser {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';
  private sessionId = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const out = child.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
        this.buffer = this.buffer.slice(end + 1);
        const waiting = message.id !== undefined ? this.pending.get(message.id) : undefined;
        if (!waiting) continue;
        this.pending.delete(message.id!);
        if (message.error) waiting.reject(new Error(message.error.message));
        else waiting.resolve(message.result);
      }
    });
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  static async launch(width: number, height: number): Promise<Browser> {
    const profile = mkdtempSync(join(tmpdir(), 'ckex-chromium-'));
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-pipe', `--window-size=${width},${height}`, '--hide-scrollbars', '--force-device-scale-factor=1', 'about:blank'];
    // Its own process group, so closing ends its helper processes too (they write the profile after it exits).
    const child = spawn(CHROMIUM, flags, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true });
    const browser = new Browser(child, profile);
    const { targetInfos } = await browser.send<{ targetInfos: { targetId: string; type: string }[] }>('Target.getTargets');
    const page = targetInfos.find((t) => t.type === 'page');
    const targetId = page?.targetId ?? (await browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })).targetId;
    browser.sessionId = (await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })).sessionId;
    await browser.send('Runtime.enable');
    return browser;
  }

  /** One protocol call, on the page once attached. */
  send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(this.sessionId ? { sessionId: this.sessionId } : {}) });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.child.stdio[3] as Writable).write(`${message}\0`);
    });
  }

  /** Runs an expression in the page and returns its value (awaited when it is a promise). */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{ result: { value: T }; exceptionDetails?: { exception?: { description?: string }; text: string } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }

  async screenshot(clip: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png', clip: { ...clip, scale: 1 }, captureBeyondViewport: true });
    return Buffer.from(data, 'base64');
  }

  async close(): Promise<void> {
    this.sessionId = ''; // Browser.close is a browser command, not a page one
    try {
      // Chromium may exit before it answers: that rejection is expected, never left unhandled.
      await Promise.race([this.send('Browser.close').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // already gone
    }
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGKILL');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    }
    try {
      process.kill(-this.child.pid!, 'SIGKILL'); // the helper processes left in its group
    } catch {
      // none left
    }
    // A helper may still be writing the profile for a moment: retry, and never fail a test over a temp folder.
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}
