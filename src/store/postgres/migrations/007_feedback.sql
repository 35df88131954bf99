-- Feedback after each session (issue 25): one answer per person and session, a rating 1–5 and two optional
-- comments, each with the language it was written in. The author is kept only for one answer per person and for
-- erasure (`me delete`, the retention purge); reports and exports never show it. Values are validated by
-- src/core/store/feedback-record.ts on the way in and out; these constraints are what no bug may break.
CREATE TABLE feedback (
  session_id text NOT NULL CHECK (session_id ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  user_id text NOT NULL,
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  useful text CHECK (length(useful) BETWEEN 1 AND 1000),
  useful_lang text CHECK (useful_lang IN ('en', 'fr', 'ar')),
  better text CHECK (length(better) BETWEEN 1 AND 1000),
  better_lang text CHECK (better_lang IN ('en', 'fr', 'ar')),
  lang text NOT NULL CHECK (lang IN ('en', 'fr', 'ar')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, user_id),
  CHECK ((useful IS NULL) = (useful_lang IS NULL)),
  CHECK ((better IS NULL) = (better_lang IS NULL))
);
CREATE INDEX feedback_user ON feedback (user_id);

-- People who asked for no more feedback prompts (`feedback off`): a preference, erased with the person.
CREATE TABLE feedback_off (
  user_id text PRIMARY KEY,
  at timestamptz NOT NULL
);

-- A conversational form is a registration (NULL, as before) or feedback on the session named by subject.
ALTER TABLE forms ADD COLUMN kind text CHECK (kind IN ('registration', 'feedback'));
ALTER TABLE forms ADD COLUMN subject text CHECK (length(subject) <= 80);
