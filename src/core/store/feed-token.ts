// The token of a user's private calendar address (GET /ics/u/<token>.ics): 24 random bytes in base64url, so the
// address cannot be guessed; the same form in every store, and checked before any lookup.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export const FEED_TOKEN = /^[A-Za-z0-9_-]{32}$/;
export const feedTokenSchema = z.string().regex(FEED_TOKEN);

export const newFeedToken = (): string => randomBytes(24).toString('base64url');
