// npm run invites -- import FILE: adds the invited emails found in a CSV (any column) to the store.
// With the lowdb store it needs the store's lock, so run it while the bot is stopped (or use the organiser command
// `invites` in chat); with DATABASE_URL it runs beside the bot.
import { readFileSync } from 'node:fs';
import { readConfig } from '../src/core/config.js';
import { loadContent } from '../src/core/content/load.js';
import { Agenda } from '../src/core/agenda.js';
import { shiftedClock, systemClock } from '../src/core/clock.js';
import { eventOver, tryAt } from '../src/core/event-over.js';
import { emailsIn } from '../src/core/forms/export-csv.js';
import { openStore } from '../src/store/open.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { mustExist, readArgs, refuse } from './cli.js';

const USAGE = 'usage: npm run invites -- import FILE.csv\nadds every email found in the CSV (any column) to the invited list';

async function main(): Promise<void> {
  const [command, file] = readArgs(process.argv.slice(2), USAGE, {}, 2).positionals;
  if (command !== 'import') refuse(command ? `unknown command ${command}` : 'import FILE.csv is missing', USAGE);
  if (!file) refuse('FILE.csv is missing', USAGE);
  mustExist(file, 'file');
  const emails = emailsIn(readFileSync(file, 'utf8'));
  const config = readConfig();
  const content = loadContent(config.CONTENT_DIR);
  const agenda = new Agenda(content);
  if (eventOver({ agenda, clock: config.CKEX_NOW ? shiftedClock(config.CKEX_NOW) : systemClock })) {
    // As in chat: once the event is over registration is closed, and retention would erase the invitations.
    console.error(`The event ended on ${agenda.lastDay} and registration is closed: no invitations were added. To try the bot as during the event, set CKEX_NOW=${tryAt({ agenda })}.`);
    process.exit(1);
  }
  const { regions } = content;
  const store = await openStore(config, { personalPosts, regionOf: (country) => regions.regionOf(country) });
  try {
    const added = await store.addInvites(emails, `file:${file}`);
    let confirmed = 0;
    let unverified = 0;
    for (const email of emails) {
      const r = await store.registrationByEmail(email);
      if (r?.status !== 'pending') continue;
      // As in chat: an invitation confirms only where the platform vouched the registrant owns the email.
      if (!r.emailVerified) unverified++;
      else if (await store.setRegistrationStatus(r.id, 'pending', 'confirmed', new Date().toISOString(), { invited: true })) confirmed++;
    }
    console.log(`${emails.length} emails read, ${added} new, ${await store.inviteCount()} invited in all; ${confirmed} pending registrations confirmed.`);
    if (unverified > 0) console.log(`${unverified} pending registrations of invited emails stay pending: their platform did not vouch for the email; approve them in chat.`);
    if (confirmed > 0) console.log('They will see their status with "me"; use the organiser command "invites" in chat to notify them directly.');
  } finally {
    await store.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
