// Faults a real deployment meets: kill -9 during a burst of registrations, a corrupt store file, a second
// process on the same DATA_DIR. Each through `npm start` itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore, STORE_FILE } from '../src/store/lowdb/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { tempDir } from './helpers/bot.js';
import { startE2e } from './helpers/e2e.js';
import { signedPost } from './helpers/slack-requests.js';
import { failedStart, spawnServer } from './helpers/spawn-server.js';

function submission(i: number): string {
  const values: Record<string, Record<string, unknown>> = {};
  const text = { name: `Participant ${i}`, email: `p${i}@example.org`, organisation: 'Ministry', country: 'Morocco', nominatedBy: '' };
  for (const [id, value] of Object.entries(text)) values[id] = { value: { type: 'plain_text_input', value } };
  for (const [id, value] of Object.entries({ role: 'practitioner', institution: 'ministry', region: 'MENA', interpretation: 'ar' })) values[id] = { value: { type: 'static_select', selected_option: { value } } };
  values.consent = { value: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } };
  const payload = { type: 'view_submission', team: { id: 'T1' }, user: { id: `U${i}` }, view: { id: `V${i}`, type: 'modal', callback_id: 'ckex_register', private_metadata: '{"lang":"en"}', state: { values } } };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe('faults', () => {
  it('kill -9 during a burst of registrations loses none that were confirmed, and leaves a valid store', async () => {
    const e2e = await startE2e({ spawn: true, platforms: ['slack'], now: '2021-05-04T14:00:00Z' }); // during the event: registration open
    const { server, dataDir } = e2e;
    const confirmed: number[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < 5000) {
        const i = next++;
        try {
          const res = await signedPost(e2e.events, submission(i), 'application/x-www-form-urlencoded');
          const body = (await res.json()) as { response_action?: string };
          if (body.response_action === 'update') confirmed.push(i);
        } catch {
          /* the server died under this request: not confirmed */
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    while (confirmed.length < 150) await new Promise((r) => setTimeout(r, 10));
    killed = true;
    await server.stop('SIGKILL');
    await Promise.all(workers);
    await e2e.close();
    const store = await LowdbStore.open(dataDir, { personalPosts }); // the lock of the killed process is taken over; the file validates
    try {
      const found = await Promise.all(confirmed.map((i) => store.registrationByEmail(`p${i}@example.org`)));
      expect(confirmed.filter((_, k) => !found[k])).toEqual([]);
      expect((await store.registrationCounts()).total).toBeGreaterThanOrEqual(confirmed.length);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses to start on a corrupt store file, naming it, and leaves it intact', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, STORE_FILE);
    writeFileSync(file, '{"version":1,"users":{"u1":');
    const { code, output } = await failedStart({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain(file);
    expect(output).toContain('left untouched');
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"users":{"u1":');
  });

  it('refuses a second server on the same DATA_DIR', async () => {
    const dataDir = tempDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    try {
      const { code, output } = await failedStart({ DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain('in use by another CKEx process');
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    } finally {
      await first.stop();
    }
  });
});
