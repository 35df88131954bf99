// What the bot last showed is kept in the store, not in one process: two bots on one PostgreSQL database, the
// question answered by one and the follow-up by the other, as a load balancer would share them out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBot, type TestBot } from '../helpers/bot.js';
import { testDatabase, type TestDatabase } from '../helpers/postgres.js';
import { observe } from './observe.js';

let database: TestDatabase;
let a: TestBot;
let b: TestBot;
beforeAll(async () => {
  database = await testDatabase();
  a = await testBot('2021-05-04T14:00:00Z', { DATABASE_URL: database.url });
  b = await testBot('2021-05-04T14:00:00Z', { DATABASE_URL: database.url });
}, 60_000);
afterAll(async () => {
  await a.store.close();
  await b.store.close();
  await database.drop();
});

describe('follow-ups across instances', () => {
  it('a follow-up answered by the other instance acts on what the first one showed', async () => {
    const caller = { id: 'slack:T1:two-instances' };
    await a.reply('when is the session on digital payments?', caller, { conversational: true });
    expect(observe(b.core, await b.reply('add it to my agenda', caller, { conversational: true })).actions).toContain('star:w2-d2-b');
    await b.reply("what's on thursday?", caller, { conversational: true });
    expect(observe(a.core, await a.reply('the next day', caller, { conversational: true })).day).toBe('2021-05-07');
  });
});
