// A confirmed announcement stored, scheduled for its time: an id nobody holds, the counts at zero.
import { randomInt } from 'node:crypto';
import type { AsyncStore } from '../store/async-store.js';
import type { Announcement, Audience } from '../store/announcement.js';

const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: ids are read aloud and typed

export async function scheduleAnnouncement(store: AsyncStore, by: string, audience: Audience, text: Announcement['text'], sendAt: string, now: string): Promise<Announcement> {
  for (;;) {
    const id = `A${Array.from({ length: 5 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;
    const announcement: Announcement = { id, by, audience, text, sendAt, status: 'scheduled', createdAt: now, sent: 0, unreachable: 0 };
    if (await store.addAnnouncement(announcement)) return announcement;
  }
}
