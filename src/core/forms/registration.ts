// From complete, validated answers to a stored registration: one per email, invited emails confirmed at once,
// the others pending until an organiser decides. Saved durably before anyone is told.
import { randomInt } from 'node:crypto';
import type { Lang } from '../content/schema.js';
import type { Registration, RegistrationStatus } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import type { Answers } from './fields.js';

const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: ids are read aloud and typed

export function newRegistrationId(store: Store): string {
  for (;;) {
    const id = `R${Array.from({ length: 5 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;
    if (!store.registration(id)) return id;
  }
}

export interface Submitted {
  registration: Registration;
  created: boolean;
  /** The status before this submission (undefined when new). */
  previous?: RegistrationStatus;
}

function nextStatus(previous: RegistrationStatus | undefined, invited: boolean): RegistrationStatus {
  if (invited) return previous === 'declined' ? 'declined' : 'confirmed';
  if (previous === 'confirmed' || previous === 'declined') return previous;
  return 'pending';
}

export async function submitRegistration(store: Store, userId: string, lang: Lang, answers: Required<Answers>, now: string): Promise<Submitted> {
  const email = answers.email.toLowerCase();
  const existing = store.registrationByEmail(email);
  const invited = store.isInvited(email);
  const registration: Registration = {
    id: existing?.id ?? newRegistrationId(store),
    email,
    name: answers.name,
    organisation: answers.organisation,
    country: answers.country,
    role: answers.role as Registration['role'],
    institution: answers.institution as Registration['institution'],
    region: answers.region as Registration['region'],
    ...(answers.nominatedBy ? { nominatedBy: answers.nominatedBy } : {}),
    interpretation: answers.interpretation as Registration['interpretation'],
    consentAt: now,
    lang,
    status: nextStatus(existing?.status, invited),
    invited,
    userIds: [...new Set([...(existing?.userIds ?? []), userId])],
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await store.saveRegistration(registration);
  return { registration, created: existing === undefined, ...(existing ? { previous: existing.status } : {}) };
}

export async function setStatus(store: Store, registration: Registration, status: RegistrationStatus, now: string): Promise<Registration> {
  const updated = { ...registration, status, updatedAt: now };
  await store.saveRegistration(updated);
  return updated;
}
