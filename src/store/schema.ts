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

export const storeDataSchema = z
  .object({
    version: z.literal(STORE_VERSION),
    users: z.record(z.string(), userPrefsSchema),
  })
  .strict();
export type StoreData = z.infer<typeof storeDataSchema>;

export const emptyStore = (): StoreData => ({ version: STORE_VERSION, users: {} });
