// From complete, validated answers to a stored registration: one per email, invited emails confirmed at once,
// the others pending until an organiser decides. Saved durably before anyone is told.
import { randomInt } from 'node:crypto';
import type { Lang } from '../lang.js';
import type { Registration, RegistrationStatus } from '../store/records.js';
import type { AsyncStore } from '../store/async-store.js';
import type { Answers } from './fields.js';

const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: ids are read aloud and typed

export async function newRegistrationId(store: AsyncStore): Promise<string> {
  for (;;) {
    const id = `R${Array.from({ length: 5 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;
    if (!(await store.registration(id))) return id;
  }
}

/** What became of a submission: saved (new or updated by its owner), or refused because another identity owns the email. */
export type Submitted =
  | {
      outcome: 'saved';
      registration: Registration;
      created: boolean;
      /** The status before this submission (undefined when new). */
      previous?: RegistrationStatus;
    }
  | { outcome: 'taken'; registration: Registration };

/** Who submits: a chat identity, and the email its platform vouches it owns (Slack profile, Teams roster), if asked. */
export interface Submitter {
  id: string;
  verifiedEmail?: () => Promise<string | undefined>;
}

function nextStatus(previous: RegistrationStatus | undefined, invitedAndVouched: boolean): RegistrationStatus {
  if (invitedAndVouched) return previous === 'declined' ? 'declined' : 'confirmed';
  if (previous === 'confirmed' || previous === 'declined') return previous;
  return 'pending';
}

/** Whether the platform says this user owns the email; any failure to ask counts as no. */
async function vouched(submitter: Submitter, email: string): Promise<boolean> {
  try {
    return (await submitter.verifiedEmail?.())?.toLowerCase() === email;
  } catch {
    return false;
  }
}

/** Reads of a submission over a registration that others keep changing: beyond this, something is wrong. */
const SUBMIT_ATTEMPTS = 4;

export async function submitRegistration(store: AsyncStore, submitter: Submitter, lang: Lang, answers: Required<Answers>, now: string): Promise<Submitted> {
  const email = answers.email.toLowerCase();
  for (let attempt = 1; attempt <= SUBMIT_ATTEMPTS; attempt++) {
    const [existing, invited] = await Promise.all([store.registrationByEmail(email), store.isInvited(email)]);
    // A registration belongs to the identities that created it: anyone else giving its email changes nothing.
    if (existing && !existing.userIds.includes(submitter.id)) return { outcome: 'taken', registration: existing };
    // An invitation confirms at once only the person the platform vouches owns the email; others wait for approval.
    const emailVerified = existing?.emailVerified === true || (await vouched(submitter, email));
    const registration: Registration = {
      id: existing?.id ?? (await newRegistrationId(store)),
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
      status: nextStatus(existing?.status, invited && emailVerified),
      invited,
      ...(emailVerified ? { emailVerified: true } : {}),
      userIds: existing?.userIds ?? [submitter.id],
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    // Saved only over the registration as it was read: an organiser's decision made meanwhile (on another
    // instance) is read again rather than undone; another instance registering the email first wins.
    const saved = await store.saveRegistration(registration, existing ? { updatedAt: existing.updatedAt } : 'new');
    if (saved.outcome === 'moved') continue;
    if (saved.outcome === 'taken') {
      if (saved.registration.userIds.includes(submitter.id)) continue; // this person's own, made by their other message
      return saved;
    }
    return { outcome: 'saved', registration: saved.registration, created: existing === undefined, ...(existing ? { previous: existing.status } : {}) };
  }
  throw new Error('the registration kept changing while it was saved');
}

/**
 * Moves a registration from the status it was read with to another, only if nobody changed it meanwhile (approve and
 * decline pressed by two organisers at once change it once). Undefined when it had already moved.
 */
export async function setStatus(store: AsyncStore, registration: Registration, status: RegistrationStatus, now: string, mark?: { invited: true }): Promise<Registration | undefined> {
  return store.setRegistrationStatus(registration.id, registration.status, status, now, mark);
}
