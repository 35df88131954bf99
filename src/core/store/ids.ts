// The ids records are keyed by, shared by every record file (and by the PostgreSQL CHECKs, which say the same).
import { z } from 'zod';

/** A session id as stars keep it (agenda ids such as w2-d3-a): the PostgreSQL CHECK says the same. */
export const SESSION_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
export const sessionIdSchema = z.string().regex(SESSION_ID, 'expected a session id like w2-d3-a');

/** A chat user id as a key of the file's records: never one that would reach an object's prototype. */
export const userIdSchema = z.string().min(1).refine((id) => id !== '__proto__', 'not a user id');
