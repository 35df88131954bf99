-- The whole store in PostgreSQL. Values are validated by the zod schemas of src/store/schema.ts on the way in and
-- out; the constraints here are what several instances must agree on, and what no bug may break. Instants are
-- timestamptz and come back as UTC ISO strings with milliseconds, the form the core writes.

-- A chat user's preferences (language, zone, the pending yes/no question).
CREATE TABLE users (
  id text PRIMARY KEY,
  lang text CHECK (lang IN ('en', 'fr', 'ar')),
  tz text,
  last_lang text CHECK (last_lang IN ('en', 'fr', 'ar')),
  pending_yes text,
  pending_no text,
  pending_at timestamptz,
  updated_at timestamptz NOT NULL,
  CHECK ((pending_yes IS NULL) = (pending_at IS NULL))
);

-- Where the bot may post unasked. The reference is the platform's own object: its shape is genuinely open.
CREATE TABLE conversations (
  id text PRIMARY KEY,
  platform text NOT NULL CHECK (platform IN ('teams', 'slack')),
  scope text NOT NULL CHECK (scope IN ('personal', 'channel', 'groupChat')),
  user_id text,
  reference jsonb NOT NULL CHECK (jsonb_typeof(reference) = 'object'),
  updated_at timestamptz NOT NULL
);
CREATE INDEX conversations_user_id ON conversations (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE registrations (
  id text PRIMARY KEY CHECK (id ~ '^R[0-9A-Z]{5}$'),
  email text NOT NULL CHECK (length(email) >= 3),
  name text NOT NULL,
  organisation text NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  -- role, institution and region follow the form's lists (src/core/forms/fields.ts) and are checked there.
  role text NOT NULL,
  institution text NOT NULL,
  region text NOT NULL,
  nominated_by text,
  interpretation text NOT NULL CHECK (interpretation IN ('ar', 'fr', 'none')),
  consent_at timestamptz NOT NULL,
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'ar')),
  status text NOT NULL CHECK (status IN ('confirmed', 'pending', 'declined', 'withdrawn')),
  invited boolean NOT NULL,
  email_verified boolean,
  -- The chat users who registered or updated it, in order: a short list owned by the registration.
  user_ids text[] NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- One registration per email, whatever its case, across every instance.
CREATE UNIQUE INDEX registrations_email_key ON registrations (lower(email));
CREATE INDEX registrations_user_ids ON registrations USING gin (user_ids);
CREATE INDEX registrations_export_order ON registrations (created_at, id);
CREATE INDEX registrations_status ON registrations (status);

-- A conversational form under way. The version comes from a sequence, so a dropped and restarted form never
-- reuses the version an old reader holds.
CREATE SEQUENCE form_versions;
CREATE TABLE forms (
  user_id text PRIMARY KEY,
  version bigint NOT NULL DEFAULT nextval('form_versions'),
  step integer NOT NULL CHECK (step >= 0),
  review boolean NOT NULL,
  editing boolean NOT NULL,
  pending_choices text[],
  region_to_confirm text,
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'ar')),
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX forms_updated_at ON forms (updated_at);

CREATE TABLE form_answers (
  user_id text NOT NULL REFERENCES forms (user_id) ON DELETE CASCADE,
  field text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (user_id, field)
);

CREATE TABLE invites (
  email text PRIMARY KEY CHECK (email = lower(email)),
  invited_at timestamptz NOT NULL,
  invited_by text NOT NULL
);

CREATE TABLE subscriptions (
  id text PRIMARY KEY,
  platform text NOT NULL CHECK (platform IN ('slack', 'teams')),
  channel text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'ar')),
  time text NOT NULL CHECK (time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  zone text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  last_posted text,
  paused_at timestamptz,
  paused_reason text,
  CHECK ((paused_at IS NULL) = (paused_reason IS NULL))
);

-- Scheduled posts by key: the row is the claim (INSERT … ON CONFLICT DO NOTHING), posted_at says it was sent.
CREATE TABLE posts (
  key text PRIMARY KEY,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  posted_at timestamptz
);

-- Ids seen lately (Slack event ids, request signatures), so a retry on any instance is answered once.
CREATE TABLE seen (
  kind text NOT NULL,
  id text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX seen_expires_at ON seen (expires_at);

CREATE TABLE downloads (
  token text PRIMARY KEY,
  owner text NOT NULL,
  name text NOT NULL,
  mime text NOT NULL,
  content text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX downloads_owner ON downloads (owner);
CREATE INDEX downloads_expires_at ON downloads (expires_at);
