// The store file's shape: validated on every load, versioned so later releases can migrate it.
import { z } from 'zod';
import { LANGS } from '../core/content/schema.js';

export const STORE_VERSION = 1;

export const userPrefsSchema = z
  .object({
    lang: z.enum(LANGS).optional(),
    tz: z.string().optional(),
    updatedAt: z.string(),
  })
  .strict();
export type UserPrefs = z.infer<typeof userPrefsSchema>;

/** Where the bot can post later without being asked (Teams conversation references). */
export const conversationSchema = z
  .object({
    id: z.string().min(1),
    platform: z.enum(['teams', 'slack']),
    scope: z.enum(['personal', 'channel', 'groupChat']),
    /** The user of a personal conversation. */
    userId: z.string().optional(),
    reference: z.record(z.string(), z.unknown()),
    updatedAt: z.string(),
  })
  .strict();
export type StoredConversation = z.infer<typeof conversationSchema>;

export const storeDataSchema = z
  .object({
    version: z.literal(STORE_VERSION),
    users: z.record(z.string(), userPrefsSchema),
    conversations: z.record(z.string(), conversationSchema).default({}),
  })
  .strict();
export type StoreData = z.infer<typeof storeDataSchema>;

export const emptyStore = (): StoreData => ({ version: STORE_VERSION, users: {}, conversations: {} });
