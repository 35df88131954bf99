-- What the bot last showed a user, in which conversation and when (sessions, a day, a week): the referent of "it",
-- "the second one", "the next day" for ten minutes. Personal like the rest of the row: erased with it.
ALTER TABLE users ADD COLUMN shown jsonb CHECK (shown IS NULL OR length(shown::text) <= 2000);
