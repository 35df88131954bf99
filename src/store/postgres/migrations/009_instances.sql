-- The instances alive now, each renewing its row every few seconds for as long as it says it will live: the
-- scheduler splits each platform's rate limit (a Slack workspace's, a Teams tenant's) between them, so that together
-- they stay within it.
CREATE TABLE instances (
  id text PRIMARY KEY CHECK (length(id) <= 100),
  alive_until timestamptz NOT NULL
);
