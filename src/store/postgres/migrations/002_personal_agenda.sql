-- The personal agenda (issue 15): a reminder preference, starred sessions, and private calendar addresses.
-- Values are validated by src/store/schema.ts on the way in and out; these constraints are what no bug may break.

-- Minutes before a starred session to remind the user; 0: no reminders; NULL: the core's default.
ALTER TABLE users ADD COLUMN remind_minutes integer CHECK (remind_minutes BETWEEN 0 AND 1440);

-- A user's starred sessions. At most 500 per user (MAX_STARS_PER_USER): star() counts under a per-user advisory
-- lock, since no constraint can count rows. Looked up by session for reminders and change notices.
CREATE TABLE stars (
  user_id text NOT NULL,
  session_id text NOT NULL CHECK (session_id ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  starred_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, session_id)
);
CREATE INDEX stars_session_id ON stars (session_id);

-- The token of each user's private calendar address (GET /ics/u/<token>.ics): one per user, never shared.
CREATE TABLE feeds (
  user_id text PRIMARY KEY,
  token text NOT NULL UNIQUE CHECK (token ~ '^[A-Za-z0-9_-]{32}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
