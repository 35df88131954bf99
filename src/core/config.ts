// Settings from the environment, validated once. A bad value stops start-up naming the setting and the fix.
import { z } from 'zod';

const list = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  DATA_DIR: z.string().min(1).default('./data'),
  CONTENT_DIR: z.string().min(1).default('./content'),
  LOCALES_DIR: z.string().min(1).default('./locales'),
  CKEX_NOW: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 instant such as 2021-05-04T14:00:00Z' }).optional(),
  CKEX_ADMINS: list,
  PUBLIC_URL: z.url({ message: 'expected the https:// address where this server is reachable' }).transform((u) => u.replace(/\/+$/, '')).optional(),
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`environment: setting ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
