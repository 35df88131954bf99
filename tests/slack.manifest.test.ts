// The Slack app manifest, as "create from manifest" expects it, with least-privilege scopes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const url = z.string().regex(/^https:\/\/[^/]+\/slack\/events$/);
const manifestSchema = z.object({
  _metadata: z.object({ major_version: z.literal(1), minor_version: z.number() }),
  display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140), background_color: z.string().regex(/^#[0-9a-fA-F]{6}$/), long_description: z.string().min(175).max(4000) }),
  features: z.object({
    app_home: z.object({ home_tab_enabled: z.literal(true), messages_tab_enabled: z.literal(true), messages_tab_read_only_enabled: z.literal(false) }),
    bot_user: z.object({ display_name: z.string().min(1).max(80), always_online: z.boolean() }),
    slash_commands: z.array(z.object({ command: z.literal('/ckex'), url, description: z.string().min(1).max(2000), usage_hint: z.string().min(1).max(1000), should_escape: z.boolean() })).length(1),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: url, bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: url }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

const manifest = JSON.parse(readFileSync('manifest/slack/manifest.json', 'utf8'));

describe('Slack manifest', () => {
  it('has the shape Slack accepts', () => {
    expect(() => manifestSchema.parse(manifest)).not.toThrow();
  });

  it('subscribes to the events the app handles, each with the scope it needs, and asks for nothing more', () => {
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    expect(events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    const needed = new Set(['commands', 'chat:write', 'app_mentions:read', 'im:history', 'users:read', 'users:read.email']);
    expect(new Set(scopes)).toEqual(needed);
  });
});
