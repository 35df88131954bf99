-- Live sessions (issue 24): questions to a session's panel, one vote per person and question, the moderators of
-- each session, and where each channel's live post is so it can be updated in place. Values are validated by
-- src/core/store/live-records.ts on the way in and out; these constraints are what no bug may break.

-- Questions: the id people type is 'q' || id. author_id is NULL once an anonymous author was erased (their
-- question stays, from "a participant"); at most 10 waiting or open per author and session, counted by
-- addQuestion under a per-author advisory lock, since no constraint can count rows.
CREATE TABLE live_questions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id text NOT NULL CHECK (session_id ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  author_id text,
  anonymous boolean NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'ar')),
  status text NOT NULL CHECK (status IN ('waiting', 'open', 'answered', 'hidden')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (author_id IS NOT NULL OR anonymous)
);
CREATE INDEX live_questions_session ON live_questions (session_id);
CREATE INDEX live_questions_author ON live_questions (author_id);

-- One vote per person and question: the primary key decides it, whichever instance the press reached.
CREATE TABLE live_votes (
  question_id bigint NOT NULL REFERENCES live_questions (id) ON DELETE CASCADE,
  user_id text NOT NULL,
  voted_at timestamptz NOT NULL,
  PRIMARY KEY (question_id, user_id)
);
CREATE INDEX live_votes_user ON live_votes (user_id);

-- Who may mark a session's questions answered or hide them, besides the organisers (platform user ids).
CREATE TABLE live_moderators (
  session_id text PRIMARY KEY CHECK (session_id ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  user_ids text[] NOT NULL CHECK (cardinality(user_ids) BETWEEN 1 AND 50)
);

-- Where each channel's live post of a session is (a Slack ts, a Teams activity id), to update it in place.
CREATE TABLE live_posts (
  session_id text NOT NULL CHECK (session_id ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  channel text NOT NULL CHECK (length(channel) <= 300),
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'ar')),
  zone text NOT NULL CHECK (length(zone) <= 100),
  ref jsonb NOT NULL,
  posted_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, channel)
);
