// npm run invites -- import FILE: adds the invited emails found in a CSV (any column) to the store.
// Needs the store's lock, so run it while the bot is stopped, or use the organiser command `invites` in chat.
import { readFileSync } from 'node:fs';
import { readConfig } from '../src/core/config.js';
import { emailsIn } from '../src/core/forms/export-csv.js';
import { LowdbStore } from '../src/store/lowdb-store.js';

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if (command !== 'import' || !file) {
    console.error('usage: npm run invites -- import FILE.csv');
    process.exit(2);
  }
  const emails = emailsIn(readFileSync(file, 'utf8'));
  const store = await LowdbStore.open(readConfig().DATA_DIR);
  try {
    const added = await store.addInvites(emails, `file:${file}`);
    const pending = emails.map((e) => store.registrationByEmail(e)).filter((r) => r?.status === 'pending');
    for (const r of pending) await store.saveRegistration({ ...r!, invited: true, status: 'confirmed', updatedAt: new Date().toISOString() });
    console.log(`${emails.length} emails read, ${added} new, ${store.inviteCount()} invited in all; ${pending.length} pending registrations confirmed.`);
    if (pending.length > 0) console.log('They will see their status with "me"; use the organiser command "invites" in chat to notify them directly.');
  } finally {
    await store.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
