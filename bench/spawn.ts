// The compiled server as `npm start` runs it (node with its flags, build/src/main.js), as a child process: started,
// its port read from its log line, stopped with SIGTERM (SIGKILL after 5 s). The caller builds first
// (scripts/build-if-stale.mjs) so build/ matches src/.
import { spawn } from 'node:child_process';
import { START_FLAGS } from './startup.js';
import { now } from './stats.js';

export interface Compiled {
  pid: number;
  port: number;
  /** From spawning until the "listening" log line, in ms. */
  listeningMs: number;
  /** Everything it wrote on stderr (its JSON logs). */
  logs(): string;
  stop(): Promise<void>;
}

export async function spawnCompiled(env: Record<string, string>, timeoutMs = 60_000): Promise<Compiled> {
  const t0 = now();
  const child = spawn(process.execPath, [...START_FLAGS, 'build/src/main.js'], {
    env: { ...process.env, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let logs = '';
  child.stderr!.on('data', (d) => (logs += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`build/src/main.js did not start in ${timeoutMs} ms:\n${logs.slice(-2000)}`)), timeoutMs);
      child.stderr!.on('data', () => {
        const match = /"port":(\d+),"msg":"CKEx bot listening"/.exec(logs);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`build/src/main.js exited with ${code}:\n${logs.slice(-2000)}`));
      });
    });
    return { pid: child.pid!, port, listeningMs: now() - t0, logs: () => logs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
