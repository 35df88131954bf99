// Settings from the environment, validated once. A bad value stops start-up naming the setting and the fix.
import { z } from 'zod';
import { platformOfAdminId } from './admins.js';
import { parseFocalPoints } from './nominations/focal-points.js';

const list = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

const JOIN_MINUTES = 'expected a whole number of minutes from 0 to 1440 (a day), such as 15: how long before a session starts its join link is shown';

const LIVE_MINUTES = 'expected a whole number of minutes from 0 to 120, such as 5: how long before a session starts its live post goes out and questions open';

const FEEDBACK_MINUTES = 'expected a whole number of minutes from 0 to 1440 (a day), such as 5: how long after a session ends its feedback prompt goes to the people who starred it, asked or voted in it';
const ACK_BUDGET = 'expected a whole number of milliseconds from 50 to 2800, such as 2200: how long after a Slack request arrives it is acknowledged at the latest (Slack allows 3000)';

const POSTS_PER_SECOND = 'expected a whole number from 1 to 100, such as 50: how many scheduled posts a second the bot sends to the Slack workspace, all its instances together';

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978), // 0: any free port (tests)
  DATA_DIR: z.string().min(1).default('./data'),
  /** The shared store (PostgreSQL): set, it replaces DATA_DIR and any number of instances may share it. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, { message: 'expected a PostgreSQL connection URL such as postgres://ckex:secret@db.example.org:5432/ckex?sslmode=require' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number({ message: 'expected the number of connections each instance may hold, such as 10' }).int().min(1).max(100).default(10),
  CONTENT_DIR: z.string().min(1).default('./content'),
  LOCALES_DIR: z.string().min(1).default('./locales'),
  CKEX_NOW: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 instant such as 2021-05-04T14:00:00Z' }).optional(),
  CKEX_ADMINS: list.refine((ids) => ids.every((id) => platformOfAdminId(id) !== undefined), {
    message: 'expected comma-separated organiser ids: Slack user ids (U0123ABCD), Teams ids (29:…) or Entra object ids (GUIDs), or console:local',
  }),
  CKEX_ORGANISERS_CHANNEL: z.string().regex(/^(slack|teams):.+/, { message: 'expected slack:<channel id> (e.g. slack:C0123ABCD) or teams:<conversation id>' }).optional(),
  PUBLIC_URL: z.url({ message: 'expected the https:// address where this server is reachable' }).transform((u) => u.replace(/\/+$/, '')).optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', { message: 'expected a bot token starting with xoxb- (OAuth & Permissions page of the app)' }).optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, { message: 'expected the signing secret from the Basic Information page of the app' }).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', { message: 'expected an app-level token starting with xapp- (needs connections:write), for Socket Mode' }).optional(),
  SLACK_API_URL: z.url({ message: 'expected the base URL of the Slack Web API, such as http://127.0.0.1:4000/api/' }).transform((u) => (u.endsWith('/') ? u : `${u}/`)).optional(),
  /** Milliseconds from a Slack request's arrival within which it is acknowledged (Slack allows 3,000 in all). */
  SLACK_ACK_BUDGET_MS: z.coerce
    .number({ message: ACK_BUDGET })
    .int({ message: ACK_BUDGET })
    .min(50, { message: ACK_BUDGET })
    .max(2800, { message: ACK_BUDGET })
    .default(2200),
  /** Scheduled posts a second to one Slack workspace, all instances together (Slack allows about 50). */
  SLACK_POSTS_PER_SECOND: z.coerce
    .number({ message: POSTS_PER_SECOND })
    .int({ message: POSTS_PER_SECOND })
    .min(1, { message: POSTS_PER_SECOND })
    .max(100, { message: POSTS_PER_SECOND })
    .default(50),
  // The Teams settings are checked together, all problems at once, by src/bots/teams/settings.ts.
  MicrosoftAppId: z.string().trim().min(1).optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppType: z.string().trim().min(1).optional(),
  MicrosoftAppTenantId: z.string().trim().min(1).optional(),
  ToBotFromChannelOpenIdMetadataUrl: z.url({ protocol: /^https?$/, message: 'expected the address of an OpenID metadata document; leave it unset for the public Azure cloud' }).optional(),
  ToBotFromEmulatorOpenIdMetadataUrl: z.url({ protocol: /^https?$/, message: 'expected the address of an OpenID metadata document; leave it unset for the public Azure cloud' }).optional(),
  TEAMS_ALLOW_UNAUTHENTICATED: z.enum(['0', '1'], { message: 'expected 1 (Teams without authentication, for the Bot Framework Emulator on this machine only) or 0' }).optional(),
  /** Days after the event's last day when personal data is erased (the consent notice's promise). */
  CKEX_RETENTION_DAYS: z.coerce.number({ message: "expected a whole number of days, such as 184 (six months)" }).int().min(0).max(3650).default(184),
  /** Minutes before a session starts from which its card shows the join link (until it ends). */
  CKEX_JOIN_LINK_MINUTES: z.coerce
    .number({ message: JOIN_MINUTES })
    .int({ message: JOIN_MINUTES })
    .min(0, { message: JOIN_MINUTES })
    .max(1440, { message: JOIN_MINUTES })
    .default(15),
  NODE_ENV: z.string().optional(),
  /** Feedback: minutes after a session ends when each person who starred it, asked or voted in it is asked for feedback. */
  CKEX_FEEDBACK_MINUTES: z.coerce
    .number({ message: FEEDBACK_MINUTES })
    .int({ message: FEEDBACK_MINUTES })
    .min(0, { message: FEEDBACK_MINUTES })
    .max(1440, { message: FEEDBACK_MINUTES })
    .default(5),
  /** Live sessions: minutes before a session starts when its live post goes to subscribed channels and questions open. */
  CKEX_LIVE_MINUTES: z.coerce
    .number({ message: LIVE_MINUTES })
    .int({ message: LIVE_MINUTES })
    .min(0, { message: LIVE_MINUTES })
    .max(120, { message: LIVE_MINUTES })
    .default(5),
  /** 0: questions cannot be anonymous. */
  CKEX_QA_ANONYMOUS: z.enum(['0', '1'], { message: 'expected 1 (questions may be anonymous) or 0 (every question shows who asked it to organisers)' }).default('1').transform((v) => v === '1'),
  /** 1: new questions wait for a moderator before anyone else sees them. */
  CKEX_QA_MODERATION: z.enum(['0', '1'], { message: 'expected 1 (new questions wait for a moderator) or 0 (shown at once)' }).default('0').transform((v) => v === '1'),
  /** Regional focal points: platform user ids with the region each nominates for ("U0123ABCD:MENA,29:…:AFW"). */
  CKEX_FOCAL_POINTS: list.transform((entries, ctx) => {
    const parsed = parseFocalPoints(entries);
    if ('points' in parsed) return parsed.points;
    ctx.addIssue({ code: 'custom', message: `expected comma-separated focal points, each a platform user id and its region (U0123ABCD:MENA, 29:…:AFW): ${parsed.error}` });
    return z.NEVER;
  }),
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** NODE_ENV names production however it is written ("production", "Production", " PRODUCTION"). */
export const isProduction = (config: Pick<Config, 'NODE_ENV'>): boolean => config.NODE_ENV?.trim().toLowerCase() === 'production';

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`environment: setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const slack = halfSlack(parsed.data);
  if (slack) throw new ConfigError(slack);
  return parsed.data;
}

/**
 * Half a Slack configuration stops start-up, as half a Teams one does: Slack needs the bot token and either the
 * signing secret (HTTP) or the app-level token (Socket Mode). Undefined when Slack is whole or wholly off.
 */
export function halfSlack(config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN'>): string | undefined {
  const { SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: secret, SLACK_APP_TOKEN: appToken } = config;
  if (token && !secret && !appToken) {
    return 'environment: SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not: set SLACK_SIGNING_SECRET (Basic Information page of the app), or SLACK_APP_TOKEN for Socket Mode, or remove SLACK_BOT_TOKEN to run without Slack';
  }
  if (!token && (secret || appToken)) {
    const set = [secret ? 'SLACK_SIGNING_SECRET' : undefined, appToken ? 'SLACK_APP_TOKEN' : undefined].filter(Boolean).join(' and ');
    return `environment: ${set} ${secret && appToken ? 'are' : 'is'} set but SLACK_BOT_TOKEN is not: set SLACK_BOT_TOKEN (xoxb-…, OAuth & Permissions page of the app), or remove ${set} to run without Slack`;
  }
  return undefined;
}
